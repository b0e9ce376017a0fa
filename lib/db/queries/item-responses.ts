import { pgPool } from "../client";
import { UTC_TIMESTAMPS } from "../utc-timestamps";
import type { EngineSkill } from "../../domain/assessment";

/**
 * The answers of campaign assessments, test by test: what the engine's calibration reads, and what item
 * statistics will read (value and time are there for them). UNSCOPED: every establishment's answers, for
 * operators' commands only; a teacher's view must filter by campaign after checking access.
 * Read through pg by keyset pages of assessments, so that a large base never sits in memory.
 */

export type ItemResponse = {
  challengeId: string;
  skillId: string;
  result: "OK" | "KO" | "ABAND" | "TIMEDOUT";
  /** Seconds from the question shown to the answer (null when unknown). */
  timeSpent: number | null;
  /** What the pupil submitted, with canonical option numbers ({ kind: "choices", selected } …). */
  value: unknown;
};

/** `userId`: the pupil (item statistics count a pupil's first attempt at a challenge only). */
export type TestResponses = { assessmentId: number; campaignId: number; userId: number; answers: ItemResponse[] };

type Row = { assessment_id: number; campaign_id: number; user_id: number; challenge_id: string; skill_id: string; result: ItemResponse["result"]; time_spent: number | null; value: unknown };

/** Completed assessments of assessment campaigns (deleted participations included: the answers stay valid evidence). */
export async function* unsafeCompletedTestResponses(batchSize = 500): AsyncGenerator<TestResponses[], void, undefined> {
  let afterId = 0;
  for (;;) {
    const { rows } = await pgPool().query<Row>(
      `WITH tests AS (
         SELECT a.id, a.user_id, p.campaign_id FROM assessments a
         JOIN participations p ON p.id = a.participation_id
         JOIN campaigns c ON c.id = p.campaign_id AND c.type = 'ASSESSMENT'
         WHERE a.state = 'COMPLETED' AND a.id > $1 ORDER BY a.id LIMIT $2)
       SELECT t.id AS assessment_id, t.campaign_id, t.user_id, an.challenge_id, ch.skill_id, an.result::text AS result, an.time_spent, an.value
       FROM tests t JOIN answers an ON an.assessment_id = t.id JOIN challenges ch ON ch.id = an.challenge_id
       ORDER BY t.id, an.id`,
      [afterId, batchSize],
    );
    if (rows.length === 0) return;
    const tests = new Map<number, TestResponses>();
    for (const row of rows) {
      const test = tests.get(row.assessment_id) ?? { assessmentId: row.assessment_id, campaignId: row.campaign_id, userId: row.user_id, answers: [] };
      test.answers.push({ challengeId: row.challenge_id, skillId: row.skill_id, result: row.result, timeSpent: row.time_spent, value: row.value });
      tests.set(row.assessment_id, test);
    }
    yield [...tests.values()];
    afterId = rows[rows.length - 1].assessment_id;
  }
}

/** The frozen target skills of the given campaigns, as the engine reads them. */
export async function unsafeCampaignTargetSkills(campaignIds: readonly number[]): Promise<Map<number, EngineSkill[]>> {
  const byCampaign = new Map<number, EngineSkill[]>(campaignIds.map((id) => [id, []]));
  if (campaignIds.length === 0) return byCampaign;
  const { rows } = await pgPool().query<{ campaign_id: number; id: string; name: string; tube_id: string; competence_id: string; level: number }>(
    `SELECT cs.campaign_id, s.id, s.name, s.tube_id, s.competence_id, s.level FROM campaign_skills cs JOIN skills s ON s.id = cs.skill_id WHERE cs.campaign_id = ANY($1::int[])`,
    [campaignIds],
  );
  for (const row of rows) byCampaign.get(row.campaign_id)!.push({ id: row.id, name: row.name, tubeId: row.tube_id, competenceId: row.competence_id, level: row.level });
  return byCampaign;
}

/**
 * The « Questions » view of Analyse: per challenge met in the campaign's counted participations (the latest shared
 * one of each pupil, as every tab of Analyse), how many pupils met it and how many got it right — read from the sums
 * kept at sharing (campaign_challenge_sums, results-read-models.ts): one row per challenge, whatever the campaign's
 * size. Aggregates only: no pupil's answer leaves the database. The caller checked that the teacher may read the campaign.
 */
export async function campaignChallengeResults(campaignId: number): Promise<{ challengeId: string; met: number; successes: number }[]> {
  const { rows } = await pgPool().query<{ challenge_id: string; met_count: number; success_count: number }>(
    `SELECT challenge_id, met_count, success_count FROM campaign_challenge_sums WHERE campaign_id = $1 AND met_count > 0`,
    [campaignId],
  );
  return rows.map((row) => ({ challengeId: row.challenge_id, met: row.met_count, successes: row.success_count }));
}

export type ChallengeWithContext = {
  id: string;
  content: unknown;
  skillId: string;
  skillName: string;
  level: number;
  tubeId: string;
  tubeTitle: string;
  competenceIndex: string;
  competenceName: string;
  areaColor: string;
};

/**
 * Challenges with their skill, tube and competence, for the « Questions » view (only the ones the campaign's pupils
 * met and sent: they saw the right answer and its correction at their checkpoints) and the content report.
 */
export async function challengesWithContext(ids: readonly string[]): Promise<ChallengeWithContext[]> {
  if (ids.length === 0) return [];
  const { rows } = await pgPool().query<{ id: string; content: unknown; skill_id: string; skill_name: string; level: number; tube_id: string; tube_title: string; competence_index: string; competence_name: string; area_color: string }>(
    `SELECT ch.id, ch.content, s.id AS skill_id, s.name AS skill_name, s.level, t.id AS tube_id, t.practical_title AS tube_title,
            c.index AS competence_index, c.name AS competence_name, a.color AS area_color
     FROM challenges ch JOIN skills s ON s.id = ch.skill_id JOIN tubes t ON t.id = s.tube_id
     JOIN competences c ON c.id = t.competence_id JOIN areas a ON a.id = c.area_id
     WHERE ch.id = ANY($1::text[])`,
    [ids],
  );
  return rows.map((r) => ({ id: r.id, content: r.content, skillId: r.skill_id, skillName: r.skill_name, level: r.level, tubeId: r.tube_id, tubeTitle: r.tube_title, competenceIndex: r.competence_index, competenceName: r.competence_name, areaColor: r.area_color }));
}

/** Every problem report (« Signaler un problème »), for the content authors' command. UNSCOPED: operators only. */
export async function unsafeProblemReports(): Promise<{ challengeId: string; category: "CONSIGNE" | "REPONSE" | "MEDIA" | "AUTRE"; comment: string | null; createdAt: Date }[]> {
  const { rows } = await pgPool().query<{ challenge_id: string; category: "CONSIGNE" | "REPONSE" | "MEDIA" | "AUTRE"; comment: string | null; created_at: Date }>(
    { text: `SELECT challenge_id, category::text AS category, comment, created_at FROM problem_reports ORDER BY challenge_id, created_at`, types: UTC_TIMESTAMPS },
  );
  return rows.map((r) => ({ challengeId: r.challenge_id, category: r.category, comment: r.comment, createdAt: r.created_at }));
}
