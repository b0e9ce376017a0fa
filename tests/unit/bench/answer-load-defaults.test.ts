import { afterEach, describe, expect, it } from "vitest";
import { balanceArgument } from "@/bench/answer-load/app-cluster";
import { templateLine } from "@/bench/answer-load/template-stamp";

/**
 * The answer bench's defaults (07/12 (13)): several processes are balanced by the session cookie unless `--balance`
 * says otherwise, and the sweep's header names the template it loaded (generator version, pupils, campaigns).
 */
const argv = process.argv;
afterEach(() => {
  process.argv = argv;
});

describe("answer bench defaults", () => {
  it("balances by the session cookie by default; least_conn and the consistent ring stay selectable; anything else is refused in French", () => {
    process.argv = ["node", "run.ts", "--processes", "2"];
    expect(balanceArgument()).toBe("cookie");
    process.argv = ["node", "run.ts", "--processes", "2", "--balance", "least_conn"];
    expect(balanceArgument()).toBe("least_conn");
    process.argv = ["node", "run.ts", "--balance", "cookie-consistent"];
    expect(balanceArgument()).toBe("cookie-consistent");
    process.argv = ["node", "run.ts", "--balance", "round_robin"];
    expect(() => balanceArgument()).toThrow(/--balance : least_conn ou cookie ou cookie-consistent, pas « round_robin »/);
  });

  it("the header names the template's generator version, pupils, campaigns, fingerprint and date", () => {
    const line = templateLine({ version: 3, pupils: 1200, campaigns: 8, fingerprint: "3:0123456789abcdef", generatedAt: "2026-12-07T14:50:00.000Z" });
    expect(line).toBe("Base modèle : générateur v3, 1200 élèves × 8 campagnes, empreinte 3:0123456789abcdef, générée le 2026-12-07T14:50:00.000Z");
    // A stamp written before the campaigns were noted says so instead of guessing.
    expect(templateLine({ version: 3, pupils: 1200, fingerprint: "3:x", generatedAt: "t" })).toContain("1200 élèves × campagnes non notées");
    expect(templateLine(null)).toBe("Base modèle : aucune (pas de template.json)");
  });
});
