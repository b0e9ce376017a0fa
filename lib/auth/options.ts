import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { hashToken } from "./tokens";
import { consumeSignInToken } from "../db/repositories/sign-in-token-repository";
import { findSessionVersion } from "../db/repositories/session-repository";
import { newSessionClaims, SESSION_MAX_AGE_SECONDS, sessionSecret } from "./session-token";

/**
 * next-auth keeps the session cookie's format and the single-use token exchange after an SSO sign-in (GAR).
 * Sign-in with a login and a password does not go through next-auth: it is a server action (lib/actions/session-actions.ts)
 * that works without JavaScript and applies the login limits; lib/auth/session.ts reads and checks every session.
 */
export function authOptions(): NextAuthOptions {
  return {
    secret: sessionSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/connexion", error: "/connexion" },
    providers: [
      // Exchanges the single-use token minted after an SSO sign-in (GAR) for a session.
      CredentialsProvider({
        id: "sso-token",
        name: "Jeton de connexion",
        credentials: { token: { type: "text" } },
        async authorize(credentials) {
          const user = await consumeSignInToken(hashToken(typeof credentials?.token === "string" ? credentials.token : ""), new Date());
          if (!user) return null;
          return { id: String(user.id), name: `${user.firstName} ${user.lastName}`, email: user.email };
        },
      }),
    ],
    callbacks: {
      // The same claims as a session opened by lib/auth/session.ts: who, which session version, since when.
      async jwt({ token, user }) {
        if (!user) return token;
        const userId = Number(user.id);
        return { ...token, ...newSessionClaims({ userId, sessionVersion: (await findSessionVersion(userId)) ?? -1, now: new Date() }) };
      },
      // Nothing about the account through /api/auth/session: pages read the session on the server, checked.
      async session({ session }) {
        return { expires: session.expires };
      },
    },
  };
}
