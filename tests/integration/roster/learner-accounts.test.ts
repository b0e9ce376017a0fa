import { describe, expect, it, vi } from "vitest";
import { parse } from "csv-parse/sync";
import { logIn } from "../../support/log-in";
import { db } from "@/lib/db/client";
import { listLearners } from "@/lib/db/queries/learners";
import { unsafeReadAuditLog } from "@/lib/db/repositories/audit-log-repository";
import { setOneTimeCredentials } from "@/lib/db/repositories/managed-account-repository";
import { changeRequiredPassword } from "@/lib/use-cases/roster/change-required-password";
import { generateCredentialsSheet, manageLearnerAccount } from "@/lib/use-cases/roster/manage-learner-accounts";
import { signUpAndReconcile } from "@/lib/use-cases/roster/sign-up-and-reconcile";
import { baseUsername } from "@/lib/domain/roster/username";
import { seededRandomInt } from "@/tests/support/siecle-sample";
import { addMember, createUser } from "../../support/factories";
import { campaignOf, learnerNamed, schoolWithFixtureRoster, schoolWithTeachers } from "./roster-builders";

const orgaContext = vi.hoisted(() => ({ current: null as null | { userId: number; establishmentId: number } }));
vi.mock("@/lib/auth/orga-actor", () => ({
  getOrgaContext: async () =>
    orgaContext.current && { userId: orgaContext.current.userId, current: { establishmentId: orgaContext.current.establishmentId, role: "ADMIN" } },
}));
vi.mock("@/lib/auth/request-context", () => ({ clientAddress: async () => "198.51.100.4" }));
const { POST } = await import("@/app/api/eleves/identifiants/route");

const address = "198.51.100.4";
type Identity = { firstName: string; lastName: string; birthdate: string };

/** A pupil of the fixture who signed up through the school's restricted campaign: with a username (managed), or an e-mail. */
async function joinedPupil(schoolId: number, campaignCode: string, identity: Identity, email?: string) {
  const account = email ? { method: "email" as const, email, password: "Eleve2026abc", acceptTerms: "on" as const } : { method: "username" as const, password: "Eleve2026abc", acceptTerms: "on" as const };
  const { login } = await signUpAndReconcile({ code: campaignCode, identity, address, account });
  const user = await logIn(login, "Eleve2026abc");
  return { login, user, learner: await db.learner.findFirstOrThrow({ where: { establishmentId: schoolId, userId: user.id } }) };
}

/** Léa and Ada have username accounts created through the roster; Mary joined with her own e-mail. */
async function rosterWithPupils() {
  const roster = await schoolWithFixtureRoster();
  const campaign = await campaignOf(roster.school.id, roster.admin.id);
  const lea = await joinedPupil(roster.school.id, campaign.code, { firstName: "Léa", lastName: "Dupont", birthdate: "2011-12-01" });
  const ada = await joinedPupil(roster.school.id, campaign.code, { firstName: "Ada", lastName: "Lovelace", birthdate: "2011-12-10" });
  const mary = await joinedPupil(roster.school.id, campaign.code, { firstName: "Mary", lastName: "Jackson", birthdate: "2011-04-09" }, "mary@example.org");
  return { ...roster, campaign, lea, ada, mary };
}

function credentialsRequest(learnerIds: number[], action: string, origin?: string): Request {
  const form = new FormData();
  for (const id of learnerIds) form.append("learnerId", String(id));
  form.set("action", action);
  return new Request("http://localhost:3000/api/eleves/identifiants", { method: "POST", body: form, headers: { host: "localhost:3000", ...(origin ? { origin } : {}) } });
}

