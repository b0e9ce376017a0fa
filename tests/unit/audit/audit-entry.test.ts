import { describe, expect, it } from "vitest";
import { auditEntry, checkAuditDetails, PersonalDataInAuditError } from "@/lib/domain/audit/audit-entry";

describe("audit entries", () => {
  it("fill the optional parts with null and keep counts and flags", () => {
    expect(auditEntry({ action: "LEARNER_DELETED", actorUserId: 3, establishmentId: 4, details: { participationsUnlinked: 2, isBulk: false } })).toEqual({
      action: "LEARNER_DELETED", actorUserId: 3, establishmentId: 4, targetUserId: null, targetLearnerId: null, clientAddress: null,
      details: { participationsUnlinked: 2, isBulk: false },
    });
  });

  it("refuse details that could carry a secret or an identity", () => {
    for (const key of ["password", "newPassword", "email", "username", "lastName", "birthdate", "token", "ine"]) {
      expect(() => checkAuditDetails({ [key]: "x" })).toThrow(PersonalDataInAuditError);
    }
    expect(() => checkAuditDetails({ via: "lea@example.org" })).toThrow(PersonalDataInAuditError);
    expect(() => checkAuditDetails({ via: "x".repeat(101) })).toThrow(PersonalDataInAuditError);
    expect(checkAuditDetails({ via: "reconciliation", managementTransferred: true, count: 3, before: null })).toEqual({ via: "reconciliation", managementTransferred: true, count: 3, before: null });
  });
});
