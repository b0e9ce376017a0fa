/** A checkpoint ("Avancement") every 5 answers. */
export const CHECKPOINT_EVERY = 5;

/** Position of the current question in its group of 5 ("Question n sur 5"). */
export function questionNumberInGroup(answersCount: number): number {
  return (answersCount % CHECKPOINT_EVERY) + 1;
}