describe("pupils' accounts managed by teachers", () => {
  it("an account created with a username through the roster is managed by the school; an e-mail account is not", async () => {
    const { school, lea, mary } = await rosterWithPupils();
    expect(lea.login).toBe("lea.dupont0112");
    const users = await db.user.findMany({ where: { id: { in: [lea.user.id, mary.user.id] } }, orderBy: { id: "asc" }, select: { managedByEstablishmentId: true } });
    expect(users).toEqual([{ managedByEstablishmentId: school.id }, { managedByEstablishmentId: null }]);
  });

  it("« Réinitialiser le mot de passe » sets a one-time password (MEMBER too), audit-logged; choosing a new one clears it", async () => {
    const { school, member, ada } = await rosterWithPupils();
    const { login, password } = await manageLearnerAccount({ actorUserId: member.id, learnerId: ada.learner.id, action: "RESET_PASSWORD", address });
    expect(login).toBe("ada.lovelace1012");
    await expect(logIn(login, "Eleve2026abc")).rejects.toMatchObject({ code: "INVALID_CREDENTIALS" });
    expect(await logIn(login, password)).toMatchObject({ shouldChangePassword: true });
    await expect(changeRequiredPassword({ userId: ada.user.id, password })).rejects.toMatchObject({ code: "SAME_PASSWORD" });
    await changeRequiredPassword({ userId: ada.user.id, password: "AdaNouveau2026" });
    expect(await logIn(login, "AdaNouveau2026")).toMatchObject({ shouldChangePassword: false });

    const [line] = await unsafeReadAuditLog({ action: "ACCOUNT_PASSWORD_RESET" });
    expect(line).toMatchObject({ actorUserId: member.id, establishmentId: school.id, targetUserId: ada.user.id, targetLearnerId: ada.learner.id, clientAddress: address, details: { isBulk: false } });
    expect(JSON.stringify(line)).not.toContain(password);
  });

  it("refuses to reset a personal e-mail account, and never shows the e-mail", async () => {
    const { admin, member, mary } = await rosterWithPupils();
    for (const actorUserId of [admin.id, member.id]) {
      for (const action of ["RESET_PASSWORD", "ADD_USERNAME"] as const) {
        const error = await manageLearnerAccount({ actorUserId, learnerId: mary.learner.id, action, address }).catch((e: unknown) => e);
        expect(error).toMatchObject({ code: "ACCOUNT_NOT_MANAGEABLE" });
        expect((error as Error).message).toContain("adresse e-mail");
        expect((error as Error).message).not.toContain("mary@example.org");
      }
    }
    expect(await logIn("mary@example.org", "Eleve2026abc")).toMatchObject({ shouldChangePassword: false });
    expect(await unsafeReadAuditLog({ action: "ACCOUNT_PASSWORD_RESET" })).toEqual([]);
  });

  it("« Ajouter l'identifiant » on a GAR account the school created: prenom.nom + DDMM, then 4 random digits when taken", async () => {
    const { school, member } = await rosterWithPupils();
    const target = await learnerNamed(school.id, "BABBAGE", "Charles");
    const gar = await db.user.create({ data: { samlId: "GAR-1", firstName: target.firstName, lastName: target.lastName, managedByEstablishmentId: school.id } });
    await db.learner.update({ where: { id: target.id }, data: { userId: gar.id } });
    const base = baseUsername(target.firstName, target.lastName, target.birthdate!.toISOString().slice(0, 10));
    await createUser({ email: null, username: base });
    const credentials = await manageLearnerAccount({ actorUserId: member.id, learnerId: target.id, action: "ADD_USERNAME", address, random: seededRandomInt(42) });
    expect(credentials.login).not.toBe(base);
    expect(credentials.login.slice(0, -4)).toBe(base.slice(0, -4));
    expect(credentials.password).toMatch(/^[a-z]{5}[A-Z][2-9]{2}$/);
    expect(await db.user.findUniqueOrThrow({ where: { id: gar.id } })).toMatchObject({ username: credentials.login, shouldChangePassword: true, samlId: "GAR-1" });
    expect((await logIn(credentials.login, credentials.password)).shouldChangePassword).toBe(true);
    await expect(manageLearnerAccount({ actorUserId: member.id, learnerId: target.id, action: "ADD_USERNAME", address })).rejects.toMatchObject({ code: "ACCOUNT_NOT_MANAGEABLE" });
    expect(await unsafeReadAuditLog({ action: "ACCOUNT_USERNAME_ADDED" })).toMatchObject([{ targetUserId: gar.id, targetLearnerId: target.id }]);
  });

  it("bulk: the password sheet of a class (Classe; Nom; Prénom; Identifiant; Mot de passe), e-mail and account-less pupils skipped", async () => {
    const { school, admin, lea, ada, mary } = await rosterWithPupils();
    const babbage = await learnerNamed(school.id, "BABBAGE", "Charles");
    const sheet = await generateCredentialsSheet({ actorUserId: admin.id, establishmentId: school.id, learnerIds: [lea.learner.id, ada.learner.id, mary.learner.id, babbage.id], action: "RESET_PASSWORD", address });
    expect(sheet.skipped.map((s) => s.learnerId).sort()).toEqual([babbage.id, mary.learner.id].sort());
    expect(sheet.csv.startsWith("\uFEFF")).toBe(true);
    expect(sheet.csv).not.toContain("mary@example.org");
    const rows = parse(sheet.csv.slice(1), { delimiter: ";", columns: true }) as Record<string, string>[];
    expect(rows.map((row) => [row.Classe, row.Nom, row["Prénom"], row.Identifiant])).toEqual([
      ["4A", "DUPONT", "Léa", "lea.dupont0112"],
      ["4A", "LOVELACE", "Ada", "ada.lovelace1012"],
    ]);
    for (const row of rows) expect((await logIn(row.Identifiant, row["Mot de passe"])).shouldChangePassword).toBe(true);
    expect(await unsafeReadAuditLog({ action: "ACCOUNT_PASSWORD_RESET" })).toHaveLength(2);
    await expect(generateCredentialsSheet({ actorUserId: admin.id, establishmentId: school.id, learnerIds: [babbage.id, mary.learner.id], action: "RESET_PASSWORD", address })).rejects.toMatchObject({ code: "NOTHING_TO_GENERATE" });
  });

  it("a sheet is written all or nothing: a username taken meanwhile, or an account the school does not manage, leaves every account as it was", async () => {
    const { school, lea, ada, mary } = await rosterWithPupils();
    await createUser({ email: null, username: "pris.entre.temps" });
    const ids = [lea.user.id, ada.user.id, mary.user.id];
    const before = await db.user.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });
    const audit = [] as never[];
    expect(await setOneTimeCredentials(school.id, [
      { userId: lea.user.id, username: null, passwordHash: "x" },
      { userId: ada.user.id, username: "pris.entre.temps", passwordHash: "y" },
    ], audit, new Date())).toBe("CONFLICT");
    // The data layer itself refuses an account the school does not manage (an e-mail account here).
    expect(await setOneTimeCredentials(school.id, [{ userId: lea.user.id, username: null, passwordHash: "x" }, { userId: mary.user.id, username: null, passwordHash: "z" }], audit, new Date())).toBe("CONFLICT");
    const other = await schoolWithTeachers("0752222C");
    expect(await setOneTimeCredentials(other.school.id, [{ userId: lea.user.id, username: null, passwordHash: "x" }], audit, new Date())).toBe("CONFLICT");
    expect(await db.user.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } })).toEqual(before);
  });

  it("the pupils' list shows a username only to the school that manages the account", async () => {
    const a = await rosterWithPupils();
    const b = await schoolWithTeachers("0753333D");
    // Léa (managed by A) joined B's roster herself: B sees that she has a username, never which one.
    await db.learner.create({ data: { establishmentId: b.school.id, firstName: "Léa", lastName: "Dupont", birthdate: new Date("2011-12-01"), division: "5C", userId: a.lea.user.id } });
    const seenByB = (await listLearners({ establishmentId: b.school.id, division: null, search: "", page: 1 })).rows;
    expect(seenByB).toHaveLength(1);
    expect(seenByB[0].connection).toEqual({ hasEmail: false, hasUsername: true, username: null, managedElsewhere: true, hasGar: false });
    expect(JSON.stringify(seenByB)).not.toContain(a.lea.login);
    const seenByA = (await listLearners({ establishmentId: a.school.id, division: null, search: "Dupont", page: 1 })).rows;
    expect(seenByA.find((row) => row.id === a.lea.learner.id)?.connection).toMatchObject({ hasUsername: true, username: a.lea.login, managedElsewhere: false });
  });

  it("refuses to manage the account of a Pix Orga member through the pupils' list", async () => {
    const { school, member, lea } = await rosterWithPupils();
    await addMember(school.id, lea.user.id, "ADMIN");
    await expect(manageLearnerAccount({ actorUserId: member.id, learnerId: lea.learner.id, action: "RESET_PASSWORD", address })).rejects.toMatchObject({ code: "ACCOUNT_NOT_MANAGEABLE" });
  });

  it("a disabled pupil's account is no longer managed from the list", async () => {
    const { member, lea } = await rosterWithPupils();
    await db.learner.update({ where: { id: lea.learner.id }, data: { isDisabled: true } });
    await expect(manageLearnerAccount({ actorUserId: member.id, learnerId: lea.learner.id, action: "RESET_PASSWORD", address })).rejects.toMatchObject({ code: "ACCOUNT_NOT_MANAGEABLE" });
  });

  it("a teacher of school B never sees nor changes school A's pupils; the credentials route refuses too", async () => {
    const a = await rosterWithPupils();
    const b = await schoolWithTeachers("0751111B");
    await expect(manageLearnerAccount({ actorUserId: b.admin.id, learnerId: a.lea.learner.id, action: "RESET_PASSWORD", address })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(generateCredentialsSheet({ actorUserId: b.admin.id, establishmentId: b.school.id, learnerIds: [a.lea.learner.id], action: "RESET_PASSWORD", address })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(generateCredentialsSheet({ actorUserId: b.admin.id, establishmentId: a.school.id, learnerIds: [a.lea.learner.id], action: "RESET_PASSWORD", address })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listLearners({ establishmentId: b.school.id, division: null, search: "", page: 1 })).total).toBe(0);

    orgaContext.current = { userId: b.admin.id, establishmentId: b.school.id };
    const refused = await POST(credentialsRequest([a.lea.learner.id, a.ada.learner.id], "RESET_PASSWORD"));
    expect(refused.status).toBe(404);
    orgaContext.current = { userId: a.admin.id, establishmentId: a.school.id };
    expect((await POST(credentialsRequest([a.lea.learner.id], "RESET_PASSWORD", "https://evil.example"))).status).toBe(403);
    orgaContext.current = null;
    expect((await POST(credentialsRequest([a.lea.learner.id], "RESET_PASSWORD"))).status).toBe(404);
    // Nothing changed on A's accounts.
    expect(await db.user.findUniqueOrThrow({ where: { id: a.lea.user.id } })).toMatchObject({ shouldChangePassword: false });
    expect(await unsafeReadAuditLog()).toHaveLength(3);

    orgaContext.current = { userId: a.admin.id, establishmentId: a.school.id };
    const sheet = await POST(credentialsRequest([a.lea.learner.id, a.mary.learner.id], "RESET_PASSWORD", "http://localhost:3000"));
    orgaContext.current = null;
    expect(sheet.status).toBe(200);
    expect(sheet.headers.get("content-disposition")).toMatch(/^attachment; filename="mots-de-passe-eleves-\d{4}-\d{2}-\d{2}-\d{4}\.csv"$/);
    expect(sheet.headers.get("x-skipped-count")).toBe("1");
    const text = await sheet.text();
    expect(text).toContain('"lea.dupont0112"');
    expect(text).not.toContain("mary@example.org");
    expect(await unsafeReadAuditLog({ action: "ACCOUNT_PASSWORD_RESET" })).toMatchObject([{ targetUserId: a.lea.user.id, clientAddress: address, details: { isBulk: true } }]);
  });
});
