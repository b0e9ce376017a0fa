import "server-only";
import { createHash } from "node:crypto";
import { INVALID_CREDENTIALS_MESSAGE, loginChecks, loginRefusal, loginRefusalMessage, type LoginKeys } from "../domain/accounts/login-limits";
import { addressLimitKey } from "../domain/requests/client-address";
import { clearLimit, countFailure, spentLimits } from "../db/rate-limiter";
import { findLoginCandidate, recordSuccessfulLogin } from "../db/repositories/user-login-repository";
import type { Device } from "./device-cookie";
import { burnVerification, verifyPassword } from "./password-hashing";

export type AuthenticatedUser = { id: number; name: string; email: string | null; shouldChangePassword: boolean; sessionVersion: number };

export class LoginError extends Error {
  constructor(
    readonly code: "INVALID_CREDENTIALS" | "BLOCKED",
    message: string,
  ) {
    super(message);
  }
}

/**
 * Checks a login and password under the login limits; unknown accounts and wrong passwords give the same error.
 * `address` is clientAddress(); `device` the device cookie of the request (lib/auth/device-cookie.ts).
 */
export async function authenticate(input: { login: string; password: string; address: string; device: Device | null; now?: Date }): Promise<AuthenticatedUser> {
  const candidate = await findLoginCandidate(input.login);
  const hasTrustedDevice = candidate !== null && input.device !== null && input.device.userIds.includes(candidate.id);
  const keys: LoginKeys = {
    address: addressLimitKey(input.address),
    // No personal data in the counters: an unknown login is kept as a digest.
    account: candidate ? `compte-${candidate.id}` : `saisie-${createHash("sha256").update(input.login.trim().toLowerCase()).digest("hex").slice(0, 32)}`,
    device: hasTrustedDevice ? input.device!.id : null,
  };
  const checks = loginChecks(keys);
  const refusal = loginRefusal(await spentLimits(checks), hasTrustedDevice);
  if (refusal) throw new LoginError("BLOCKED", loginRefusalMessage(refusal));

  const isValid = candidate?.passwordHash ? await verifyPassword(candidate.passwordHash, input.password) : (await burnVerification(input.password), false);
  if (!candidate || !isValid) {
    await Promise.all(checks.map((check) => countFailure(check.name, check.key)));
    throw new LoginError("INVALID_CREDENTIALS", INVALID_CREDENTIALS_MESSAGE);
  }
  // The place that just succeeded starts afresh; the account's own budget runs out by itself.
  await clearLimit("loginFailuresByLoginAndAddress", `${keys.account}@${keys.address}`);
  await recordSuccessfulLogin(candidate.id, input.now ?? new Date());
  return {
    id: candidate.id,
    name: `${candidate.firstName} ${candidate.lastName}`,
    email: candidate.email,
    shouldChangePassword: candidate.shouldChangePassword,
    sessionVersion: candidate.sessionVersion,
  };
}
