import { describe, expect, it } from "vitest";
import { accountActions, accountRefusal, isManagedBy, NOT_CREATED_HERE, PERSONAL_ACCOUNT, type PupilAccount } from "@/lib/domain/roster/account-ownership";

const SCHOOL = 7;
const account = (overrides: Partial<PupilAccount> = {}): PupilAccount => ({
  userId: 1, hasEmail: false, username: "lea.dupont0112", hasGar: false, isOrgaMember: false, managedByEstablishmentId: SCHOOL, ...overrides,
});
const active = (a: PupilAccount | null) => ({ isDisabled: false, account: a });

describe("account ownership", () => {
  it("a school manages only the e-mail-less, non-member accounts its roster created", () => {
    expect(isManagedBy(account(), SCHOOL)).toBe(true);
    expect(isManagedBy(account({ managedByEstablishmentId: 8 }), SCHOOL)).toBe(false);
    expect(isManagedBy(account({ managedByEstablishmentId: null }), SCHOOL)).toBe(false);
    expect(isManagedBy(account({ hasEmail: true }), SCHOOL)).toBe(false);
    expect(isManagedBy(account({ isOrgaMember: true }), SCHOOL)).toBe(false);
  });

  it("says why, in French and without any login, when the teacher cannot act", () => {
    expect(accountRefusal(active(account({ hasEmail: true, managedByEstablishmentId: null })), SCHOOL, "RESET_PASSWORD")).toBe(PERSONAL_ACCOUNT);
    expect(accountRefusal(active(account({ managedByEstablishmentId: 8 })), SCHOOL, "RESET_PASSWORD")).toBe(NOT_CREATED_HERE);
    expect(accountRefusal(active(null), SCHOOL, "ADD_USERNAME")).toMatch(/pas encore de compte/);
    expect(accountRefusal({ isDisabled: true, account: account() }, SCHOOL, "RESET_PASSWORD")).toMatch(/plus partie/);
    expect(accountRefusal(active(account({ isOrgaMember: true })), SCHOOL, "RESET_PASSWORD")).toMatch(/membre de Pix Orga/);
    expect(accountRefusal(active(account({ username: null, hasGar: true })), SCHOOL, "RESET_PASSWORD")).toMatch(/Médiacentre/);
    expect(accountRefusal(active(account()), SCHOOL, "ADD_USERNAME")).toBe("Ce compte a déjà un identifiant : lea.dupont0112.");
  });

  it("offers « Ajouter l'identifiant » to a managed GAR-only account and « Réinitialiser » to a managed username account", () => {
    expect(accountActions(active(account({ username: null, hasGar: true })), SCHOOL)).toEqual({ canAddUsername: true, canReset: false, reason: null });
    expect(accountActions(active(account()), SCHOOL)).toEqual({ canAddUsername: false, canReset: true, reason: null });
    expect(accountActions(active(account({ managedByEstablishmentId: 8 })), SCHOOL)).toEqual({ canAddUsername: false, canReset: false, reason: NOT_CREATED_HERE });
  });
});
