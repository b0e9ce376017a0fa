import { beforeEach, describe, expect, it, vi } from "vitest";

// The real estimator, counted: each run costs tens of milliseconds of server CPU on a hostile password.
const calls = vi.hoisted(() => ({ count: 0 }));
vi.mock("@/lib/auth/password-strength", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/auth/password-strength")>();
  return {
    ...actual,
    passwordProblem: (...args: Parameters<typeof actual.passwordProblem>) => {
      calls.count++;
      return actual.passwordProblem(...args);
    },
  };
});

const { signUpSchema } = await import("@/lib/use-cases/accounts/sign-up");
const { TOO_GUESSABLE_TEXT, PASSWORD_RULE_TEXT } = await import("@/lib/domain/accounts/password-policy");

const valid = { firstName: "Kipruto", lastName: "Wanjiru", email: "kipruto@example.org", password: "Un-mot-de-passe-2026!", acceptTerms: "on" };
const passwordIssues = (input: Record<string, string>) => {
  const parsed = signUpSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.filter((issue) => issue.path[0] === "password").map((issue) => issue.message);
};

describe("sign-up form: the password estimator", () => {
  beforeEach(() => {
    calls.count = 0;
  });

  it("runs once per submission (it used to run twice: once alone, once with the account's names)", () => {
    expect(signUpSchema.safeParse(valid).success).toBe(true);
    expect(calls.count).toBe(1);
  });

  it("knows the account's names, even when another field is wrong", () => {
    expect(passwordIssues({ ...valid, password: "KiprutoWanjiru" })).toEqual([TOO_GUESSABLE_TEXT]);
    expect(passwordIssues({ ...valid, email: "pas-une-adresse", password: "KiprutoWanjiru" })).toEqual([TOO_GUESSABLE_TEXT]);
    expect(passwordIssues({ ...valid, acceptTerms: "", password: "Azerty123" })).toEqual([TOO_GUESSABLE_TEXT]);
  });

  it("gives the composition rule alone when the password is too short, without running the estimator", () => {
    expect(passwordIssues({ ...valid, password: "Kayak7Ou" })).toEqual([PASSWORD_RULE_TEXT]);
    expect(calls.count).toBe(0);
  });
});
