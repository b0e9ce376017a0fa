import { describe, expect, it } from "vitest";
import { canManageCampaign, roleCan } from "@/lib/domain/authorization/permissions";

describe("permissions", () => {
  it("only ADMINs change the team or import pupils", () => {
    expect(roleCan("ADMIN", "team:invite")).toBe(true);
    expect(roleCan("MEMBER", "team:invite")).toBe(false);
    expect(roleCan("MEMBER", "learners:import")).toBe(false);
    expect(roleCan("MEMBER", "team:read")).toBe(true);
  });

  it("a campaign is managed by its owner or an ADMIN", () => {
    expect(canManageCampaign({ userId: 1, role: "MEMBER" }, { ownerId: 1 })).toBe(true);
    expect(canManageCampaign({ userId: 1, role: "MEMBER" }, { ownerId: 2 })).toBe(false);
    expect(canManageCampaign({ userId: 1, role: "ADMIN" }, { ownerId: 2 })).toBe(true);
  });
});

describe("pupils' accounts and roster entries", () => {
  it("ADMINs and MEMBERs manage the school's accounts and undo links; only ADMINs delete a pupil", () => {
    for (const role of ["ADMIN", "MEMBER"] as const) {
      expect(roleCan(role, "learners:manage-accounts")).toBe(true);
      expect(roleCan(role, "learners:unlink")).toBe(true);
    }
    expect(roleCan("ADMIN", "learners:delete")).toBe(true);
    expect(roleCan("MEMBER", "learners:delete")).toBe(false);
  });
});
