import { db } from "../client";
import type { LoginState } from "../../domain/accounts/login-throttling";

export type LoginCandidate = {
  id: number;
  passwordHash: string | null;
  firstName: string;
  lastName: string;
  email: string | null;
  shouldChangePassword: boolean;
  state: LoginState;
};

/** Login is an e-mail (case-insensitive) or a username. */
export async function findLoginCandidate(login: string): Promise<LoginCandidate | null> {
  const value = login.trim().toLowerCase();
  if (!value) return null;
  const user = await db.user.findFirst({
    where: value.includes("@") ? { email: value } : { username: value },
    select: {
      id: true,
      passwordHash: true,
      firstName: true,
      lastName: true,
      email: true,
      shouldChangePassword: true,
      loginFailureCount: true,
      loginBlockedUntil: true,
    },
  });
  if (!user) return null;
  return {
    id: user.id,
    passwordHash: user.passwordHash,
    firstName: user.firstName,
    lastName: user.lastName,
    email: user.email,
    shouldChangePassword: user.shouldChangePassword,
    state: { failureCount: user.loginFailureCount, blockedUntil: user.loginBlockedUntil },
  };
}

export async function saveLoginState(userId: number, state: LoginState, loggedAt?: Date): Promise<void> {
  await db.user.update({
    where: { id: userId },
    data: {
      loginFailureCount: state.failureCount,
      loginBlockedUntil: state.blockedUntil,
      ...(loggedAt ? { lastLoggedAt: loggedAt } : {}),
    },
  });
}

/** Atomic increment so that concurrent failures from several processes are all counted. */
export async function incrementLoginFailures(userId: number): Promise<number> {
  const updated = await db.user.update({
    where: { id: userId },
    data: { loginFailureCount: { increment: 1 } },
    select: { loginFailureCount: true },
  });
  return updated.loginFailureCount;
}
