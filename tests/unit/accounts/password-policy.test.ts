import { describe, expect, it } from "vitest";
import { passwordProblem } from "@/lib/domain/accounts/password-policy";

describe("password policy", () => {
  it("accepts 8 characters with an uppercase, a lowercase and a digit", () => {
    expect(passwordProblem("Pix12345")).toBeNull();
    expect(passwordProblem("Éléphant9")).toBeNull();
  });

  it("refuses short, single-case or digit-less passwords with a French message", () => {
    for (const weak of ["Pix1234", "pix12345", "PIX12345", "Pixpixpix"]) {
      expect(passwordProblem(weak)).toMatch(/au moins 8 caractères/);
    }
    expect(passwordProblem(`Aa1${"x".repeat(200)}`)).toMatch(/128/);
  });
});
