import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { validateLearnerRecord } from "@/lib/domain/roster/learner-record";
import { quotedInput } from "@/lib/domain/shared/quoted-input";

describe("an import error never echoes its input at full size", () => {
  it("a megabyte-long date of birth, INE or sex gives short reasons", () => {
    const huge = "9".repeat(1_000_000);
    const validation = validateLearnerRecord(
      { nationalStudentId: huge, firstName: "Léa", lastName: "DUPONT", sex: huge, birthdate: huge, birthCountryCode: "100", birthCityCode: "75115", birthProvinceCode: "075", division: "4A" },
      "2026-11-25",
    );
    expect(validation.ok).toBe(false);
    if (validation.ok) return;
    for (const reason of validation.reasons) expect(reason.length, reason.slice(0, 80)).toBeLessThan(200);
  });

  it("quotedInput keeps short values, cuts long ones and drops control characters (property)", () => {
    expect(quotedInput("31/02/2011")).toBe("31/02/2011");
    fc.assert(
      fc.property(fc.string({ maxLength: 500 }), (value) => {
        const quoted = quotedInput(value);
        expect([...quoted].length).toBeLessThanOrEqual(41);
        expect(/[\u0000-\u001f]/.test(quoted)).toBe(false);
      }),
    );
  });
});
