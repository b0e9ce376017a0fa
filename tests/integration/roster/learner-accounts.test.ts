import { describe, expect, it, vi } from "vitest";
import { parse } from "csv-parse/sync";
import { logIn } from "../../support/log-in";
import { db } from "@/lib/db/client";
import { listLearners } from "@/lib/db/queries/learners";
import { setOneTimeCredentials } from "@/lib/db/repositories/learner-repository";
import { changeRequiredPassword } from "@/lib/use-cases/roster/change-required-password";
import { generateCredentialsSheet, manageLearnerAccount } from "@/lib/use-cases/roster/manage-learner-accounts";
import { reconcileLearner } from "@/lib/use-cases/roster/reconcile-learner";
import { seededRandomInt } from "@/tests/support/siecle-sample";
import { addMember, createUser } from "../../support/factories";
import { campaignOf, learnerNamed, schoolWithFixtureRoster, schoolWithTeachers } from "./roster-builders";

const orgaContext = vi.hoisted(() => ({ current: null as null | { userId: number; establishmentId: number } }));
vi.mock("@/lib/auth/orga-actor", () => ({
  getOrgaContext: async () =>
    orgaContext.current && { userId: orgaContext.current.userId, current: { establishmentId: orgaContext.current.establishmentId, role: "ADMIN" } },
}));
const { POST } = await import("@/app/api/eleves/identifiants/route");

const address = "198.51.100.4";

/** A pupil of the fixture who joined with an e-mail account. */
async function linkedPupil(schoolId: number, campaignCode: string, identity: { firstName: string; lastName: string; birthdate: string }, email: string) {
  const user = await createUser({ email, firstName: identity.firstName, lastName: identity.lastName });
  await reconcileLearner({ userId: user.id, code: campaignCode, identity, address });
  return { user, learner: await db.learner.findFirstOrThrow({ where: { establishmentId: schoolId, userId: user.id } }) };
}

async function rosterWithPupils() {
  const roster = await schoolWithFixtureRoster();
  const campaign = await campaignOf(roster.school.id, roster.admin.id);
  const lea = await linkedPupil(roster.school.id, campaign.code, { firstName: "Léa", lastName: "Dupont", birthdate: "2011-12-01" }, "lea@example.org");
  const ada = await linkedPupil(roster.school.id, campaign.code, { firstName: "Ada", lastName: "Lovelace", birthdate: "2011-12-10" }, "ada@example.org");
  return { ...roster, campaign, lea, ada };
}

function credentialsRequest(learnerIds: number[], action: string, origin?: string): Request {
  const form = new FormData();
  for (const id of learnerIds) form.append("learnerId", String(id));
  form.set("action", action);
  return new Request("http://localhost:3000/api/eleves/identifiants", { method: "POST", body: form, headers: { host: "localhost:3000", ...(origin ? { origin } : {}) } });
}

