import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticate } from "./authenticate";
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
