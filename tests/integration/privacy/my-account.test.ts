import { describe, expect, it, vi } from "vitest";
import { logIn } from "../../support/log-in";
import { sessionFromToken } from "@/lib/auth/session-check";
import { mintSessionToken } from "@/lib/auth/session-token";
import { db } from "@/lib/db/client";
import { unsafeReadAuditLog } from "@/lib/db/repositories/audit-log-repository";
import { ANONYMISED_NAMES } from "@/lib/domain/privacy/account-deletion";
import { shareResults } from "@/lib/use-cases/participations/participation-results";
import { startParticipation } from "@/lib/use-cases/participations/pupil-campaign";
import { deleteMyAccount } from "@/lib/use-cases/privacy/delete-my-account";
import { exportMyData } from "@/lib/use-cases/privacy/export-my-data";
import { signUpAndReconcile } from "@/lib/use-cases/roster/sign-up-and-reconcile";
import { addMember, createUser } from "../../support/factories";
import { learnerNamed, schoolWithFixtureRoster } from "../roster/roster-builders";

const session = vi.hoisted(() => ({ userId: null as number | null }));
vi.mock("@/lib/auth/session", () => ({ getSessionUserId: async () => session.userId }));
vi.mock("@/lib/auth/request-context", () => ({ clientAddress: async () => "198.51.100.40" }));
const { POST } = await import("@/app/api/mon-compte/donnees/route");

const address = "198.51.100.40";
const lea = { firstName: "Léa", lastName: "Dupont", birthdate: "2011-12-01" };
const ada = { firstName: "Ada", lastName: "Lovelace", birthdate: "2011-12-10" };

/** Léa (username account through the roster) and Ada (e-mail) have both sent their profile, with an external id. */
async function twoPupilsWithResults() {
  const roster = await schoolWithFixtureRoster();
  const campaign = await db.campaign.create({
    data: {
      code: "PROFIL234", name: "Profils 4A", type: "PROFILES_COLLECTION", establishmentId: roster.school.id, creatorId: roster.admin.id, ownerId: roster.admin.id,
      externalIdLabel: "Numéro d'élève", externalIdType: "STRING",
    },
  });
  const pupils = [];
  for (const [identity, account] of [
    [lea, { method: "username" as const, password: "Lea2026abc", acceptTerms: "on" as const }],
    [ada, { method: "email" as const, email: "ada@example.org", password: "Ada2026abc", acceptTerms: "on" as const }],
  ] as const) {
    const { login } = await signUpAndReconcile({ code: campaign.code, identity, address, account });
    const user = await logIn(login, account.password);
    const { participationId } = await startParticipation({ userId: user.id, code: campaign.code, externalId: `N-${identity.firstName}` });
    await shareResults({ userId: user.id, campaignId: campaign.id, isProfilesCollection: true });
    await db.knowledgeElement.create({ data: { userId: user.id, skillId: "skill-x", competenceId: "comp-1-1", status: "VALIDATED", source: "DIRECT", earnedPix: 4 } });
    pupils.push({ login, user, participationId, learner: await learnerNamed(roster.school.id, identity.lastName.toUpperCase(), identity.firstName) });
  }
  return { ...roster, campaign, lea: pupils[0], ada: pupils[1] };
}

function exportRequest(origin?: string): Request {
  return new Request("http://localhost:3000/api/mon-compte/donnees", { method: "POST", headers: { host: "localhost:3000", ...(origin ? { origin } : {}) } });
}

describe("« Télécharger mes données » (finding 11)", () => {
  it("gives the pupil everything stored about them, and nothing about anyone else; each export is audit-logged", async () => {
    const { school, lea, ada } = await twoPupilsWithResults();
    const file = await exportMyData({ userId: lea.user.id, address });
    expect(file.compte).toMatchObject({ numero: lea.user.id, prenom: "Léa", nom: "Dupont", identifiant: "lea.dupont0112", adresseEmail: null, dateDeNaissance: "2011-12-01", gereParEtablissement: school.name });
    expect(file.listesDesEleves).toMatchObject([{ etablissement: school.name, nom: "DUPONT", ine: "0759999006A", classe: "4A", actif: true }]);
    expect(file.participations).toMatchObject([{ numero: lea.participationId, campagne: "Profils 4A", statut: "Résultats reçus", identifiantExterne: "N-Léa" }]);
    expect(file.acquis).toMatchObject([{ acquis: "skill-x", statut: "VALIDATED", pix: 4 }]);
    expect(file.historique).toMatchObject([{ action: "Compte rattaché à la liste des élèves", etablissement: school.name, parVous: true }]);
    const text = JSON.stringify(file);
    for (const other of ["Ada", "ada@example.org", "N-Ada", String(ada.participationId) + ","]) expect(text).not.toContain(other);
    expect(await unsafeReadAuditLog({ action: "ACCOUNT_DATA_EXPORTED" })).toMatchObject([{ actorUserId: lea.user.id, targetUserId: lea.user.id, establishmentId: null, clientAddress: address }]);
  });

  it("names each campaign as the pupil saw it (its title), never by the school's internal name (found by the matrix)", async () => {
    const { campaign, lea } = await twoPupilsWithResults();
    await db.campaign.update({ where: { id: campaign.id }, data: { name: "4A groupe faible — ne pas montrer", title: "Parcours de rentrée" } });
    const file = await exportMyData({ userId: lea.user.id, address });
    expect(file.participations).toMatchObject([{ campagne: "Parcours de rentrée" }]);
    expect(JSON.stringify(file)).not.toContain("groupe faible");
  });

  it("the route answers the session's own file as an attachment, POST and same origin only", async () => {
    const { lea } = await twoPupilsWithResults();
    session.userId = null;
    const anonymous = await POST(exportRequest());
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get("location")).toBe("/connexion?retour=/mon-compte");
    session.userId = lea.user.id;
    expect((await POST(exportRequest("https://evil.example"))).status).toBe(403);
    const answer = await POST(exportRequest("http://localhost:3000"));
    session.userId = null;
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-disposition")).toMatch(/^attachment; filename="mes-donnees-pix-\d{4}-\d{2}-\d{2}-\d{4}\.json"$/);
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect((await answer.json()).compte.identifiant).toBe("lea.dupont0112");
    expect(await unsafeReadAuditLog({ action: "ACCOUNT_DATA_EXPORTED" })).toHaveLength(1);
  });
});

