import { db } from "../client";

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

/** Signs one session out until it would have ended anyway; entries past that are dropped on the way. */
export async function revokeSession(sessionId: string, endsAt: Date, now: Date): Promise<void> {
  await db.$transaction([
    db.revokedSession.deleteMany({ where: { expiresAt: { lt: now } } }),
    db.revokedSession.upsert({ where: { sessionId }, create: { sessionId, expiresAt: endsAt }, update: {} }),
  ]);
}

/** Ends every session of the account ("Se déconnecter de tous les appareils"); returns the new version. */
export async function bumpSessionVersion(userId: number): Promise<number> {
  const user = await db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } }, select: { sessionVersion: true } });
  return user.sessionVersion;
}
