import { NextResponse } from "next/server";
import { env, isGarEnabled } from "@/lib/env";
import type { GarRefusalReason } from "@/lib/saml/refusal-reasons";
import { MAX_SAML_RESPONSE_LENGTH } from "@/lib/saml/validate-gar-response";
import { signInFromGar } from "@/lib/use-cases/gar/sign-in-from-gar";

export const dynamic = "force-dynamic";

/** 303: the browser follows the POST of the GAR with a GET. Absolute URLs from APP_URL (we may sit behind a proxy). */
const seeOther = (path: string) => NextResponse.redirect(new URL(path, env().APP_URL), 303);
const refused = (reason: GarRefusalReason) => seeOther(`/gar/erreur?raison=${reason}`);

/** Assertion consumer service: the ENT médiacentre posts the pupil's SAMLResponse here (HTTP-POST binding). */
export async function POST(request: Request): Promise<Response> {
  if (!isGarEnabled()) return new Response("Connexion GAR non configurée.", { status: 404 });
  try {
    // A form body is about 4/3 of the base64 response, plus the RelayState.
    if (Number(request.headers.get("content-length") ?? 0) > MAX_SAML_RESPONSE_LENGTH * 2) return refused("invalide");
    const form = await request.formData().catch(() => null);
    const samlResponse = form?.get("SAMLResponse");
    if (typeof samlResponse !== "string" || !samlResponse) return refused("invalide");
    const arrival = await signInFromGar({ samlResponse });
    if (arrival.kind === "REFUSED") return refused(arrival.reason);
    if (arrival.kind === "SIGNED_IN") return seeOther(`/connexion/sso?token=${encodeURIComponent(arrival.signInToken)}`);
    return seeOther(`/gar/premiere-connexion?token=${encodeURIComponent(arrival.pendingToken)}`);
  } catch (error) {
    // Database down or anything unforeseen: a French page, never a 500.
    console.error("[GAR] erreur inattendue à la réception de l'assertion", error);
    return refused("indisponible");
  }
}
