/**
 * The world the matrix attacks: two establishments, A (manages its pupils) and B, with every kind of object an
 * entry point can name, so that each id parameter has a value belonging to "the other party". Every personal
 * datum carries a marker (a made-up word starting with "Zq") whose visibility is declared in markers.ts.
 *
 * Objects used only by the allowed calls of phase 2 (which change things) are separate from the victims of
 * phase 1, so that the order of the rows does not matter.
 */
import { db } from "@/lib/db/client";
import { DEFAULT_PRECISION_TARGET_CHOICE } from "@/lib/domain/campaigns/campaign-form";
import { Prisma } from "@/lib/db/generated/client";
import { hashPassword } from "@/lib/auth/password-hashing";
import { hashToken } from "@/lib/auth/tokens";
import { challengeSource } from "@/lib/db/repositories/assessment-repository";
import { expectedAnswer } from "@/lib/domain/learning-content/check-answer";
import { createCampaign } from "@/lib/use-cases/campaigns/create-campaign";
import { answerChallenge, currentQuestion } from "@/lib/use-cases/participations/answer-challenge";
import { shareResults } from "@/lib/use-cases/participations/participation-results";
import { startParticipation } from "@/lib/use-cases/participations/pupil-campaign";

export const PASSWORD = "Matrice-2026-secret!";
/** Tokens and codes handed out in the world (only their digests are stored, as the product does). */
export const SECRETS = {
  invitationView: "ZQINVITATIONVUE2026",
  invitationCancel: "ZQINVITATIONANNUL26",
  invitationResend: "ZQINVITATIONRENVOI6",
  invitationAccept: "ZQINVITATIONACCEPT6",
  invitationSignUp: "ZQINVITATIONINSCRIT",
  invitationB: "ZQINVITATIONECOLEB6",
  resetUsed: "reinitialisation-deja-utilisee-zq-0001",
  resetValid: "reinitialisation-valide-zq-000000002",
  garPending: "gar-en-attente-zq-00000000000000000003",
  garPendingControl: "gar-en-attente-zq-00000000000000000004",
  signInToken: "connexion-unique-zq-0000000000000000005",
};

export type ActorName = "anonymous" | "pupil" | "otherPupil" | "member" | "admin" | "otherAdmin";
export const ACTORS: readonly ActorName[] = ["anonymous", "pupil", "otherPupil", "member", "admin", "otherAdmin"];
/** Signed-in accounts that only phase 2 uses: someone who accepts an invitation, a teacher who leaves A, someone who
 *  changes their password, a pupil who must replace a one-time password, three accounts that sign out (this device,
 *  every device, from the question page's plain form), a pupil who deletes their own account. */
export type HelperName = "joiner" | "leaver" | "changer" | "forced" | "quitter" | "quitterEverywhere" | "plainQuitter" | "deleter";

export type World = {
  /** The server's address (APP_URL). */
  baseUrl: string;
  logins: Record<Exclude<ActorName, "anonymous"> | HelperName, { login: string; userId: number }>;
  /** Accounts without a session: a MEMBER of A whose role phase 2 changes, one it removes, one whose password it resets. */
  users: Record<"spare" | "removable" | "resetter", number>;
  schoolA: { id: number; uai: string };
  schoolB: { id: number; uai: string };
  /** a1: owned by ADMIN A, A1's shared results and A2's started participation; a2: owned by MEMBER A, A1 in progress;
   *  a3: owned by ADMIN A, deleted by phase 2; a4: owned by MEMBER A, archived by phase 2; a5: owned by MEMBER A, A2's
   *  participation there is deleted by phase 2; a6: multiple sendings, A2's shared results (retried by phase 2);
   *  b1: school B. */
  campaigns: Record<"a1" | "a2" | "a3" | "a4" | "a5" | "a6" | "b1", { id: number; code: string }>;
  participations: { a1Shared: number; a2Started: number; a1InProgress: number; a5Disposable: number; a6Shared: number };
  /** The challenge A1 is currently asked in campaign a2, and that assessment (« Signaler un problème » names it). */
  a1CurrentChallenge: string;
  a1InProgressAssessment: number;
  /** rosterOnly: a victim (phase 1 types its name); rosterForReconcile / rosterForSignUp: joined by phase 2;
   *  unlinkable: linked to an account, « Dissocier » by phase 2; deletable: deleted from the roster by phase 2.
   *  managed, garOnly and forced sign in with accounts school A manages (created through its roster). */
  learners: Record<"a1" | "a2" | "managed" | "garOnly" | "rosterOnly" | "rosterForReconcile" | "rosterForSignUp" | "garNew" | "forced" | "unlinkable" | "deletable" | "b1", number>;
  /** A tutorial with an internal page. */
  tutorialId: string;
  memberships: Record<"adminA" | "memberA" | "spareA" | "removableA" | "leaverA" | "adminB" | "memberB", number>;
  invitations: Record<"view" | "cancel" | "resend" | "accept" | "signUp" | "b", number>;
};

