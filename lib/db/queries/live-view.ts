import { db } from "../client";
import type { PupilActivity } from "../../domain/live-view/pupil-live-state";
import type { AnswerOutcome } from "../../domain/participations/answer-outcome";
import { LIVE_VIEW_OF_CLASS_SQL, LIVE_VIEW_OF_PARTICIPANTS_SQL } from "./live-view-sql";

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

/**
 * « Suivi en direct »: one line per expected pupil. With a class, the class's active roster pupils of the campaign's
 * establishment, joined or not; without, every live participant (not deleted, not superseded). One statement; the
 * caller checked that the teacher may read the campaign, and the roster is scoped by the campaign's establishment.
 */
export async function liveViewActivity(campaign: { id: number; establishmentId: number }, division: string | null): Promise<PupilActivity[]> {
  const rows = division
    ? await db.$queryRawUnsafe<Row[]>(LIVE_VIEW_OF_CLASS_SQL, campaign.id, campaign.establishmentId, division)
    : await db.$queryRawUnsafe<Row[]>(LIVE_VIEW_OF_PARTICIPANTS_SQL, campaign.id);
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
