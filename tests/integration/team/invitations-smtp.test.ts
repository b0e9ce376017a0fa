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
    expect(mail.text).toContain("Vous êtes invité(e) à rejoindre l'espace Pix Orga du Collège Jules Verne");
    expect(mail.html).toContain("Rejoindre l&#39;espace Pix Orga");
    const link = linkOf(mail.text!);
    expect(link.code).toHaveLength(20);

    // The code itself is never stored, only its digest.
    const stored = await db.$queryRawUnsafe<{ code_hash: string }[]>(`SELECT code_hash FROM invitation_codes WHERE invitation_id = $1`, link.invitationId);
    expect(stored).toHaveLength(1);
    expect(stored[0].code_hash).not.toContain(link.code);

    const view = await viewInvitation({ ...link, address: "test" });
    expect(view).toMatchObject({ state: "VALID", establishmentName: "Collège Jules Verne", email: "prof.math@example.org" });

    const teacher = await createUser({ email: "prof.math@example.org" });
    await acceptInvitation({ userId: teacher.id, ...link, address: "test" });
    const membership = await db.membership.findUniqueOrThrow({ where: { establishmentId_userId: { establishmentId: school.id, userId: teacher.id } } });
    expect(membership.role).toBe("MEMBER");
    expect((await viewInvitation({ ...link, address: "test" })).state).toBe("ACCEPTED");
    await expect(acceptInvitation({ userId: teacher.id, ...link, address: "test" })).rejects.toThrow(/déjà été acceptée/);
  });

  it("resending sends a new link and the first one keeps working until the invitation is accepted or cancelled", async () => {
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
    expect(second.code).not.toBe(first.code);
    expect((await viewInvitation({ ...first, address: "test" })).state).toBe("VALID");
    expect((await viewInvitation({ ...second, address: "test" })).state).toBe("VALID");
    // A made-up code for the same invitation is still unknown.
    expect((await viewInvitation({ invitationId: first.invitationId, code: "A".repeat(20), address: "test" })).state).toBe("UNKNOWN");
    await cancelInvitation({ actorUserId: admin.id, invitationId: second.invitationId });
    for (const link of [first, second]) expect((await viewInvitation({ ...link, address: "test" })).state).toBe("CANCELLED");
    const user = await createUser();
    await expect(acceptInvitation({ userId: user.id, ...first, address: "test" })).rejects.toThrow(/annulée/);
    expect(await db.membership.count({ where: { establishmentId: school.id, userId: user.id } })).toBe(0);
  });

  it("accepting through the first mail's link closes the invitation for every link", async () => {
    sink.received.length = 0;
    const school = await createEstablishment();
    const admin = await createUser();
    await addMember(school.id, admin.id, "ADMIN");
    await inviteMembers({ actorUserId: admin.id, establishmentId: school.id, emailsText: "b@example.org", role: "MEMBER" });
    const first = linkOf(sink.received[0].text!);
    await resendInvitation({ actorUserId: admin.id, invitationId: first.invitationId });
    const second = linkOf(sink.received[1].text!);
    const teacher = await createUser({ email: "b@example.org" });
    await acceptInvitation({ userId: teacher.id, ...first, address: "test" });
    expect((await viewInvitation({ ...second, address: "test" })).state).toBe("ACCEPTED");
    await expect(acceptInvitation({ userId: (await createUser()).id, ...second, address: "test" })).rejects.toThrow(/déjà été acceptée/);
  });

  it("each link expires INVITATION_VALIDITY_DAYS after its own mail", async () => {
    sink.received.length = 0;
    const school = await createEstablishment();
    const admin = await createUser();
    await addMember(school.id, admin.id, "ADMIN");
    const day = 24 * 3600 * 1000;
    const sentOn = new Date("2026-09-01T08:00:00Z");
    await inviteMembers({ actorUserId: admin.id, establishmentId: school.id, emailsText: "c@example.org", role: "MEMBER", now: sentOn });
    const first = linkOf(sink.received[0].text!);
    await resendInvitation({ actorUserId: admin.id, invitationId: first.invitationId, now: new Date(sentOn.getTime() + 20 * day) });
    const second = linkOf(sink.received[1].text!);
    const later = new Date(sentOn.getTime() + 31 * day);
    expect((await viewInvitation({ ...first, address: "test", now: later })).state).toBe("EXPIRED");
    expect((await viewInvitation({ ...second, address: "test", now: later })).state).toBe("VALID");
  });
});
