import { createHash, randomBytes, randomInt } from "node:crypto";

/** Tokens are stored as sha256 digests: a database leak does not leak usable links. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** 32 random bytes, URL-safe. */
export function newSecretToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Uniform random integers from the crypto source, for codes. */
export const cryptoRandomInt = (max: number) => randomInt(max);
