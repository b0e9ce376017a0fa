import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";

type Context = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth reads a POST whose content type mentions JSON with `request.json()` and lets a SyntaxError escape (a 500
 * with a stack trace in the log). Such a body is parsed here first, on a copy, and refused with a 400 in French.
 */
async function hasUnreadableJson(request: Request): Promise<boolean> {
  if (request.method !== "POST" || !request.headers.get("content-type")?.includes("json")) return false;
  try {
    await request.clone().json();
    return false;
  } catch {
    return true;
  }
}

const handler = async (request: NextRequest, context: Context) => {
  if (await hasUnreadableJson(request)) {
    return new Response("La requête envoyée est illisible : rechargez la page et réessayez.\n", {
      status: 400,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  }
  return NextAuth(authOptions())(request, context);
};

export { handler as GET, handler as POST };
