/**
 * The statements of « Suivi en direct » (lib/db/queries/live-view.ts), apart so that bench/live-view can EXPLAIN them.
 * $1 campaign id; with a class, $2 establishment id and $3 the class.
 */

/** A class of at most this many pupils is usual; the table is capped so that a mistaken filter stays cheap. */
export const LIVE_VIEW_MAX_LINES = 1_000;

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


export const LIVE_VIEW_OF_CLASS_SQL = `SELECT l.id AS learner_id, l.last_name, l.first_name, l.division, ${COLUMNS}
         FROM learners l
         LEFT JOIN participations p ON p.learner_id = l.id AND p.campaign_id = $1 AND p.deleted_at IS NULL AND p.is_improved = false
         ${ACTIVITY_OF_PARTICIPATION}
         WHERE l.establishment_id = $2 AND l.division = $3 AND l.is_disabled = false
         ORDER BY l.last_name, l.first_name, l.id LIMIT ${LIVE_VIEW_MAX_LINES}`;

export const LIVE_VIEW_OF_PARTICIPANTS_SQL = `SELECT l.id AS learner_id, COALESCE(l.last_name, u.last_name, '(anonyme)') AS last_name, COALESCE(l.first_name, u.first_name, '') AS first_name, l.division, ${COLUMNS}
         FROM participations p
         LEFT JOIN learners l ON l.id = p.learner_id
         LEFT JOIN users u ON u.id = p.user_id
         ${ACTIVITY_OF_PARTICIPATION}
         WHERE p.campaign_id = $1 AND p.deleted_at IS NULL AND p.is_improved = false
         ORDER BY 2, 3, p.id LIMIT ${LIVE_VIEW_MAX_LINES}`;
