/**
 * How long a parcours takes, for its documentation page. The adaptive test asks about 0.8 question per
 * subject plus 0.24 per target skill (least squares on the smart-random rows of `npx tsx
 * bench/adaptive/run.ts`: 20 questions for the rentrée 5e's 16 subjects and 32 skills, 63 for the post-bac's
 * 32 and 155, 10 to 13 for a single competence), and a pupil spends about a minute per question, checkpoints
 * included. Tests adapt to the answers (p90 ≈ 1.3 × the mean): the page gives a range, in 5-minute steps.
 */
export function estimatedMinutes(subjects: number, skills: number): { from: number; to: number } {
  const questions = 0.8 * subjects + 0.24 * skills;
  const roundTo5 = (minutes: number) => Math.max(5, Math.round(minutes / 5) * 5);
  return { from: roundTo5(questions * 0.8), to: Math.max(roundTo5(questions * 0.8) + 5, roundTo5(questions * 1.3)) };
}
