import "server-only";
import { db } from "../client";
import { challengeSource } from "../repositories/assessment-repository";
import { expectedAnswer, type AnswerInput } from "../../domain/learning-content/check-answer";
import type { ChallengeSource } from "../../domain/learning-content/schema";
import { createCampaign } from "../../use-cases/campaigns/create-campaign";
import { answerChallenge, currentQuestion, startTimedChallenge } from "../../use-cases/participations/answer-challenge";
import { shareResults } from "../../use-cases/participations/participation-results";
import { startParticipation } from "../../use-cases/participations/pupil-campaign";
import { DEMO_ACCOUNTS } from "./demo-school";
import { DEFAULT_PRECISION_TARGET_CHOICE } from "../../domain/campaigns/campaign-form";

export const DEMO_RESULTS_CAMPAIGN = "Démo – Rentrée 4e A";
export const DEMO_PROFILES_CAMPAIGN = "Démo – Profils 4e A";

/**
 * A miss as a pupil makes it: a wrong proposal ticked (one of the distractors, in turn), or a wrong word typed — not
 * an empty answer, so that the demo's results, answer details and the item report's option shares read like a class's.
 */
function wrongAnswer(challenge: ChallengeSource, turn: number): AnswerInput {
  if (challenge.type === "QCU" || challenge.type === "QCM") {
    const keys = new Set([challenge.solution].flat());
    const distractors = challenge.proposals.map((_, index) => index + 1).filter((option) => !keys.has(option));
    // A QCM whose every proposal is right: ticking one only is the miss.
    return { kind: "choices", selected: distractors.length > 0 ? [distractors[turn % distractors.length]] : [[...keys][0]] };
  }
  const fields = challenge.type === "QROC" ? [challenge.field] : challenge.fields;
  return { kind: "fields", values: Object.fromEntries(fields.map((field) => [field.key, "je ne sais pas"])) };
}

/** The seed's example: who reached which level, how far they went, and whether they sent their results. */
const PUPILS = [
  { email: "charles.babbage@example.org", level: 2, stop: "shared", daysAgo: 6 },
  { email: "ada.lovelace@example.org", level: 4, stop: "shared", daysAgo: 5 },
  { email: "garance.santa@example.org", level: 1, stop: "shared", daysAgo: 3 },
  { email: "louis.pouzin@example.org", level: 2, stop: "finished", daysAgo: 2 },
  { email: "mary.jackson@example.org", level: 2, stop: "started", daysAgo: 1 },
] as const;

/**
 * Class 4B sent their results too, with profiles that differ by area (first digit of the tube id), so that the
 * needs groups of the demo say something: strong areas are mastered up to level 3, the others up to `level`.
 * Their learners come from the demo's SIECLE file (tests/support/siecle-sample.ts, DEMO_4B).
 */
const CLASS_4B = [
  { firstName: "Alan", lastName: "Turing", birthdate: "2011-06-23", level: 0, strongAreas: ["3", "5"] },
  { firstName: "Margaret", lastName: "Hamilton", birthdate: "2011-08-17", level: 1, strongAreas: ["3", "5"] },
  { firstName: "Hedy", lastName: "Lamarr", birthdate: "2011-11-09", level: 0, strongAreas: ["4"] },
  { firstName: "Claude", lastName: "Shannon", birthdate: "2011-04-30", level: 1, strongAreas: ["4"] },
  { firstName: "Katherine", lastName: "Johnson", birthdate: "2011-08-26", level: 0, strongAreas: ["1", "2"] },
  { firstName: "Dennis", lastName: "Ritchie", birthdate: "2011-09-09", level: 0, strongAreas: [] },
  { firstName: "Radia", lastName: "Perlman", birthdate: "2011-12-18", level: 1, strongAreas: ["1", "2"] },
  { firstName: "Tim", lastName: "Berners-Lee", birthdate: "2011-06-08", level: 3, strongAreas: [] },
] as const;

const daysAgo = (n: number, minutes = 0) => new Date(Date.now() - n * 24 * 3600 * 1000 + minutes * 60_000);

/**
 * A demo campaign whose participants answered through the real engine: each pupil masters the skills up
 * to their level (right answer), skips some harder ones and misses the others. Idempotent.
 */
