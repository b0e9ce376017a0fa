import { describe, expect, it } from "vitest";
import { generateInvitationCode, invitationLinkState, parseEmailList, roleOnAcceptance } from "@/lib/domain/invitations/invitation";

describe("invitations", () => {
  it("codes have 20 unambiguous characters", () => {
    let i = 0;
    const code = generateInvitationCode((max) => i++ % max);
    expect(code).toHaveLength(20);
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]+$/);
  });

  it("link state: valid, then expired after the validity, and final states win", () => {
    const sentAt = new Date("2026-11-01T10:00:00Z");
    expect(invitationLinkState({ status: "PENDING", sentAt }, new Date("2026-11-30T09:59:59Z"), 30)).toBe("VALID");
    expect(invitationLinkState({ status: "PENDING", sentAt }, new Date("2026-12-01T10:00:00Z"), 30)).toBe("EXPIRED");
    expect(invitationLinkState({ status: "CANCELLED", sentAt }, new Date("2026-11-02T00:00:00Z"), 30)).toBe("CANCELLED");
    expect(invitationLinkState({ status: "ACCEPTED", sentAt }, new Date("2027-01-01T00:00:00Z"), 30)).toBe("ACCEPTED");
  });

  it("role on acceptance", () => {
    expect(roleOnAcceptance("MEMBER", false)).toBe("MEMBER");
    expect(roleOnAcceptance(null, false)).toBe("ADMIN");
    expect(roleOnAcceptance(null, true)).toBe("MEMBER");
  });

  it("parses e-mail lists, de-duplicates and reports malformed entries", () => {
    expect(parseEmailList(" A@x.fr, b@x.fr;\na@x.fr  pas-un-mail ")).toEqual({ emails: ["a@x.fr", "b@x.fr"], invalid: ["pas-un-mail"] });
    expect(parseEmailList("   ")).toEqual({ emails: [], invalid: [] });
  });
});
