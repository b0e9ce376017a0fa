import { describe, expect, it } from "vitest";
import { decode, encode } from "next-auth/jwt";
import { sessionFromToken } from "@/lib/auth/session-check";
import { mintSessionToken, sessionSecret } from "@/lib/auth/session-token";
import { hashToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db/client";
import { roundTrips } from "@/lib/db/prisma-factory";
import { setOneTimeCredentials } from "@/lib/db/repositories/managed-account-repository";
import { bumpSessionVersion, revokeSession } from "@/lib/db/repositories/session-repository";
import { changePassword, resetPassword } from "@/lib/use-cases/accounts/password-reset";
import { changeRequiredPassword } from "@/lib/use-cases/roster/change-required-password";
import { createEstablishment, createUser } from "../../support/factories";

const HOUR = 3600_000;

async function signedIn(email = "lea@example.org") {
  const user = await createUser({ email });
  const token = await mintSessionToken({ userId: user.id, sessionVersion: user.sessionVersion, now: new Date() });
  return { user, token };
}

const opens = async (token: string) => (await sessionFromToken(token, new Date())) !== null;

describe("sessions are checked on every request and can be ended", () => {
  it("a fresh token opens its session; a token of another key or a garbled one opens nothing", async () => {
    const { user, token } = await signedIn();
    expect(await sessionFromToken(token, new Date())).toMatchObject({ userId: user.id, mustChangePassword: false });
    const forged = await encode({ token: { userId: user.id, sv: 0, signedInAt: Math.floor(Date.now() / 1000), sid: "s" }, secret: "une-autre-cle-une-autre-cle-une-autre-cle" });
    expect(await opens(forged)).toBe(false);
    expect(await opens(`${token}x`)).toBe(false);
  });

  it("checking a session costs one round trip to the database", async () => {
    const { token } = await signedIn();
    const before = roundTrips.count;
    expect(await opens(token)).toBe(true);
    expect(roundTrips.count - before).toBe(1);
  });

  it("changing one's password ends every other session; the new version opens the current one", async () => {
    const { user, token } = await signedIn();
    const version = await changePassword({ userId: user.id, currentPassword: "Pix12345", newPassword: "Girafe-Bleue-42" });
    expect(await opens(token)).toBe(false);
    expect(await opens(await mintSessionToken({ userId: user.id, sessionVersion: version, now: new Date() }))).toBe(true);
  });

  it("a password reset by e-mail ends every session of the account", async () => {
    const { user, token } = await signedIn();
    await db.passwordResetToken.create({ data: { userId: user.id, tokenHash: hashToken("lien-de-test"), expiresAt: new Date(Date.now() + HOUR) } });
    await resetPassword({ token: "lien-de-test", password: "Girafe-Bleue-42", address: "198.51.100.1" });
    expect(await opens(token)).toBe(false);
  });

  it("a one-time password given by a teacher ends the pupil's sessions, and the new session must change it first", async () => {
    // A username account the school manages: the only kind a teacher may reset (docs/adr/0009).
    const school = await createEstablishment();
    const user = await db.user.update({ where: { id: (await createUser({ email: null, username: "lea.dupont0112" })).id }, data: { managedByEstablishmentId: school.id } });
    const token = await mintSessionToken({ userId: user.id, sessionVersion: user.sessionVersion, now: new Date() });
    expect(await setOneTimeCredentials(school.id, [{ userId: user.id, username: null, passwordHash: "x" }], [], new Date())).toBe("OK");
    expect(await opens(token)).toBe(false);
    const fresh = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    const pending = await mintSessionToken({ userId: user.id, sessionVersion: fresh.sessionVersion, now: new Date() });
    expect(await sessionFromToken(pending, new Date())).toMatchObject({ mustChangePassword: true });
    const version = await changeRequiredPassword({ userId: user.id, password: "Nuage7Tortue" });
    expect(await opens(pending)).toBe(false);
    expect(await sessionFromToken(await mintSessionToken({ userId: user.id, sessionVersion: version, now: new Date() }), new Date())).toMatchObject({ mustChangePassword: false });
  });

  it("« Se déconnecter de tous les appareils » ends every session of the account, and only of that account", async () => {
    const { user, token } = await signedIn();
    const other = await signedIn("autre@example.org");
    const secondDevice = await mintSessionToken({ userId: user.id, sessionVersion: user.sessionVersion, now: new Date() });
    await bumpSessionVersion(user.id);
    expect(await opens(token)).toBe(false);
    expect(await opens(secondDevice)).toBe(false);
    expect(await opens(other.token)).toBe(true);
  });

  it("« Se déconnecter » refuses that session from then on (a copy of its token too), not the account's other sessions", async () => {
    const { user, token } = await signedIn();
    const otherDevice = await mintSessionToken({ userId: user.id, sessionVersion: user.sessionVersion, now: new Date() });
    const session = (await sessionFromToken(token, new Date()))!;
    await revokeSession(session.sessionId, session.endsAt, new Date());
    expect(await opens(token)).toBe(false);
    expect(await opens(otherDevice)).toBe(true);
  });

  it("« Se déconnecter » clicked in two tabs at once (or twice) ends the session once, without an error", async () => {
    const { token } = await signedIn();
    const session = (await sessionFromToken(token, new Date()))!;
    await Promise.all(Array.from({ length: 6 }, () => revokeSession(session.sessionId, session.endsAt, new Date())));
    expect(await opens(token)).toBe(false);
    expect(await db.revokedSession.count({ where: { sessionId: session.sessionId } })).toBe(1);
  });

  it("a token renewed from a stolen one (new id, new expiry, as next-auth's session endpoint does) dies with its session", async () => {
    const { token } = await signedIn();
    const claims = (await decode({ token, secret: sessionSecret() }))!;
    const renewed = await encode({ token: { ...claims, jti: undefined, exp: undefined, iat: undefined }, secret: sessionSecret(), maxAge: 3600 });
    expect(await opens(renewed)).toBe(true);
    const session = (await sessionFromToken(token, new Date()))!;
    await revokeSession(session.sessionId, session.endsAt, new Date());
    expect(await opens(renewed)).toBe(false);
  });

  it("a session lasts 12 hours from its sign-in, even if its token's expiry was renewed", async () => {
    const { user } = await signedIn();
    const thirteenHoursAgo = Math.floor((Date.now() - 13 * HOUR) / 1000);
    const renewed = await encode({ token: { userId: user.id, sv: user.sessionVersion, signedInAt: thirteenHoursAgo, sid: "ancienne" }, secret: sessionSecret(), maxAge: 3600 });
    expect(await opens(renewed)).toBe(false);
  });

  it("a deleted account's tokens open nothing", async () => {
    const { user, token } = await signedIn();
    await db.user.delete({ where: { id: user.id } });
    expect(await opens(token)).toBe(false);
  });
});
