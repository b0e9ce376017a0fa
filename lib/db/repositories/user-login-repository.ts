import { db } from "../client";

export type LoginCandidate = {
  id: number;
  passwordHash: string | null;
  firstName: string;
  lastName: string;
  email: string | null;
  shouldChangePassword: boolean;
  sessionVersion: number;
};

/** Login is an e-mail (case-insensitive) or a username. */
export async function findLoginCandidate(login: string): Promise<LoginCandidate | null> {
  const value = login.trim().toLowerCase();
  if (!value) return null;
  return db.user.findFirst({
    where: value.includes("@") ? { email: value } : { username: value },
    select: { id: true, passwordHash: true, firstName: true, lastName: true, email: true, shouldChangePassword: true, sessionVersion: true },
  });
}

export async function recordSuccessfulLogin(userId: number, loggedAt: Date): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { lastLoggedAt: loggedAt } });
}