/** School A's roster as its SIECLE export lists it (the matrix's import replays it whole, as a school does each year). */
export const SCHOOL_A_ROSTER = {
  a1: { firstName: "Zoé", lastName: "Zqpupila", birthdate: "2011-03-14", ine: "0750001001A", division: "4A" },
  a2: { firstName: "Yanis", lastName: "Zqpupilb", birthdate: "2011-05-21", ine: "0750001002A", division: "4A" },
  managed: { firstName: "Maëlys", lastName: "Zqmanaged", birthdate: "2011-09-17", ine: "0750001003A", division: "4B" },
  garOnly: { firstName: "Gaël", lastName: "Zqgaronly", birthdate: "2011-10-08", ine: "0750001004A", division: "4B" },
  rosterOnly: { firstName: "Océane", lastName: "Zqrostera", birthdate: "2012-02-29", ine: "0750001005A", division: "4B" },
  rosterForReconcile: { firstName: "Mathéo", lastName: "Zqrosterc", birthdate: "2011-01-15", ine: "0750001007A", division: "4B" },
  rosterForSignUp: { firstName: "Amélie", lastName: "Zqrosterd", birthdate: "2011-08-23", ine: "0750001008A", division: "4B" },
  garNew: { firstName: "Jade", lastName: "Zqgarnew", birthdate: "2011-11-11", ine: "0750001006A", division: "4B" },
  forced: { firstName: "Chloé", lastName: "Zqforced", birthdate: "2011-02-04", ine: "0750001009A", division: "4B" },
  unlinkable: { firstName: "Inaya", lastName: "Zqunlink", birthdate: "2011-04-01", ine: "0750001010A", division: "4B" },
  deletable: { firstName: "Ilyes", lastName: "Zqdeletable", birthdate: "2011-12-12", ine: "0750001011A", division: "4B" },
};

const daysAgo = (n: number, minutes = 0) => new Date(Date.now() - n * 24 * 3600_000 + minutes * 60_000);

async function user(data: { firstName: string; lastName: string; email?: string; username?: string; birthdate?: string; samlId?: string; managedByEstablishmentId?: number }, passwordHash: string | null) {
  const created = await db.user.create({
    data: {
      ...data,
      birthdate: data.birthdate ? new Date(`${data.birthdate}T00:00:00Z`) : undefined,
      passwordHash,
      termsAcceptedAt: new Date(),
    },
    select: { id: true },
  });
  return created.id;
}

async function learner(establishmentId: number, data: { firstName: string; lastName: string; birthdate: string; ine: string; division: string; userId?: number }) {
  const created = await db.learner.create({
    data: {
      establishmentId,
      firstName: data.firstName,
      lastName: data.lastName,
      birthdate: new Date(`${data.birthdate}T00:00:00Z`),
      nationalStudentId: data.ine,
      division: data.division,
      userId: data.userId,
    },
    select: { id: true },
  });
  return created.id;
}

async function invitation(establishmentId: number, email: string, code: string) {
  const created = await db.invitation.create({ data: { establishmentId, email, role: "MEMBER", codes: { create: { codeHash: hashToken(code), sentAt: new Date() } } }, select: { id: true } });
  return created.id;
}

/** Knowledge is kept across campaigns: A1's second campaign tests another competence, or it would end at once. */
async function campaign(actorUserId: number, establishmentId: number, name: string, title: string, options: { externalIdLabel?: string; targetProfileId?: string; multipleSendings?: boolean } = {}) {
  return createCampaign({
    actorUserId,
    establishmentId,
    now: daysAgo(10),
    campaign: {
      name,
      type: "ASSESSMENT",
      targetProfileId: options.targetProfileId ?? "tp-competence-4-1",
      externalIdLabel: options.externalIdLabel ?? null,
      externalIdType: options.externalIdLabel ? "STRING" : null,
      title,
      landingText: null,
      ownerId: actorUserId,
      multipleSendings: options.multipleSendings ?? false,
      assessmentMethod: "PRECISION",
      precisionTarget: DEFAULT_PRECISION_TARGET_CHOICE,
    },
  });
}

