import { NextResponse } from "next/server";
import { env, isGarEnabled } from "@/lib/env";
import { garLoginUrl } from "@/lib/saml/service-provider";

export const dynamic = "force-dynamic";

/** Starts a GAR sign-in from our side: redirects to the identity provider with an AuthnRequest. */
export async function GET(): Promise<Response> {
  if (!isGarEnabled()) return new Response("Connexion GAR non configurée.", { status: 404 });
  try {
    const url = await garLoginUrl();
    if (!url) return new Response("Connexion GAR non configurée.", { status: 404 });
    return NextResponse.redirect(url, 302);
  } catch (error) {
    console.error("[GAR] impossible de préparer la demande d'authentification", error);
    return NextResponse.redirect(new URL("/gar/erreur?raison=indisponible", env().APP_URL), 303);
  }
}
