import { db } from "../client";

export async function createSignInToken(userId: number, tokenHash: string, expiresAt: Date): Promise<void> {
  await db.signInToken.create({ data: { userId, tokenHash, expiresAt } });
}

/** Uses a sign-in token once; returns the user when it was valid. */
export async function consumeSignInToken(tokenHash: string, now: Date): Promise<{ id: number; firstName: string; lastName: string; email: string | null } | null> {
  const { count } = await db.signInToken.updateMany({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  if (count !== 1) return null;
  const token = await db.signInToken.findUniqueOrThrow({ where: { tokenHash }, select: { userId: true } });
  const user = await db.user.update({ where: { id: token.userId }, data: { lastLoggedAt: now }, select: { id: true, firstName: true, lastName: true, email: true } });
  return user;
}
