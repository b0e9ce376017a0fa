import { pgPool } from "../client";
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

export type TestResponses = { assessmentId: number; campaignId: number; answers: ItemResponse[] };

type Row = { assessment_id: number; campaign_id: number; challenge_id: string; skill_id: string; result: ItemResponse["result"]; time_spent: number | null; value: unknown };

/** Completed assessments of assessment campaigns (deleted participations included: the answers stay valid evidence). */
export async function* unsafeCompletedTestResponses(batchSize = 500): AsyncGenerator<TestResponses[], void, undefined> {
  let afterId = 0;
  for (;;) {
    const { rows } = await pgPool().query<Row>(
      `WITH tests AS (
         SELECT a.id, p.campaign_id FROM assessments a
         JOIN participations p ON p.id = a.participation_id
         JOIN campaigns c ON c.id = p.campaign_id AND c.type = 'ASSESSMENT'
         WHERE a.state = 'COMPLETED' AND a.id > $1 ORDER BY a.id LIMIT $2)
       SELECT t.id AS assessment_id, t.campaign_id, an.challenge_id, ch.skill_id, an.result::text AS result, an.time_spent, an.value
       FROM tests t JOIN answers an ON an.assessment_id = t.id JOIN challenges ch ON ch.id = an.challenge_id
       ORDER BY t.id, an.id`,
      [afterId, batchSize],
    );
    if (rows.length === 0) return;
    const tests = new Map<number, TestResponses>();
    for (const row of rows) {
      const test = tests.get(row.assessment_id) ?? { assessmentId: row.assessment_id, campaignId: row.campaign_id, answers: [] };
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
