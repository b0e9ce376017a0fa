/**
 * How long the page waits before sending an answer again after « Trop de monde en même temps »: exponential
 * backoff with full jitter, never sooner than half the server's Retry-After, so that a class refused together does
 * not come back together. `attempt` counts from 0; `random` is Math.random (a test or the bench may seed it).
 */
export const MAX_ANSWER_ATTEMPTS = 8;

export function retryDelayMs(attempt: number, retryAfterSeconds = 1, random: () => number = Math.random): number {
  const ceiling = Math.min(15_000, 1_000 * 2 ** attempt);
  return retryAfterSeconds * 500 + random() * ceiling;
}
