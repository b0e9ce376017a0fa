import { afterAll, describe, expect, it } from "vitest";
import { startSmtpSink } from "../../support/smtp-sink";

// Mails of this file go through real SMTP (set before the configuration is first read).
const sink = await startSmtpSink();
process.env.SMTP_URL = sink.url;
process.env.MAIL_FROM = "Pix Libre <pix@example.org>";

const { inviteMembers } = await import("@/lib/use-cases/team/invite-members");
const { acceptInvitation, viewInvitation } = await import("@/lib/use-cases/team/invitation-link");
const { cancelInvitation, resendInvitation } = await import("@/lib/use-cases/team/manage-invitation");
const { db } = await import("@/lib/db/client");
const { addMember, createEstablishment, createUser } = await import("../../support/factories");

afterAll(() => sink.stop());

function linkOf(text: string): { invitationId: number; code: string } {
  const match = /rejoindre\?invitationId=(\d+)&code=([A-Z0-9]+)/.exec(text);
  if (!match) throw new Error(`no invitation link in: ${text}`);
  return { invitationId: Number(match[1]), code: match[2] };
}

describe("invitations through SMTP", () => {
  it("sends a French HTML + text mail whose link lets the invited teacher join", async () => {
    sink.received.length = 0;
    const school = await createEstablishment({ name: "Collège Jules Verne" });
    const admin = await createUser();
    await addMember(school.id, admin.id, "ADMIN");

    await inviteMembers({ actorUserId: admin.id, establishmentId: school.id, emailsText: "Prof.Math@Example.org", role: "MEMBER" });

    expect(sink.received).toHaveLength(1);
    const mail = sink.received[0];
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : "").toBe("prof.math@example.org");
    expect(mail.from?.text).toContain("pix@example.org");
    expect(mail.subject).toBe("Invitation à rejoindre Collège Jules Verne sur Pix Orga");
    expect(mail.text).toContain("Vous êtes invité(e) à rejoindre l'espace Pix Orga de Collège Jules Verne");
    expect(mail.html).toContain("Rejoindre l&#39;espace Pix Orga");
    const link = linkOf(mail.text!);
    expect(link.code).toHaveLength(20);

    // The code itself is never stored.
    const stored = await db.invitation.findUniqueOrThrow({ where: { id: link.invitationId } });
    expect(stored.codeHash).not.toContain(link.code);

    const view = await viewInvitation({ ...link, address: "test" });
    expect(view).toMatchObject({ state: "VALID", establishmentName: "Collège Jules Verne", email: "prof.math@example.org" });

    const teacher = await createUser({ email: "prof.math@example.org" });
    await acceptInvitation({ userId: teacher.id, ...link, address: "test" });
    const membership = await db.membership.findUniqueOrThrow({ where: { establishmentId_userId: { establishmentId: school.id, userId: teacher.id } } });
    expect(membership.role).toBe("MEMBER");
    expect((await viewInvitation({ ...link, address: "test" })).state).toBe("ACCEPTED");
    await expect(acceptInvitation({ userId: teacher.id, ...link, address: "test" })).rejects.toThrow(/déjà été acceptée/);
  });

  it("resending sends a new code and the old link stops working; cancelling makes the link refuse", async () => {
    sink.received.length = 0;
    const school = await createEstablishment();
    const admin = await createUser();
    await addMember(school.id, admin.id, "ADMIN");
    await inviteMembers({ actorUserId: admin.id, establishmentId: school.id, emailsText: "a@example.org", role: "ADMIN" });
    const first = linkOf(sink.received[0].text!);
    await resendInvitation({ actorUserId: admin.id, invitationId: first.invitationId });
    expect(sink.received).toHaveLength(2);
    const second = linkOf(sink.received[1].text!);
    expect(second.invitationId).toBe(first.invitationId);
    expect((await viewInvitation({ ...first, address: "test" })).state).toBe("UNKNOWN");
    expect((await viewInvitation({ ...second, address: "test" })).state).toBe("VALID");
    await cancelInvitation({ actorUserId: admin.id, invitationId: second.invitationId });
    expect((await viewInvitation({ ...second, address: "test" })).state).toBe("CANCELLED");
    const user = await createUser();
    await expect(acceptInvitation({ userId: user.id, ...second, address: "test" })).rejects.toThrow(/annulée/);
    expect(await db.membership.count({ where: { establishmentId: school.id, userId: user.id } })).toBe(0);
  });
});
