import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * `npm run engine:calibrate -- --ecrire --min-reponses 5k` read the floor as NaN: no answer count is below NaN, so the
 * indicative-estimate warning stayed silent and --ecrire wrote parameters.json from a handful of answers (recheck14).
 * The options are checked before any database is opened (the URL below leads nowhere).
 */
function calibrate(...args: string[]) {
  return spawnSync(path.join("node_modules", ".bin", "tsx"), ["--conditions=react-server", "scripts/engine-calibrate.ts", ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: "postgresql://nobody:nothing@127.0.0.1:1/none" },
    timeout: 60_000,
  });
}

describe("engine:calibrate options", () => {
  for (const [option, value] of [["--min-reponses", "5k"], ["--min-reponses", "5 000"], ["--min-reponses", "-1"], ["--signalements", "tous"]]) {
    it(`refuses ${option} ${JSON.stringify(value)} in French, exit 1, before reading anything`, () => {
      const run = calibrate("--ecrire", `${option}=${value}`);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`✗ ${option} attend un nombre entier`);
    }, 60_000);
  }
});
