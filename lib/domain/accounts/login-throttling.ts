/**
 * Login throttling: every 10th consecutive failure blocks the account for 2 minutes, doubling at each
 * further 10 (2, 4, 8 … minutes, capped at 24 hours). A success resets the count.
 */
export const FAILURES_PER_BLOCK = 10;
const BASE_BLOCK_MINUTES = 2;
const MAX_BLOCK_MINUTES = 24 * 60;

export type LoginState = { failureCount: number; blockedUntil: Date | null };

export function isBlocked(state: LoginState, now: Date): boolean {
  return state.blockedUntil !== null && state.blockedUntil.getTime() > now.getTime();
}

export function remainingBlockMinutes(state: LoginState, now: Date): number {
  if (!state.blockedUntil) return 0;
  return Math.max(1, Math.ceil((state.blockedUntil.getTime() - now.getTime()) / 60_000));
}

export function afterFailure(state: LoginState, now: Date): LoginState {
  const failureCount = state.failureCount + 1;
  if (failureCount % FAILURES_PER_BLOCK !== 0) return { failureCount, blockedUntil: state.blockedUntil };
  const exponent = failureCount / FAILURES_PER_BLOCK - 1;
  const minutes = Math.min(MAX_BLOCK_MINUTES, BASE_BLOCK_MINUTES * 2 ** exponent);
  return { failureCount, blockedUntil: new Date(now.getTime() + minutes * 60_000) };
}

export function afterSuccess(): LoginState {
  return { failureCount: 0, blockedUntil: null };
}