export async function seedDemoResults(establishmentId: number): Promise<void> {
  if (await db.campaign.count({ where: { establishmentId, name: DEMO_RESULTS_CAMPAIGN } })) return;
  const teacher = await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.member.email }, select: { id: true } });
  const { id: campaignId, code } = await createCampaign({
    actorUserId: teacher.id,
    establishmentId,
    now: daysAgo(7),
    campaign: {
      name: DEMO_RESULTS_CAMPAIGN,
      type: "ASSESSMENT",
      targetProfileId: "tp-rentree-4e",
      externalIdLabel: null,
      externalIdType: null,
      title: "Parcours de rentrée 4e",
      landingText: "Bonne rentrée ! Ce parcours fait le point sur vos compétences numériques.",
      ownerId: teacher.id,
      multipleSendings: false,
      assessmentMethod: "PRECISION",
      precisionTarget: DEFAULT_PRECISION_TARGET_CHOICE,
    },
  });
  for (const pupil of PUPILS) {
    const user = await db.user.findUnique({ where: { email: pupil.email }, select: { id: true } });
    if (!user) continue;
    let minute = 0;
    await startParticipation({ userId: user.id, code, externalId: null, now: daysAgo(pupil.daysAgo, minute) });
    for (let i = 0; i < 200; i++) {
      const question = await currentQuestion({ userId: user.id, campaignId, now: daysAgo(pupil.daysAgo, ++minute) });
      if (question.kind === "completed") break;
      const source = await challengeSource(question.challengeId);
      if (!source) break;
      // Mary Jackson stops in the middle, in front of a timed question (its warning and « Commencer »): the demo
      // shows what a pupil sees there, and tests/e2e/question-page.spec.ts meets one whatever the engine picks.
      if (pupil.stop === "started" && i >= 7 && (source.content.timer || i >= 60)) break;
      const masters = source.level <= pupil.level;
      const answer = masters ? expectedAnswer(source.content) : i % 3 === 0 ? null : wrongAnswer(source.content, i);
      // A timed question is answered as a pupil does, « Commencer » then the answer within its time; except by Mary Jackson,
      // who lets the time run out (she is the pupil who stalls: her path through the test stays the one the demo shows).
      if (source.content.timer && pupil.stop !== "started") await startTimedChallenge({ userId: user.id, campaignId, challengeId: question.challengeId, now: daysAgo(pupil.daysAgo, minute) });
      await answerChallenge({ userId: user.id, campaignId, challengeId: question.challengeId, answer, now: daysAgo(pupil.daysAgo, minute) });
    }
    if (pupil.stop === "shared") await shareResults({ userId: user.id, campaignId, now: daysAgo(pupil.daysAgo, minute + 1) });
  }
  await seedClass4BResults(establishmentId, campaignId, code);
  await seedDemoProfiles(establishmentId, teacher.id);
}

/** The 4B pupils get an account (no password: nobody signs in as them), join through the roster and send their results. */
async function seedClass4BResults(establishmentId: number, campaignId: number, code: string): Promise<void> {
  for (const [index, pupil] of CLASS_4B.entries()) {
    const learner = await db.learner.findFirst({ where: { establishmentId, lastName: pupil.lastName.toUpperCase(), birthdate: new Date(`${pupil.birthdate}T00:00:00Z`) }, select: { id: true, userId: true } });
    if (!learner) continue;
    const userId =
      learner.userId ??
      (await db.user.create({
        data: { email: `${pupil.firstName}.${pupil.lastName}@example.org`.toLowerCase(), firstName: pupil.firstName, lastName: pupil.lastName, birthdate: new Date(`${pupil.birthdate}T00:00:00Z`), termsAcceptedAt: daysAgo(5) },
        select: { id: true },
      })).id;
    await db.learner.update({ where: { id: learner.id }, data: { userId } });
    const strong = new Set<string>(pupil.strongAreas);
    let minute = index * 3;
    await startParticipation({ userId, code, externalId: null, now: daysAgo(4, minute) });
    for (let i = 0; i < 200; i++) {
      const question = await currentQuestion({ userId, campaignId, now: daysAgo(4, ++minute) });
      if (question.kind === "completed") break;
      const source = await challengeSource(question.challengeId);
      if (!source) break;
      const area = /^tube-(\d)/.exec(source.tubeId)?.[1] ?? "";
      const masters = source.level <= (strong.has(area) ? 3 : pupil.level);
      const answer = masters ? expectedAnswer(source.content) : i % 3 === 0 ? null : wrongAnswer(source.content, i);
      if (source.content.timer) await startTimedChallenge({ userId, campaignId, challengeId: question.challengeId, now: daysAgo(4, minute) });
      await answerChallenge({ userId, campaignId, challengeId: question.challengeId, answer, now: daysAgo(4, minute) });
    }
    await shareResults({ userId, campaignId, now: daysAgo(4, minute + 1) });
  }
}

/** « Collecter les profils » after the rentrée: three pupils sent the profile they built there, Louis Pouzin not yet. */
async function seedDemoProfiles(establishmentId: number, teacherId: number): Promise<void> {
  const { id: campaignId, code } = await createCampaign({
    actorUserId: teacherId,
    establishmentId,
    now: daysAgo(2),
    campaign: { name: DEMO_PROFILES_CAMPAIGN, type: "PROFILES_COLLECTION", targetProfileId: null, externalIdLabel: null, externalIdType: null, title: null, landingText: null, ownerId: teacherId, multipleSendings: false, assessmentMethod: "PRECISION", precisionTarget: DEFAULT_PRECISION_TARGET_CHOICE },
  });
  for (const [email, shares] of [["ada.lovelace@example.org", true], ["charles.babbage@example.org", true], ["garance.santa@example.org", true], ["louis.pouzin@example.org", false]] as const) {
    const user = await db.user.findUnique({ where: { email }, select: { id: true } });
    if (!user) continue;
    await startParticipation({ userId: user.id, code, externalId: null, now: daysAgo(1, 10) });
    if (shares) await shareResults({ userId: user.id, campaignId, isProfilesCollection: true, now: daysAgo(1, 12) });
  }
}
