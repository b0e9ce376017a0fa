import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { inviteMembers } from "@/lib/use-cases/team/invite-members";
import { cancelInvitation, resendInvitation } from "@/lib/use-cases/team/manage-invitation";
import { changeMemberRole, leaveEstablishment, removeMember } from "@/lib/use-cases/team/manage-membership";
import { viewInvitation } from "@/lib/use-cases/team/invitation-link";
import { requestSelfActivation } from "@/lib/use-cases/team/self-activation";
import { addMember, createEstablishment, createUser } from "../../support/factories";

async function schoolWithAdmin() {
  const school = await createEstablishment();
  const admin = await createUser();
  const adminMembership = await addMember(school.id, admin.id, "ADMIN");
  return { school, admin, adminMembership };
}

describe("team rules", () => {
  it("a MEMBER cannot invite, and an outsider is told the establishment does not exist", async () => {
    const { school } = await schoolWithAdmin();
    const member = await createUser();
    await addMember(school.id, member.id, "MEMBER");
    await expect(inviteMembers({ actorUserId: member.id, establishmentId: school.id, emailsText: "x@example.org", role: "MEMBER" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const outsider = await createUser();
    await expect(inviteMembers({ actorUserId: outsider.id, establishmentId: school.id, emailsText: "x@example.org", role: "MEMBER" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.invitation.count()).toBe(0);
  });

  it("a malformed e-mail refuses the list and changes nothing", async () => {
    const { school, admin } = await schoolWithAdmin();
    await expect(inviteMembers({ actorUserId: admin.id, establishmentId: school.id, emailsText: "ok@example.org, pas-un-mail", role: "MEMBER" })).rejects.toThrow("Adresse e-mail invalide : pas-un-mail.");
    expect(await db.invitation.count()).toBe(0);
    expect(await db.devMail.count()).toBe(0);
  });

  it("an address already a member does not block the others: they are invited, that one is reported; a pending one is sent again", async () => {
    const { school, admin } = await schoolWithAdmin();
    const member = await createUser({ email: "deja@example.org" });
    await addMember(school.id, member.id);
    await inviteMembers({ actorUserId: admin.id, establishmentId: school.id, emailsText: "attente@example.org", role: "MEMBER" });
    const report = await inviteMembers({ actorUserId: admin.id, establishmentId: school.id, emailsText: "ok@example.org, DEJA@example.org\nattente@example.org", role: "MEMBER" });
    expect(report).toEqual({ invited: ["ok@example.org"], sentAgain: ["attente@example.org"], alreadyMembers: ["deja@example.org"] });
    expect((await db.invitation.findMany({ orderBy: { id: "asc" } })).map((i) => [i.email, i.status])).toEqual([["attente@example.org", "PENDING"], ["ok@example.org", "PENDING"]]);
    expect(await db.devMail.count({ where: { to: "attente@example.org" } })).toBe(2);
    expect(await db.devMail.count({ where: { to: "deja@example.org" } })).toBe(0);
    // Only members: nothing to send, said so.
    await expect(inviteMembers({ actorUserId: admin.id, establishmentId: school.id, emailsText: "deja@example.org", role: "MEMBER" })).rejects.toThrow("Déjà membre de l'établissement : deja@example.org.");
  });

  it("an ADMIN of another establishment cannot resend, cancel, change roles or remove members", async () => {
    const a = await schoolWithAdmin();
    const b = await schoolWithAdmin();
    await inviteMembers({ actorUserId: a.admin.id, establishmentId: a.school.id, emailsText: "x@example.org", role: "MEMBER" });
    const invitation = await db.invitation.findFirstOrThrow();
    await expect(resendInvitation({ actorUserId: b.admin.id, invitationId: invitation.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(cancelInvitation({ actorUserId: b.admin.id, invitationId: invitation.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(changeMemberRole({ actorUserId: b.admin.id, membershipId: a.adminMembership.id, role: "MEMBER" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(removeMember({ actorUserId: b.admin.id, membershipId: a.adminMembership.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).status).toBe("PENDING");
  });

  it("keeps at least one ADMIN: the last one can neither leave nor be demoted", async () => {
    const { school, admin, adminMembership } = await schoolWithAdmin();
    await expect(leaveEstablishment({ actorUserId: admin.id, establishmentId: school.id })).rejects.toMatchObject({ code: "LAST_ADMIN" });
    await expect(changeMemberRole({ actorUserId: admin.id, membershipId: adminMembership.id, role: "MEMBER" })).rejects.toMatchObject({ code: "LAST_ADMIN" });
    const second = await createUser();
    const secondMembership = await addMember(school.id, second.id, "MEMBER");
    await changeMemberRole({ actorUserId: admin.id, membershipId: secondMembership.id, role: "ADMIN" });
    await leaveEstablishment({ actorUserId: admin.id, establishmentId: school.id });
    expect((await db.membership.findUniqueOrThrow({ where: { id: adminMembership.id } })).disabledAt).not.toBeNull();
  });

  it("two ADMINs demoting each other at once never leave the school without an ADMIN", async () => {
    const { school, admin, adminMembership } = await schoolWithAdmin();
    const other = await createUser();
    const otherMembership = await addMember(school.id, other.id, "ADMIN");
    await Promise.allSettled([
      changeMemberRole({ actorUserId: admin.id, membershipId: otherMembership.id, role: "MEMBER" }),
      changeMemberRole({ actorUserId: other.id, membershipId: adminMembership.id, role: "MEMBER" }),
    ]);
    expect(await db.membership.count({ where: { establishmentId: school.id, role: "ADMIN", disabledAt: null } })).toBeGreaterThanOrEqual(1);
  });

  it("invitation codes guessed too often are rate limited per address", async () => {
    let limited = false;
    for (let i = 0; i < 25 && !limited; i++) {
      try {
        await viewInvitation({ invitationId: 1, code: `WRONG${i}`, address: "203.0.113.9" });
      } catch (error) {
        limited = (error as { code?: string }).code === "RATE_LIMITED";
      }
    }
    expect(limited).toBe(true);
    // Another address is not affected.
    expect((await viewInvitation({ invitationId: 1, code: "WRONG", address: "203.0.113.10" })).state).toBe("UNKNOWN");
  });

  it("self-activation sends an ADMIN invitation to the contact address, refuses unknown UAIs", async () => {
    const school = await createEstablishment({ uai: "0751234A", contactEmail: "ce.0751234a@example.org" });
    await expect(requestSelfActivation({ uai: "0759998B", address: "a" })).rejects.toMatchObject({ code: "UNKNOWN_UAI" });
    await expect(requestSelfActivation({ uai: "12", address: "a" })).rejects.toMatchObject({ code: "INVALID_UAI" });
    await requestSelfActivation({ uai: "0751234a", address: "a" });
    await requestSelfActivation({ uai: "0751234A", address: "a" });
    const invitations = await db.invitation.findMany({ where: { establishmentId: school.id } });
    expect(invitations).toHaveLength(1);
    expect(invitations[0]).toMatchObject({ email: "ce.0751234a@example.org", role: "ADMIN", status: "PENDING" });
    const mails = await db.devMail.findMany({ where: { to: "ce.0751234a@example.org" }, orderBy: { id: "asc" } });
    expect(mails).toHaveLength(2);
    // The second request does not kill the link of the first mail: both lead to the same invitation.
    for (const mail of mails) {
      const [, invitationId, code] = /invitationId=(\d+)&code=([A-Z0-9]+)/.exec(mail.text)!;
      expect(await viewInvitation({ invitationId: Number(invitationId), code, address: "a" })).toMatchObject({ state: "VALID", invitationId: invitations[0].id });
    }
  });
});
