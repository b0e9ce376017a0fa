/**
 * `npm test`: content checks, unit tests, integration tests on a real PostgreSQL, the production build, the
 * authorization matrix and HTTP fuzz against that build, and the end-to-end suite in Chromium. Every step runs;
 * any failure fails the whole command.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";

type StepResult = { name: string; ok: boolean; passed: number; failed: number; seconds: number };
const out = path.join(".data", "test-reports");
mkdirSync(out, { recursive: true });
const results: StepResult[] = [];

function run(name: string, command: string, args: string[], env: Record<string, string> = {}, count?: () => { passed: number; failed: number }) {
  console.log(`\n━━━ ${name} ━━━`);
  const started = Date.now();
  const child = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
  const exitedWell = child.status === 0;
  let counts = { passed: 0, failed: exitedWell ? 0 : 1 };
  try {
    if (count) counts = count();
  } catch {
    // No report: the step failed before running its tests; it counts as one failure.
  }
  if (!exitedWell && counts.failed === 0) counts.failed = 1;
  // A failed test fails the step even if its process exited 0.
  results.push({ name, ok: exitedWell && counts.failed === 0, ...counts, seconds: (Date.now() - started) / 1000 });
}

function vitestCounts(file: string) {
  return () => {
    const report = JSON.parse(readFileSync(file, "utf8"));
    return { passed: report.numPassedTests, failed: report.numFailedTests };
  };
}

function playwrightCounts(file: string) {
  return () => {
    const report = JSON.parse(readFileSync(file, "utf8"));
    return { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected };
  };
}

const bin = (name: string) => path.join("node_modules", ".bin", name);

run("Contenu pédagogique (npm run content:check)", bin("tsx"), ["scripts/content-check.ts"]);
const unitReport = path.join(out, "unit.json");
run("Tests unitaires", bin("vitest"), ["run", "--project", "unit", "--reporter=default", "--reporter=json", `--outputFile.json=${unitReport}`], {}, vitestCounts(unitReport));
const integrationReport = path.join(out, "integration.json");
run("Tests d'intégration (PostgreSQL réel)", bin("vitest"), ["run", "--project", "integration", "--reporter=default", "--reporter=json", `--outputFile.json=${integrationReport}`], {}, vitestCounts(integrationReport));
run("Build de production (next build)", "npm", ["run", "build", "--silent"]);
const matrixReport = path.join(out, "matrix-tests.json");
const e2eReport = path.join(out, "e2e.json");
if (existsSync(path.join(".next", "BUILD_ID"))) {
  run("Matrice d'autorisation et fuzz HTTP (build de production)", bin("vitest"), ["run", "--project", "matrix", "--reporter=default", "--reporter=json", `--outputFile.json=${matrixReport}`], {}, vitestCounts(matrixReport));
  run("Tests de bout en bout (Playwright, Chromium)", bin("playwright"), ["test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport }, playwrightCounts(e2eReport));
}

console.log("\n━━━ Résumé ━━━");
for (const r of results) {
  console.log(`${r.ok ? "✓" : "✗"} ${r.name} — ${r.passed} réussi(s), ${r.failed} échec(s), ${r.seconds.toFixed(0)} s`);
}
const passed = results.reduce((s, r) => s + r.passed, 0);
const failed = results.reduce((s, r) => s + r.failed, 0);
const allOk = results.every((r) => r.ok) && results.length === 6;
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(allOk ? 0 : 1);
