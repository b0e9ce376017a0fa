import { describe, expect, it } from "vitest";
import { ESTIMATED_LENGTH, passwordProblem } from "@/lib/auth/password-strength";
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

  it("still sees l33t spellings of common passwords with the capped substitutions", () => {
    for (const l33t of ["P@ssw0rd123!", "M0tdep@sse1", "Az3rty123!"]) expect(passwordProblem(l33t), l33t).toBe(TOO_GUESSABLE_TEXT);
  });

  it("estimates only the leading characters: a guessable start is refused whatever follows, a strong one is accepted", () => {
    const tail = "Xq7!vR2#mK9@wL4$";
    const guessableStart = "azerty".repeat(Math.ceil(ESTIMATED_LENGTH / 6)).slice(0, ESTIMATED_LENGTH) + "1A";
    expect(passwordProblem(guessableStart + tail)).toBe(TOO_GUESSABLE_TEXT);
    expect(passwordProblem(`${"un chat dort sur le toit ".repeat(3)}${tail}`.slice(0, 120))).toBeNull();
  });
});