/** Answers through the real engine: everything right up to `answers` questions, or to the end when undefined. */
async function answer(userId: number, campaignId: number, answers?: number): Promise<string | null> {
  for (let i = 0; i < (answers ?? 200); i++) {
    const question = await currentQuestion({ userId, campaignId });
    if (question.kind === "completed") return null;
    const source = await challengeSource(question.challengeId);
    await answerChallenge({ userId, campaignId, challengeId: question.challengeId, answer: source ? expectedAnswer(source.content) : null });
  }
  const question = await currentQuestion({ userId, campaignId });
  return question.kind === "question" ? question.challengeId : null;
}

export async function seedWorld(baseUrl: string): Promise<World> {
  const hash = await hashPassword(PASSWORD);
  const schoolA = await db.establishment.create({
    data: { name: "Collège Ada Lovelace", uai: "0750001A", type: "SCO", contactEmail: "zqcontacta@example.org", isManagingStudents: true },
  });
  const schoolB = await db.establishment.create({
    data: { name: "Lycée Grace Hopper", uai: "0750002B", type: "SCO", contactEmail: "zqcontactb@example.org", isManagingStudents: true },
  });

  const adminA = await user({ firstName: "Camille", lastName: "Zqadmina", email: "zqmailadmina@example.org" }, hash);
  const memberA = await user({ firstName: "Hugo", lastName: "Zqmembra", email: "zqmailmembra@example.org" }, hash);
  const spare = await user({ firstName: "Inès", lastName: "Zqsparea", email: "zqmailsparea@example.org" }, hash);
  const removable = await user({ firstName: "Loïc", lastName: "Zqremovable", email: "zqmailremovable@example.org" }, hash);
  const leaver = await user({ firstName: "Anaïs", lastName: "Zqleaver", email: "zqmailleaver@example.org" }, hash);
  const joiner = await user({ firstName: "Noé", lastName: "Zqjoiner", email: "zqmailjoiner@example.org" }, hash);
  const changer = await user({ firstName: "Joël", lastName: "Zqchanger", email: "zqmailchanger@example.org" }, hash);
  const quitter = await user({ firstName: "Elsa", lastName: "Zqquitter", email: "zqmailquitter@example.org" }, hash);
  const quitterEverywhere = await user({ firstName: "Marius", lastName: "Zqquitall", email: "zqmailquitall@example.org" }, hash);
  const plainQuitter = await user({ firstName: "Inès", lastName: "Zqplainquit", email: "zqmailplainquit@example.org" }, hash);
  const resetter = await user({ firstName: "Léa", lastName: "Zqresetter", email: "zqmailresetter@example.org" }, hash);
  const adminB = await user({ firstName: "Nadia", lastName: "Zqadminb", email: "zqmailadminb@example.org" }, hash);
  const memberB = await user({ firstName: "Rémi", lastName: "Zqmembrb", email: "zqmailmembrb@example.org" }, hash);
  const pupilA1 = await user({ firstName: "Zoé", lastName: "Zqpupila", email: "zqmailpupila@example.org", birthdate: "2011-03-14" }, hash);
  const pupilA2 = await user({ firstName: "Yanis", lastName: "Zqpupilb", email: "zqmailpupilb@example.org", birthdate: "2011-05-21" }, hash);
  // Accounts created through A's roster (a username chosen on its restricted campaign, a first GAR arrival): A manages
  // them and may reset them (docs/adr/0009). A1 and A2 signed up with their own e-mail: nobody manages those.
  const managed = await user({ firstName: "Maëlys", lastName: "Zqmanaged", username: "zqloginmanaged", birthdate: "2011-09-17", managedByEstablishmentId: schoolA.id }, hash);
  const garOnly = await user({ firstName: "Gaël", lastName: "Zqgaronly", samlId: "zq-gar-only-ido", birthdate: "2011-10-08", managedByEstablishmentId: schoolA.id }, null);
  // A pupil whose teacher gave a one-time password: the next sign-in must replace it.
  const forced = await user({ firstName: "Chloé", lastName: "Zqforced", username: "zqloginforced", birthdate: "2011-02-04", managedByEstablishmentId: schoolA.id }, hash);
  // A pupil of A linked to their account, whom MEMBER A « Dissocier » in phase 2; a pupil who deletes their own account.
  const unlinked = await user({ firstName: "Inaya", lastName: "Zqunlink", email: "zqmailunlink@example.org", birthdate: "2011-04-01" }, hash);
  const deleter = await user({ firstName: "Sacha", lastName: "Zqdeleter", email: "zqmaildeleter@example.org", birthdate: "2011-07-07" }, hash);
  await db.user.update({ where: { id: forced }, data: { shouldChangePassword: true } });

  const membership = (establishmentId: number, userId: number, role: "ADMIN" | "MEMBER") =>
    db.membership.create({ data: { establishmentId, userId, role }, select: { id: true } }).then((m) => m.id);
  const memberships = {
    adminA: await membership(schoolA.id, adminA, "ADMIN"),
    memberA: await membership(schoolA.id, memberA, "MEMBER"),
    spareA: await membership(schoolA.id, spare, "MEMBER"),
    removableA: await membership(schoolA.id, removable, "MEMBER"),
    leaverA: await membership(schoolA.id, leaver, "MEMBER"),
    adminB: await membership(schoolB.id, adminB, "ADMIN"),
    memberB: await membership(schoolB.id, memberB, "MEMBER"),
  };

  const learners = {
    a1: await learner(schoolA.id, { ...SCHOOL_A_ROSTER.a1, userId: pupilA1 }),
    a2: await learner(schoolA.id, { ...SCHOOL_A_ROSTER.a2, userId: pupilA2 }),
    managed: await learner(schoolA.id, { ...SCHOOL_A_ROSTER.managed, userId: managed }),
    garOnly: await learner(schoolA.id, { ...SCHOOL_A_ROSTER.garOnly, userId: garOnly }),
    rosterOnly: await learner(schoolA.id, { ...SCHOOL_A_ROSTER.rosterOnly }),
    rosterForReconcile: await learner(schoolA.id, { ...SCHOOL_A_ROSTER.rosterForReconcile }),
    rosterForSignUp: await learner(schoolA.id, { ...SCHOOL_A_ROSTER.rosterForSignUp }),
    garNew: await learner(schoolA.id, { ...SCHOOL_A_ROSTER.garNew }),
    forced: await learner(schoolA.id, { ...SCHOOL_A_ROSTER.forced, userId: forced }),
    unlinkable: await learner(schoolA.id, { ...SCHOOL_A_ROSTER.unlinkable, userId: unlinked }),
    deletable: await learner(schoolA.id, { ...SCHOOL_A_ROSTER.deletable }),
    b1: await learner(schoolB.id, { firstName: "Théo", lastName: "Zqrosterb", birthdate: "2010-06-30", ine: "0750002001B", division: "2nde1" }),
  };

  const a1 = await campaign(adminA, schoolA.id, "Campagne Zqcampa1", "Parcours de la classe", { externalIdLabel: "Numéro d'élève" });
  const a2 = await campaign(memberA, schoolA.id, "Campagne Zqcampa2", "Parcours de la classe", { targetProfileId: "tp-competence-1-1" });
  const a3 = await campaign(adminA, schoolA.id, "Campagne Zqcampa3", "Parcours de la classe");
  const a4 = await campaign(memberA, schoolA.id, "Campagne Zqcampa4", "Parcours de la classe");
  const a5 = await campaign(memberA, schoolA.id, "Campagne Zqcampa5", "Parcours de la classe");
  const a6 = await campaign(adminA, schoolA.id, "Campagne Zqcampa6", "Parcours de la classe", { targetProfileId: "tp-competence-1-2", multipleSendings: true });
  const b1 = await campaign(adminB, schoolB.id, "Campagne Zqcampb1", "Parcours du lycée");

  const a1Shared = (await startParticipation({ userId: pupilA1, code: a1.code, externalId: "Zqexterne" })).participationId;
  await answer(pupilA1, a1.id);
  await shareResults({ userId: pupilA1, campaignId: a1.id });
  const a2Started = (await startParticipation({ userId: pupilA2, code: a1.code, externalId: "Zqexterneb" })).participationId;
  await answer(pupilA2, a1.id, 2);
  const a1InProgress = (await startParticipation({ userId: pupilA1, code: a2.code, externalId: null })).participationId;
  const a1CurrentChallenge = await answer(pupilA1, a2.id, 2);
  if (!a1CurrentChallenge) throw new Error("Le parcours de la campagne a2 s'est terminé trop tôt pour la matrice.");
  const a1InProgressAssessment = (await db.assessment.findFirstOrThrow({ where: { participationId: a1InProgress }, select: { id: true } })).id;
  const a5Disposable = (await startParticipation({ userId: pupilA2, code: a5.code, externalId: null })).participationId;
  const a6Shared = (await startParticipation({ userId: pupilA2, code: a6.code, externalId: null })).participationId;
  await answer(pupilA2, a6.id);
  await shareResults({ userId: pupilA2, campaignId: a6.id });

  const invitations = {
    view: await invitation(schoolA.id, "zqinvitevue@example.org", SECRETS.invitationView),
    cancel: await invitation(schoolA.id, "zqinviteannul@example.org", SECRETS.invitationCancel),
    resend: await invitation(schoolA.id, "zqinviterenvoi@example.org", SECRETS.invitationResend),
    accept: await invitation(schoolA.id, "zqinviteaccept@example.org", SECRETS.invitationAccept),
    signUp: await invitation(schoolA.id, "zqinviteinscrit@example.org", SECRETS.invitationSignUp),
    b: await invitation(schoolB.id, "zqinviteb@example.org", SECRETS.invitationB),
  };

  const inOneHour = new Date(Date.now() + 3600_000);
  await db.passwordResetToken.create({ data: { userId: pupilA1, tokenHash: hashToken(SECRETS.resetUsed), expiresAt: inOneHour, usedAt: daysAgo(1) } });
  await db.passwordResetToken.create({ data: { userId: resetter, tokenHash: hashToken(SECRETS.resetValid), expiresAt: inOneHour } });
  for (const [token, firstName] of [[SECRETS.garPending, "Jade"], [SECRETS.garPendingControl, "Jade"]] as const) {
    await db.pendingSamlIdentity.create({
      data: { tokenHash: hashToken(token), samlId: `zq-gar-new-${token.slice(-1)}`, firstName, lastName: "Zqgarnew", uais: [schoolA.uai!], expiresAt: inOneHour },
    });
  }
  await db.signInToken.create({ data: { tokenHash: hashToken(SECRETS.signInToken), userId: pupilA1, expiresAt: inOneHour } });

  return {
    baseUrl,
    logins: {
      pupil: { login: "zqmailpupila@example.org", userId: pupilA1 },
      otherPupil: { login: "zqmailpupilb@example.org", userId: pupilA2 },
      member: { login: "zqmailmembra@example.org", userId: memberA },
      admin: { login: "zqmailadmina@example.org", userId: adminA },
      otherAdmin: { login: "zqmailadminb@example.org", userId: adminB },
      joiner: { login: "zqmailjoiner@example.org", userId: joiner },
      leaver: { login: "zqmailleaver@example.org", userId: leaver },
      changer: { login: "zqmailchanger@example.org", userId: changer },
      forced: { login: "zqloginforced", userId: forced },
      quitter: { login: "zqmailquitter@example.org", userId: quitter },
      quitterEverywhere: { login: "zqmailquitall@example.org", userId: quitterEverywhere },
      plainQuitter: { login: "zqmailplainquit@example.org", userId: plainQuitter },
      deleter: { login: "zqmaildeleter@example.org", userId: deleter },
    },
    users: { spare, removable, resetter },
    schoolA: { id: schoolA.id, uai: schoolA.uai! },
    schoolB: { id: schoolB.id, uai: schoolB.uai! },
    campaigns: { a1, a2, a3, a4, a5, a6, b1 },
    participations: { a1Shared, a2Started, a1InProgress, a5Disposable, a6Shared },
    a1CurrentChallenge,
    a1InProgressAssessment,
    learners,
    memberships,
    invitations,
    tutorialId: (await db.tutorial.findFirstOrThrow({ where: { page: { not: Prisma.DbNull }, retiredAt: null }, select: { id: true }, orderBy: { id: "asc" } })).id,
  };
}
