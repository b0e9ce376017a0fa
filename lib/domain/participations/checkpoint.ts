/** A checkpoint ("Avancement") every 5 answers. */
export const CHECKPOINT_EVERY = 5;

/** Position of the current question in its group of 5 ("Question n sur 5"). */
export function questionNumberInGroup(answersCount: number): number {
  return (answersCount % CHECKPOINT_EVERY) + 1;
}

/**
 * The checkpoint an answer found already recorded had on its first try (ADR 0013 « 07/12 (21) »): the first try's
 * reply may never have reached the pupil (a 503 after the commit, a dropped connection, a restart, a second click), so
 * the replay shows what it would have. Only for the assessment's latest answer — a replay of an older one never brings
 * back an old checkpoint — when the test is over (the end checkpoint) or the answer's rank is a multiple of
 * CHECKPOINT_EVERY. `answers`: the assessment's answers in the order they were recorded; `answersCount`: its count.
 */
export function replayedCheckpoint(
  assessment: { state: string; answersCount: number; answers: readonly { challengeId: string }[] },
  challengeId: string,
): { completed: boolean } | null {
  if (assessment.answers.at(-1)?.challengeId !== challengeId) return null;
  if (assessment.state === "COMPLETED") return { completed: true };
  if (assessment.state === "STARTED" && assessment.answersCount > 0 && assessment.answersCount % CHECKPOINT_EVERY === 0) return { completed: false };
  return null;
}
