import { NextResponse } from "next/server";
import { env, isGarEnabled } from "@/lib/env";
import { outgoingRelayState } from "@/lib/saml/relay-state";
import { garLoginUrl } from "@/lib/saml/service-provider";

export const dynamic = "force-dynamic";

/**
 * Starts a GAR sign-in from our side: redirects to the identity provider with an AuthnRequest. `?retour=/page`
 * (a page of this site, checked against APP_URL) travels as the RelayState and is opened after the sign-in.
 */
export async function GET(request: Request): Promise<Response> {
  if (!isGarEnabled()) return new Response("Connexion GAR non configurée.", { status: 404 });
  try {
    const relayState = outgoingRelayState(new URL(request.url).searchParams.get("retour"), env().APP_URL);
    const url = await garLoginUrl(relayState);
    if (!url) return new Response("Connexion GAR non configurée.", { status: 404 });
    return NextResponse.redirect(url, 302);
  } catch (error) {
    console.error("[GAR] impossible de préparer la demande d'authentification", error);
    return NextResponse.redirect(new URL("/gar/erreur?raison=indisponible", env().APP_URL), 303);
  }
}
