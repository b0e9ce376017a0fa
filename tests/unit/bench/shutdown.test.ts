import { spawn } from "node:child_process";
import path from "node:path";
import { expect, it } from "vitest";
import { groupAlive } from "@/bench/answer-load/process-group";

/**
 * A SIGINT sent to the runner alone (tsx, as when a bench runs in the background), then a second one during the stop:
 * the bench still stops its process groups, waits for them, and exits 130 (review of 07/12, finding F4).
 */
it("stops every process group on SIGINT to the runner, even when a second SIGINT comes during the stop", async () => {
  const runner = spawn(path.resolve("node_modules/.bin/tsx"), [path.resolve("tests/fixtures/bench/shutdown-child.ts")], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  runner.stderr.on("data", (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((r) => runner.once("exit", (code) => r(code)));
  await new Promise<void>((resolve, reject) => {
    runner.stdout.on("data", (c: Buffer) => {
      out += c.toString();
      if (out.includes("prêt")) resolve();
    });
    runner.once("exit", () => reject(new Error(`sorti avant d'être prêt : ${err}`)));
  });
  const pgid = Number(/groupe (\d+)/.exec(out)![1]);
  expect(groupAlive(pgid)).toBe(true);
  runner.kill("SIGINT");
  await new Promise((r) => setTimeout(r, 100));
  runner.kill("SIGINT");
  expect(await exited).toBe(130);
  expect(groupAlive(pgid)).toBe(false);
  expect(err).toContain("SIGINT : arrêt des processus du bench…");
}, 20_000);
