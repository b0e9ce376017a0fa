import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * `npm run dev -- --prod` must refuse to start, before announcing « prêt », when a production requirement is
 * missing: it used to print the demo accounts and then answer 500 on every page.
 */
// The check comes before any database work: a start that went on would fail on this address, never on a real base.
const UNREACHABLE = "postgresql://127.0.0.1:1/absente";

function runDev(args: string[], overrides: Record<string, string | undefined>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...overrides };
  for (const [key, value] of Object.entries(overrides)) if (value === undefined) delete env[key];
  return new Promise((resolve, reject) => {
    const child = spawn(path.join("node_modules", ".bin", "tsx"), ["--conditions=react-server", "scripts/dev.ts", ...args], { env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    // A start that goes on (the bug) would serve forever: stop it so that the assertions can say what went wrong.
    const timer = setTimeout(() => child.kill("SIGTERM"), 60_000);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe("npm run dev -- --prod", () => {
  it("stops with the French message, before « prêt », without NEXTAUTH_SECRET", async () => {
    const result = await runDev(["--prod"], { NEXTAUTH_SECRET: undefined, PORT: "3259", NODE_ENV: undefined, DATABASE_URL: UNREACHABLE });
    expect(result.stderr).toContain("NEXTAUTH_SECRET est obligatoire en production");
    expect(result.stdout).not.toContain("prêt");
    expect(result.code).toBe(1);
  }, 90_000);

  it("stops with the French message when a setting is wrong", async () => {
    const result = await runDev(["--prod"], { NEXTAUTH_SECRET: "trop-court", PORT: "3259", NODE_ENV: undefined, DATABASE_URL: UNREACHABLE });
    expect(result.stderr).toContain("NEXTAUTH_SECRET doit faire au moins 32 caractères");
    expect(result.stdout).not.toContain("prêt");
    expect(result.code).toBe(1);
  }, 90_000);
});
