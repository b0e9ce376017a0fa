import { afterFailure, afterSuccess, isBlocked, remainingBlockMinutes } from "../domain/accounts/login-throttling";
import { findLoginCandidate, incrementLoginFailures, saveLoginState } from "../db/repositories/user-login-repository";
import { burnVerification, verifyPassword } from "./password-hashing";

export type AuthenticatedUser = { id: number; name: string; email: string | null; shouldChangePassword: boolean };

export class LoginError extends Error {
  constructor(
    readonly code: "INVALID_CREDENTIALS" | "BLOCKED",
    readonly minutes = 0,
  ) {
    super(code === "BLOCKED" ? `BLOCKED:${minutes}` : "INVALID_CREDENTIALS");
  }
}

/** Checks a login and password; unknown accounts and wrong passwords give the same error. */
export async function authenticate(login: string, password: string, now = new Date()): Promise<AuthenticatedUser> {
  const candidate = await findLoginCandidate(login);
  if (!candidate || !candidate.passwordHash) {
    await burnVerification(password);
    throw new LoginError("INVALID_CREDENTIALS");
  }
  if (isBlocked(candidate.state, now)) {
    throw new LoginError("BLOCKED", remainingBlockMinutes(candidate.state, now));
  }
  if (!(await verifyPassword(candidate.passwordHash, password))) {
    const failureCount = await incrementLoginFailures(candidate.id);
    const next = afterFailure({ failureCount: failureCount - 1, blockedUntil: candidate.state.blockedUntil }, now);
    if (next.blockedUntil !== candidate.state.blockedUntil) {
      await saveLoginState(candidate.id, next);
      throw new LoginError("BLOCKED", remainingBlockMinutes(next, now));
    }
    throw new LoginError("INVALID_CREDENTIALS");
  }
  await saveLoginState(candidate.id, afterSuccess(), now);
  return {
    id: candidate.id,
    name: `${candidate.firstName} ${candidate.lastName}`,
    email: candidate.email,
    shouldChangePassword: candidate.shouldChangePassword,
  };
}
