import { db, pgPool } from "@/lib/db/client";
import { challengeSource, engineContentOfCampaign } from "@/lib/db/repositories/assessment-repository";
import { cachedChallengeSource, campaignIdOfCode, tutorialsOfSkill } from "@/lib/db/repositories/content-memory";
import { mintSessionToken, sessionCookieName } from "@/lib/auth/session-token";
import { campaignCreationSchema } from "@/lib/domain/campaigns/campaign-form";
import type { FlowRequest } from "@/lib/pupil-flow/flow-request";
import { createCampaign } from "@/lib/use-cases/campaigns/create-campaign";
import { answerChallenge, currentQuestion } from "@/lib/use-cases/participations/answer-challenge";
import { startParticipation } from "@/lib/use-cases/participations/pupil-campaign";
import { addMember, createEstablishment, createUser } from "../../support/factories";

/**
 * The world of the answer path's integration tests (flow-request, question-page, timed, arrival-proof, prepared
 * statements, the fast path's sockets…): an assessment campaign of a school of its own and pupils who started it.
 * A file that sets environment variables before the app reads them imports this module dynamically, after them.
 */
export type OpenCampaign = Awaited<ReturnType<typeof createCampaign>>;

/**
 * A school that does not manage its pupils, its ADMIN, and their assessment campaign on « tp-competence-4-1 » (or `targetProfileId`);
 * `warm`: with the answer path's memory filled (warmAnswerMemory).
 */
export async function openCampaign(options: { name?: string; warm?: boolean; targetProfileId?: string } = {}): Promise<OpenCampaign> {
  const school = await createEstablishment({ isManagingStudents: false });
  const teacher = await createUser();
  await addMember(school.id, teacher.id, "ADMIN");
  const form = campaignCreationSchema.parse({ name: options.name ?? "Test", type: "ASSESSMENT", targetProfileId: options.targetProfileId ?? "tp-competence-4-1", askExternalId: "no", ownerId: String(teacher.id) });
  const campaign = await createCampaign({ actorUserId: teacher.id, establishmentId: school.id, campaign: form });
  if (options.warm) await warmAnswerMemory(campaign);
  return campaign;
}

/**
 * What a production process has in memory after its first minutes (the campaign's id, its content, every challenge's
 * text and tutorials): a cold memory waits for the database where the tests measure something else.
 */
export async function warmAnswerMemory(campaign: { id: number; code: string }): Promise<void> {
  await campaignIdOfCode(campaign.code);
  const content = await engineContentOfCampaign(campaign.id);
  for (const c of content.challenges) await cachedChallengeSource(c.id);
  for (const s of content.skills) await tutorialsOfSkill(s.id);
}

/** The session token of a new sign-in of this account (its current session version). */
export async function sessionTokenOf(userId: number): Promise<string> {
  const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } });
  return mintSessionToken({ userId, sessionVersion, now: new Date() });
}

/** A new pupil who started the campaign, signed in: their first question, their token and the cookies carrying it. */
export async function pupilIn(campaign: { id: number; code: string }) {
  const pupil = await createUser();
  await startParticipation({ userId: pupil.id, code: campaign.code, externalId: null });
  const q = await currentQuestion({ userId: pupil.id, campaignId: campaign.id });
  if (q.kind !== "question") throw new Error("expected a question");
  const token = await sessionTokenOf(pupil.id);
  return { pupil, token, cookies: { [sessionCookieName()]: token }, first: q.challengeId };
}

/** « Je passe » on a question, as the page's form sends it. */
export const skipForm = (code: string, challengeId: string) => new URLSearchParams({ code, challengeId, kind: "fields", intent: "skip" });

/** The script's POST (« Je valide », « Je passe ») as lib/pupil-flow/flow-request.ts takes it; no token: signed out. */
export function flowRequest(code: string, token: string | null, body: string | null, headers: Record<string, string> = {}): FlowRequest {
  const all: Record<string, string> = { "content-type": "application/x-www-form-urlencoded", ...headers };
  return { code, header: (name) => all[name] ?? null, cookies: token ? { [sessionCookieName()]: token } : {}, body, receivedAt: Date.now() };
}

/**
 * Skips the pupil's questions (no answer) up to the first timed one, left current and not started: its id and source.
 * (The easy phishing skills of « tp-competence-4-1 » are all timed: one comes within a few answers.)
 */
export async function skipToATimedQuestion(pupilId: number, campaignId: number) {
  for (let i = 0; i < 60; i++) {
    const q = await currentQuestion({ userId: pupilId, campaignId });
    if (q.kind === "completed") break;
    const source = (await challengeSource(q.challengeId))!;
    if (source.content.timer) return { challengeId: q.challengeId, timer: source.content.timer, source };
    await answerChallenge({ userId: pupilId, campaignId, challengeId: q.challengeId, answer: null });
  }
  throw new Error("no timed question reached");
}

/** Transactions in a statement log (roundTrips.log): BEGIN … COMMIT/ROLLBACK is one, any statement outside one is one more. */
export function transactionsIn(log: string[]): number {
  let inside = false;
  let count = 0;
  for (const sql of log.map((s) => s.trim().toUpperCase())) {
    if (sql.startsWith("BEGIN")) {
      inside = true;
      count++;
    } else if (sql.startsWith("COMMIT") || sql.startsWith("ROLLBACK")) inside = false;
    else if (!inside) count++;
  }
  return count;
}

/**
 * `send` while every connection of the app's pool is taken; once it waits for one, another client queues behind it and
 * one connection is given back: the answer's transaction gets it, and the connection its commit frees goes to that
 * other client — so whatever the answer reads after its commit (the next question's text, the checkpoint's tutorials)
 * finds the pool busy.
 */
export async function busyAfterTheCommit<T>(send: () => Promise<T>): Promise<T> {
  const pool = pgPool();
  const held = await Promise.all(Array.from({ length: 10 }, () => pool.connect()));
  let hog;
  try {
    const answering = send();
    while (pool.waitingCount < 1) await new Promise((resolve) => setTimeout(resolve, 5));
    hog = pool.connect();
    held.pop()!.release();
    return await answering;
  } finally {
    for (const c of held) c.release();
    (await hog)?.release();
  }
}
