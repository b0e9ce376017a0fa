import { db } from "../client";
import { Prisma } from "../generated/client";

export class EmailTakenError extends Error {}

/** Creates an account; a unique-constraint clash (even from a concurrent request) becomes EmailTakenError. */
export async function createAccount(data: { firstName: string; lastName: string; email: string; passwordHash: string; now: Date }): Promise<number> {
  try {
    const user = await db.user.create({
      data: { firstName: data.firstName, lastName: data.lastName, email: data.email, passwordHash: data.passwordHash, termsAcceptedAt: data.now },
      select: { id: true },
    });
    return user.id;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new EmailTakenError();
    throw error;
  }
}

export async function findUserIdByEmail(email: string): Promise<number | null> {
  const user = await db.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true } });
  return user?.id ?? null;
}

export async function findPasswordHash(userId: number): Promise<string | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  return user?.passwordHash ?? null;
}

/** A new password ends every session of the account: returns the new session version (for the caller's own session). */
export async function setPassword(userId: number, passwordHash: string): Promise<number> {
  const user = await db.user.update({
    where: { id: userId },
    data: { passwordHash, shouldChangePassword: false, sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  return user.sessionVersion;
}

export async function createPasswordResetToken(userId: number, tokenHash: string, expiresAt: Date): Promise<void> {
  await db.passwordResetToken.create({ data: { userId, tokenHash, expiresAt } });
}

export async function findValidResetToken(tokenHash: string, now: Date) {
  return db.passwordResetToken.findFirst({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } }, select: { id: true, userId: true } });
}

/** Uses the token and sets the password in one transaction; false if the token was used meanwhile. */
export async function consumeResetTokenAndSetPassword(tokenId: number, userId: number, passwordHash: string, now: Date): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.passwordResetToken.updateMany({ where: { id: tokenId, usedAt: null }, data: { usedAt: now } });
    if (count !== 1) return false;
    // Every session of the account ends: whoever had it open with the old password is signed out.
    await tx.user.update({ where: { id: userId }, data: { passwordHash, shouldChangePassword: false, sessionVersion: { increment: 1 } } });
    // Any other outstanding link for this account stops working too.
    await tx.passwordResetToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
    return true;
  });
}