describe("pupils' accounts managed by teachers", () => {
  it("« Ajouter l'identifiant »: prenom.nom + DDMM, then 4 random digits when taken; a one-time password to change", async () => {
    const { member, lea } = await rosterWithPupils();
    await createUser({ email: null, username: "lea.dupont0112" });
    const credentials = await manageLearnerAccount({ actorUserId: member.id, learnerId: lea.learner.id, action: "ADD_USERNAME", random: seededRandomInt(42) });
    expect(credentials.login).toMatch(/^lea\.dupont\d{4}$/);
    expect(credentials.login).not.toBe("lea.dupont0112");
    expect(credentials.password).toMatch(/^[a-z]{5}[A-Z][2-9]{2}$/);
    const user = await db.user.findUniqueOrThrow({ where: { id: lea.user.id } });
    expect(user).toMatchObject({ username: credentials.login, shouldChangePassword: true, email: "lea@example.org" });
    expect((await logIn(credentials.login, credentials.password)).shouldChangePassword).toBe(true);
    await expect(manageLearnerAccount({ actorUserId: member.id, learnerId: lea.learner.id, action: "ADD_USERNAME" })).rejects.toMatchObject({ code: "ACCOUNT_NOT_MANAGEABLE" });
  });

  it("« Réinitialiser le mot de passe » sets a one-time password and shouldChangePassword; choosing a new one clears it", async () => {
    const { admin, ada } = await rosterWithPupils();
    const { login, password } = await manageLearnerAccount({ actorUserId: admin.id, learnerId: ada.learner.id, action: "RESET_PASSWORD" });
    expect(login).toBe("ada@example.org");
    await expect(logIn("ada@example.org", "Pix12345")).rejects.toMatchObject({ code: "INVALID_CREDENTIALS" });
    expect(await logIn(login, password)).toMatchObject({ shouldChangePassword: true });
    await expect(changeRequiredPassword({ userId: ada.user.id, password })).rejects.toMatchObject({ code: "SAME_PASSWORD" });
    await changeRequiredPassword({ userId: ada.user.id, password: "AdaNouveau2026" });
    expect(await logIn(login, "AdaNouveau2026")).toMatchObject({ shouldChangePassword: false });
  });

  it("bulk: the credentials sheet of a class (Classe; Nom; Prénom; Identifiant; Mot de passe), pupils without account skipped", async () => {
    const { school, admin, lea, ada } = await rosterWithPupils();
    const babbage = await learnerNamed(school.id, "BABBAGE", "Charles");
    const sheet = await generateCredentialsSheet({ actorUserId: admin.id, establishmentId: school.id, learnerIds: [lea.learner.id, ada.learner.id, babbage.id], action: "ADD_USERNAME" });
    expect(sheet.skipped).toEqual([{ learnerId: babbage.id, reason: expect.stringContaining("pas encore de compte") }]);
    expect(sheet.csv.startsWith("\uFEFF")).toBe(true);
    const rows = parse(sheet.csv.slice(1), { delimiter: ";", columns: true }) as Record<string, string>[];
    expect(rows.map((row) => [row.Classe, row.Nom, row["Prénom"], row.Identifiant])).toEqual([
      ["4A", "DUPONT", "Léa", "lea.dupont0112"],
      ["4A", "LOVELACE", "Ada", "ada.lovelace1012"],
    ]);
    for (const row of rows) expect((await logIn(row.Identifiant, row["Mot de passe"])).shouldChangePassword).toBe(true);
    await expect(generateCredentialsSheet({ actorUserId: admin.id, establishmentId: school.id, learnerIds: [babbage.id], action: "ADD_USERNAME" })).rejects.toMatchObject({ code: "NOTHING_TO_GENERATE" });
  });

  it("a sheet is written all or nothing: a username taken meanwhile leaves every account as it was", async () => {
    const { lea, ada } = await rosterWithPupils();
    await createUser({ email: null, username: "pris.entre.temps" });
    const before = await db.user.findMany({ where: { id: { in: [lea.user.id, ada.user.id] } }, orderBy: { id: "asc" } });
    const outcome = await setOneTimeCredentials([
      { userId: lea.user.id, username: "lea.dupont0112", passwordHash: "x" },
      { userId: ada.user.id, username: "pris.entre.temps", passwordHash: "y" },
    ], new Date());
    expect(outcome).toBe("CONFLICT");
    expect(await db.user.findMany({ where: { id: { in: [lea.user.id, ada.user.id] } }, orderBy: { id: "asc" } })).toEqual(before);
  });

  it("refuses to manage the account of a Pix Orga member through the pupils' list", async () => {
    const { school, admin, member, campaign } = await rosterWithPupils();
    const colleague = await linkedPupil(school.id, campaign.code, { firstName: "Mary", lastName: "Jackson", birthdate: "2011-04-09" }, "mary@example.org");
    await addMember(school.id, colleague.user.id, "ADMIN");
    await expect(manageLearnerAccount({ actorUserId: member.id, learnerId: colleague.learner.id, action: "RESET_PASSWORD" })).rejects.toMatchObject({ code: "ACCOUNT_NOT_MANAGEABLE" });
    expect(admin.id).toBeGreaterThan(0);
  });

  it("a teacher of school B never sees nor changes school A's pupils; the credentials route refuses too", async () => {
    const a = await rosterWithPupils();
    const b = await schoolWithTeachers("0751111B");
    await expect(manageLearnerAccount({ actorUserId: b.admin.id, learnerId: a.lea.learner.id, action: "RESET_PASSWORD" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(generateCredentialsSheet({ actorUserId: b.admin.id, establishmentId: b.school.id, learnerIds: [a.lea.learner.id], action: "RESET_PASSWORD" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(generateCredentialsSheet({ actorUserId: b.admin.id, establishmentId: a.school.id, learnerIds: [a.lea.learner.id], action: "RESET_PASSWORD" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listLearners({ establishmentId: b.school.id, division: null, search: "", page: 1 })).total).toBe(0);

    orgaContext.current = { userId: b.admin.id, establishmentId: b.school.id };
    const refused = await POST(credentialsRequest([a.lea.learner.id, a.ada.learner.id], "RESET_PASSWORD"));
    expect(refused.status).toBe(404);
    orgaContext.current = { userId: a.admin.id, establishmentId: a.school.id };
    expect((await POST(credentialsRequest([a.lea.learner.id], "RESET_PASSWORD", "https://evil.example"))).status).toBe(403);
    orgaContext.current = null;
    expect((await POST(credentialsRequest([a.lea.learner.id], "RESET_PASSWORD"))).status).toBe(404);
    // Nothing changed on A's accounts.
    expect(await db.user.findUniqueOrThrow({ where: { id: a.lea.user.id } })).toMatchObject({ shouldChangePassword: false, username: null });

    orgaContext.current = { userId: a.admin.id, establishmentId: a.school.id };
    const sheet = await POST(credentialsRequest([a.lea.learner.id], "ADD_USERNAME", "http://localhost:3000"));
    orgaContext.current = null;
    expect(sheet.status).toBe(200);
    expect(sheet.headers.get("content-disposition")).toMatch(/^attachment; filename="identifiants-eleves-\d{4}-\d{2}-\d{2}-\d{4}\.csv"$/);
    expect(await sheet.text()).toContain('"lea.dupont0112"');
  });
});
