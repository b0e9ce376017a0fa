import { db } from "../client";
import type { Prisma } from "../generated/client";

export type SessionState = { sessionVersion: number; mustChangePassword: boolean; isRevoked: boolean };

/**
 * What every request needs to trust a session token, in one round trip: the account's session version, whether a
 * one-time password must be replaced, and whether this very token was signed out (both lookups by primary key).
 */
export async function findSessionState(userId: number, sessionId: string): Promise<SessionState | null> {
  const rows = await db.$queryRaw<{ session_version: number; should_change_password: boolean; revoked: boolean }[]>`
    SELECT u.session_version, u.should_change_password,
           EXISTS (SELECT 1 FROM revoked_sessions r WHERE r.session_id = ${sessionId}) AS revoked
    FROM users u WHERE u.id = ${userId}`;
  const row = rows[0];
  return row ? { sessionVersion: row.session_version, mustChangePassword: row.should_change_password, isRevoked: row.revoked } : null;
}

export async function findSessionVersion(userId: number): Promise<number | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  return user?.sessionVersion ?? null;
}

/**
 * Signs one session out until it would have ended anyway; entries past that are dropped on the way. Signing out twice
 * at once (two tabs, a double click) inserts once: ON CONFLICT DO NOTHING, where an upsert raced into a unique error.
 */
export async function revokeSession(sessionId: string, endsAt: Date, now: Date): Promise<void> {
  await db.$transaction([
    db.revokedSession.deleteMany({ where: { expiresAt: { lt: now } } }),
    db.revokedSession.createMany({ data: [{ sessionId, expiresAt: endsAt }], skipDuplicates: true }),
  ]);
}

/**
 * Ends every session of the account ("Se déconnecter de tous les appareils"); returns the new version. Given a
 * transaction, the sessions end with the change they belong to (account deleted, pupil dissociated) or not at all.
 */
export async function bumpSessionVersion(userId: number, client: Pick<Prisma.TransactionClient, "user"> = db): Promise<number> {
  const user = await client.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } }, select: { sessionVersion: true } });
  return user.sessionVersion;
}