describe("« Supprimer mon compte » (finding 11)", () => {
  it("asks for the password (limited per account), then anonymises the account; the school keeps its statistics", async () => {
    const { school, campaign, lea, ada } = await twoPupilsWithResults();
    const before = await db.participation.findMany({ where: { campaignId: campaign.id }, orderBy: { id: "asc" }, select: { id: true, status: true, isLatestShared: true, pixScore: true, learnerId: true } });
    // A session opened on another computer before the deletion.
    const elsewhere = await mintSessionToken({ userId: lea.user.id, sessionVersion: (await db.user.findUniqueOrThrow({ where: { id: lea.user.id } })).sessionVersion, now: new Date() });
    expect(await sessionFromToken(elsewhere, new Date())).toMatchObject({ userId: lea.user.id });
    await expect(deleteMyAccount({ userId: lea.user.id, password: "Mauvais2026", address })).rejects.toMatchObject({ code: "WRONG_PASSWORD", field: "password" });
    expect(await db.user.findUniqueOrThrow({ where: { id: lea.user.id } })).toMatchObject({ username: "lea.dupont0112", anonymisedAt: null });

    await deleteMyAccount({ userId: lea.user.id, password: "Lea2026abc", address });
    const user = await db.user.findUniqueOrThrow({ where: { id: lea.user.id } });
    expect(user).toMatchObject({ ...ANONYMISED_NAMES, email: null, username: null, passwordHash: null, samlId: null, birthdate: null, managedByEstablishmentId: null });
    expect(user.anonymisedAt).toBeInstanceOf(Date);
    await expect(logIn("lea.dupont0112", "Lea2026abc")).rejects.toMatchObject({ code: "INVALID_CREDENTIALS" });
    expect(await sessionFromToken(elsewhere, new Date())).toBeNull();
    // The roster entry stays the school's, detached; the participation keeps its results, without the typed external id.
    expect((await db.learner.findUniqueOrThrow({ where: { id: lea.learner.id } })).userId).toBeNull();
    expect(await db.participation.findUniqueOrThrow({ where: { id: lea.participationId } })).toMatchObject({ participantExternalId: null, userId: lea.user.id });
    expect(await db.participation.findMany({ where: { campaignId: campaign.id }, orderBy: { id: "asc" }, select: { id: true, status: true, isLatestShared: true, pixScore: true, learnerId: true } })).toEqual(before);
    // Ada is untouched.
    expect(await logIn("ada@example.org", "Ada2026abc")).toMatchObject({ id: ada.user.id });
    expect(await unsafeReadAuditLog({ action: "ACCOUNT_DELETED" })).toMatchObject([
      { actorUserId: lea.user.id, targetUserId: lea.user.id, establishmentId: null, details: { learnersUnlinked: 1, participations: 1 } },
    ]);
    // Done once: the export and a second deletion find nothing.
    await expect(exportMyData({ userId: lea.user.id, address })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deleteMyAccount({ userId: lea.user.id, password: "Lea2026abc", address })).rejects.toMatchObject({ code: "ACCOUNT_NOT_DELETABLE" });
    expect(school.id).toBeGreaterThan(0);
  });

  it("stops checking passwords after 5 tries in 15 minutes", async () => {
    const { ada } = await twoPupilsWithResults();
    for (let i = 0; i < 5; i++) await expect(deleteMyAccount({ userId: ada.user.id, password: `Essai${i}abcD`, address })).rejects.toMatchObject({ code: "WRONG_PASSWORD" });
    await expect(deleteMyAccount({ userId: ada.user.id, password: "Ada2026abc", address })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect((await db.user.findUniqueOrThrow({ where: { id: ada.user.id } })).anonymisedAt).toBeNull();
  });

  it("a GAR-only account confirms by typing SUPPRIMER; a Pix Orga member is refused", async () => {
    const { school } = await schoolWithFixtureRoster();
    const gar = await db.user.create({ data: { samlId: "GAR-42", firstName: "Léa", lastName: "Dupont", managedByEstablishmentId: school.id } });
    await expect(deleteMyAccount({ userId: gar.id, confirmation: "oui", address })).rejects.toMatchObject({ code: "NOT_CONFIRMED", field: "confirmation" });
    await deleteMyAccount({ userId: gar.id, confirmation: "supprimer", address });
    expect(await db.user.findUniqueOrThrow({ where: { id: gar.id } })).toMatchObject({ samlId: null, lastName: ANONYMISED_NAMES.lastName });

    const teacher = await createUser();
    await addMember(school.id, teacher.id, "MEMBER");
    await expect(deleteMyAccount({ userId: teacher.id, password: "Pix12345", address })).rejects.toMatchObject({ code: "ACCOUNT_NOT_DELETABLE" });
    expect((await db.user.findUniqueOrThrow({ where: { id: teacher.id } })).anonymisedAt).toBeNull();
  });
});
