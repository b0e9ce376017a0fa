import { describe, expect, it } from "vitest";
import type { PupilAccount } from "@/lib/domain/roster/account-ownership";
import { classSheetLogin, classSheetLoginLabel } from "@/lib/domain/roster/class-sheet-login";

const SCHOOL = 7;
const account = (overrides: Partial<PupilAccount> = {}): PupilAccount => ({
  userId: 1, hasEmail: false, username: "lea.dupont0112", hasGar: false, isOrgaMember: false, managedByEstablishmentId: SCHOOL, ...overrides,
});
const label = (a: PupilAccount | null) => classSheetLoginLabel(classSheetLogin(a, SCHOOL));

describe("the login printed on the class sheet", () => {
  it("prints the username of an account the school's roster created", () => {
    expect(classSheetLogin(account(), SCHOOL)).toEqual({ kind: "USERNAME", username: "lea.dupont0112" });
    expect(label(account({ hasGar: true }))).toBe("lea.dupont0112");
  });

  it("never prints anything of an e-mail account or of a Pix Orga member's account", () => {
    expect(label(account({ hasEmail: true, username: null, managedByEstablishmentId: null }))).toBe("compte personnel");
    // Even when the school created it and it also has a username: the e-mail makes it the pupil's own.
    expect(label(account({ hasEmail: true }))).toBe("compte personnel");
    expect(label(account({ isOrgaMember: true }))).toBe("compte personnel");
  });

  it("does not print the username of an account another school created", () => {
    expect(label(account({ managedByEstablishmentId: 8 }))).toBe("compte créé par un autre établissement");
    expect(label(account({ managedByEstablishmentId: null }))).toBe("compte créé par un autre établissement");
  });

  it("says how a managed GAR-only pupil signs in, and when there is no account yet", () => {
    expect(label(account({ username: null, hasGar: true }))).toBe("par le Médiacentre (GAR)");
    expect(label(null)).toBe("pas encore de compte");
  });
});
