import { NextResponse } from "next/server";
import { env, isGarEnabled } from "@/lib/env";
import { relayStatePath } from "@/lib/saml/relay-state";
import { logGarRefusal } from "@/lib/saml/refusal-log";
import type { GarRefusalReason } from "@/lib/saml/refusal-reasons";
import { MAX_SAML_RESPONSE_LENGTH } from "@/lib/saml/validate-gar-response";
import { signInFromGar } from "@/lib/use-cases/gar/sign-in-from-gar";

export const dynamic = "force-dynamic";

/** 303: the browser follows the POST of the GAR with a GET. Absolute URLs from APP_URL (we may sit behind a proxy). */
const seeOther = (path: string) => NextResponse.redirect(new URL(path, env().APP_URL), 303);
const refused = (reason: GarRefusalReason) => seeOther(`/gar/erreur?raison=${reason}`);
const withReturn = (path: string, returnTo: string | null) => (returnTo ? `${path}&retour=${encodeURIComponent(returnTo)}` : path);

/**
 * Assertion consumer service: the ENT médiacentre posts the pupil's SAMLResponse here (HTTP-POST binding), with
 * the RelayState of the AuthnRequest (SP-initiated) or the page the ENT wants to open: followed after sign-in
 * when it is a page of this site, ignored otherwise.
 */
export async function POST(request: Request): Promise<Response> {
  if (!isGarEnabled()) return new Response("Connexion GAR non configurée.", { status: 404 });
  try {
    // A form body is about 4/3 of the base64 response, plus the RelayState.
    if (Number(request.headers.get("content-length") ?? 0) > MAX_SAML_RESPONSE_LENGTH * 2) {
      logGarRefusal({ reason: "invalide", detail: "corps de la requête trop long", assertionId: null, uais: [] });
      return refused("invalide");
    }
    const form = await request.formData().catch(() => null);
    const samlResponse = form?.get("SAMLResponse");
    if (typeof samlResponse !== "string" || !samlResponse) {
      logGarRefusal({ reason: "invalide", detail: "aucune SAMLResponse dans le formulaire", assertionId: null, uais: [] });
      return refused("invalide");
    }
    const relayState = form?.get("RelayState");
    const returnTo = relayStatePath(relayState, env().APP_URL);
    if (typeof relayState === "string" && relayState && !returnTo) {
      console.warn(`[GAR] RelayState ignoré (pas une page de ce site) : ${JSON.stringify(relayState.replace(/\p{Cc}/gu, " ").slice(0, 200))}`);
    }
    const arrival = await signInFromGar({ samlResponse });
    if (arrival.kind === "REFUSED") return refused(arrival.reason);
    if (arrival.kind === "SIGNED_IN") return seeOther(withReturn(`/connexion/sso?token=${encodeURIComponent(arrival.signInToken)}`, returnTo));
    return seeOther(withReturn(`/gar/premiere-connexion?token=${encodeURIComponent(arrival.pendingToken)}`, returnTo));
  } catch (error) {
    // Database down or anything unforeseen: a French page, never a 500.
    console.error("[GAR] erreur inattendue à la réception de l'assertion", error);
    return refused("indisponible");
  }
}
