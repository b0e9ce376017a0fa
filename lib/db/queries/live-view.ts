import { db } from "../client";
import type { PupilActivity } from "../../domain/live-view/pupil-live-state";
import type { AnswerOutcome } from "../../domain/participations/answer-outcome";

/** A class of at most this many pupils is usual; the table is capped so that a mistaken filter stays cheap. */
export const LIVE_VIEW_MAX_LINES = 1_000;

type Row = {
  learner_id: number | null;
  participation_id: number | null;
  last_name: string;
  first_name: string;
  division: string | null;
  status: PupilActivity["participationStatus"];
  started_at: Date | null;
  state: PupilActivity["assessmentState"];
  answers_count: number | null;
  last_answer_at: Date | null;
  recent_results: AnswerOutcome[] | null;
  timed_out: number | null;
};

// The latest assessment of the participation, then its answers (the answers' unique (assessment_id, challenge_id)
// index serves both): the last answer's time, the last 3 results (newest first) and the timed-out count.
const ACTIVITY_OF_PARTICIPATION = `
  LEFT JOIN LATERAL (SELECT a.id, a.state, a.answers_count FROM assessments a WHERE a.participation_id = p.id ORDER BY a.id DESC LIMIT 1) a ON true
  LEFT JOIN LATERAL (
    SELECT max(an.created_at) AS last_answer_at, (array_agg(an.result::text ORDER BY an.id DESC))[1:3] AS recent_results,
           (count(*) FILTER (WHERE an.result = 'TIMEDOUT'))::int AS timed_out
    FROM answers an WHERE an.assessment_id = a.id
  ) an ON a.id IS NOT NULL`;

const COLUMNS = `p.id AS participation_id, p.status::text AS status, p.created_at AS started_at, a.state::text AS state, a.answers_count,
  an.last_answer_at, an.recent_results, an.timed_out`;

/**
 * « Suivi en direct »: one line per expected pupil. With a class, the class's active roster pupils of the campaign's
 * establishment, joined or not; without, every live participant (not deleted, not superseded). One statement; the
 * caller checked that the teacher may read the campaign, and the roster is scoped by the campaign's establishment.
 */
export async function liveViewActivity(campaign: { id: number; establishmentId: number }, division: string | null): Promise<PupilActivity[]> {
  const rows = division
    ? await db.$queryRawUnsafe<Row[]>(
        `SELECT l.id AS learner_id, l.last_name, l.first_name, l.division, ${COLUMNS}
         FROM learners l
         LEFT JOIN participations p ON p.learner_id = l.id AND p.campaign_id = $1 AND p.deleted_at IS NULL AND p.is_improved = false
         ${ACTIVITY_OF_PARTICIPATION}
         WHERE l.establishment_id = $2 AND l.division = $3 AND l.is_disabled = false
         ORDER BY l.last_name, l.first_name, l.id LIMIT ${LIVE_VIEW_MAX_LINES}`,
        campaign.id, campaign.establishmentId, division,
      )
    : await db.$queryRawUnsafe<Row[]>(
        `SELECT l.id AS learner_id, COALESCE(l.last_name, u.last_name, '(anonyme)') AS last_name, COALESCE(l.first_name, u.first_name, '') AS first_name, l.division, ${COLUMNS}
         FROM participations p
         LEFT JOIN learners l ON l.id = p.learner_id
         LEFT JOIN users u ON u.id = p.user_id
         ${ACTIVITY_OF_PARTICIPATION}
         WHERE p.campaign_id = $1 AND p.deleted_at IS NULL AND p.is_improved = false
         ORDER BY 2, 3, p.id LIMIT ${LIVE_VIEW_MAX_LINES}`,
        campaign.id,
      );
  return rows.map((r) => ({
    key: r.learner_id !== null ? `l${r.learner_id}` : `p${r.participation_id}`,
    lastName: r.last_name,
    firstName: r.first_name,
    division: r.division,
    participationStatus: r.status,
    assessmentState: r.state,
    answersCount: r.answers_count ?? 0,
    startedAt: r.started_at,
    lastAnswerAt: r.last_answer_at,
    recentResults: r.recent_results ?? [],
    timedOutCount: r.timed_out ?? 0,
  }));
}

/** The classes a teacher may pick: those of the establishment's active roster (a class that has not started yet too). */
export async function liveViewDivisions(establishmentId: number): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ division: string }[]>(
    `SELECT DISTINCT division FROM learners WHERE establishment_id = $1 AND division IS NOT NULL AND is_disabled = false ORDER BY 1`,
    establishmentId,
  );
  return rows.map((r) => r.division);
}
