import { describe, expect, it } from "vitest";
import { passwordProblem } from "@/lib/auth/password-strength";
import { compositionProblem, nominalEntropyBits, PASSWORD_RULE_TEXT, TOO_GUESSABLE_TEXT } from "@/lib/domain/accounts/password-policy";

describe("password policy (CNIL 2022-100 with access restriction: ≥ 50 bits, no common password)", () => {
  it("counts entropy as CNIL does: length × log2 of the pools used", () => {
    expect(nominalEntropyBits("abcdefgh")).toBeCloseTo(8 * Math.log2(26));
    expect(nominalEntropyBits("Abcdefg1")).toBeCloseTo(8 * Math.log2(62));
    expect(nominalEntropyBits("Abcdef1!")).toBeCloseTo(8 * Math.log2(95));
  });

  it("refuses fewer than 50 bits: 8 characters of three kinds are not enough, 9 are", () => {
    expect(compositionProblem("Kayak7Ou")).toBe(PASSWORD_RULE_TEXT);
    expect(compositionProblem("Kayak7Our")).toBeNull();
    expect(compositionProblem("Kayak7O!")).toBeNull();
    expect(compositionProblem(`Aa1${"x".repeat(200)}`)).toMatch(/128/);
  });

  it("refuses the common passwords that pass the composition rule, with a clear French message", () => {
    for (const common of ["Azerty123", "Password1", "Motdepasse1", "Soleil123", "Bonjour2024", "Marseille13", "Chocolat2011"]) {
      expect(passwordProblem(common), common).toBe(TOO_GUESSABLE_TEXT);
    }
  });

  it("refuses a password made of the account's own name", () => {
    expect(passwordProblem("KiprutoWanjiru")).toBeNull();
    expect(passwordProblem("KiprutoWanjiru", ["Kipruto", "Wanjiru"])).toBe(TOO_GUESSABLE_TEXT);
  });

  it("accepts passwords a pupil can remember and an attacker cannot guess", () => {
    for (const good of ["Girafe-Bleue-42", "Nuage7Tortue", "Doudou2012!", "Tr4mpoline-vert", "un chat dort sur le toit"]) {
      expect(passwordProblem(good), good).toBeNull();
    }
  });
});
