import "server-only";
import { hashToken, newSecretToken } from "../../auth/tokens";
import { createSignInToken } from "../../db/repositories/sign-in-token-repository";

/** The browser exchanges it at once (/connexion/sso): a few minutes cover a slow connection. */
export const SIGN_IN_TOKEN_MINUTES = 5;

/** A single-use token that the "sso-token" provider exchanges for a session; only its digest is stored. */
export async function mintSignInToken(userId: number, now: Date): Promise<string> {
  const token = newSecretToken();
  await createSignInToken(userId, hashToken(token), new Date(now.getTime() + SIGN_IN_TOKEN_MINUTES * 60_000));
  return token;
}
