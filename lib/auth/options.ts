import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticate } from "./authenticate";
import { hashToken } from "./tokens";
import { consumeSignInToken } from "../db/repositories/sign-in-token-repository";
import { env } from "../env";

const SESSION_HOURS = 12;

export function authOptions(): NextAuthOptions {
  return {
    secret: env().NEXTAUTH_SECRET ?? "dev-only-secret-not-for-production-0123456789",
    session: { strategy: "jwt", maxAge: SESSION_HOURS * 3600 },
    pages: { signIn: "/connexion" },
    providers: [
      CredentialsProvider({
        name: "Identifiants",
        credentials: { login: { type: "text" }, password: { type: "password" } },
        async authorize(credentials) {
          const user = await authenticate(credentials?.login ?? "", credentials?.password ?? "");
          return { id: String(user.id), name: user.name, email: user.email };
        },
      }),
      // Exchanges the single-use token minted after an SSO sign-in (GAR) for a session.
      CredentialsProvider({
        id: "sso-token",
        name: "Jeton de connexion",
        credentials: { token: { type: "text" } },
        async authorize(credentials) {
          const user = await consumeSignInToken(hashToken(credentials?.token ?? ""), new Date());
          if (!user) return null;
          return { id: String(user.id), name: `${user.firstName} ${user.lastName}`, email: user.email };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) token.userId = Number(user.id);
        return token;
      },
      async session({ session, token }) {
        return { ...session, userId: token.userId as number };
      },
    },
  };
}
