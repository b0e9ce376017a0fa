import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { cookieFromHeader } from "../domain/requests/cookie-header";

/**
 * A proof of when the server first received an answer it could not take (issue 15). An answer refused past capacity
 * (503: the answer gate, or the database pool's BusyError) is sent again by the page a few seconds later; on a timed
 * question that later arrival could turn an answer given in time into « Temps dépassé », a penalty for our overload.
 * So the refusal carries this proof, the page's retry sends it back (header X-Pix-Arrival), and the answer path
 * measures the time from the proven first arrival instead — never from the client's clock.
 *
 * What it binds (HMAC-SHA256 with the app's secret): the campaign (its code, from the address), the session (a hash
 * of the session cookie: with the campaign, that is the pupil's assessment) and the form exactly as it was sent —
 * the challenge id and the answer itself. So the proof says « this very answer to this challenge, from this pupil,
 * was here at T »: a refusal obtained with a dummy answer cannot buy time for a better one typed afterwards, and a
 * proof is worthless for another challenge, campaign or pupil. The answer path also ignores an arrival before the
 * question was asked (answer-and-continue.ts).
 */
export const ARRIVAL_HEADER = "x-pix-arrival";
/**
 * The same proof as a hidden field of a plain form (no JavaScript): the page a refused form post gets keeps the answer
 * in a form that posts it again, with its proof (lib/pupil-flow/busy-page.ts). Not part of the form it proves.
 */
export const ARRIVAL_FIELD = "arrival";

/**
 * How long a proof is accepted: 20 s, the page's first four retries at worst (retry-delay.ts with Retry-After 2 s:
 * 2 + 3 + 5 + 9 s) — an overload that lasts longer makes the answer be measured on its later arrival again.
 * Not longer, because a proof can be farmed (review-final, 06/12): a pupil who can get refusals (the server past its
 * capacity) may send every combination of a multiple-choice question, keep one proof each, and choose one later;
 * the proof is bound to the answer, not to a first try. The life bounds what that buys: at most 20 s on a timed
 * question, and only while the server refuses answers. (Since the same review an idle client cannot hold the gate's
 * slots any more, so refusals need a real overload; and a refusal by the per-pupil share, which a pupil can bring on
 * himself by posting three answers at once, carries no proof: ADR 0013 « 07/12 (22) ».)
 */
export const ARRIVAL_PROOF_MAX_AGE_MS = 20_000;

export type ArrivalBinding = { campaignCode: string; sessionToken: string; form: URLSearchParams };

const PURPOSE = "pix-libre answer arrival v1";

function mac(key: string, binding: ArrivalBinding, arrivedAtMs: number): Buffer {
  const session = createHash("sha256").update(binding.sessionToken).digest("base64url");
  // The form re-serialized: the gate reads the raw bytes, the route a parsed form; both give the same text.
  const message = [PURPOSE, binding.campaignCode.toUpperCase(), session, binding.form.toString(), String(arrivedAtMs)].join("\n");
  return createHmac("sha256", key).update(message).digest();
}

export function arrivalProof(key: string, binding: ArrivalBinding, arrivedAtMs: number): string {
  return `${arrivedAtMs}.${mac(key, binding, arrivedAtMs).toString("base64url")}`;
}

/**
 * The arrival a proof establishes, or null: absent, malformed, forged, for another answer/challenge/campaign/session,
 * older than ARRIVAL_PROOF_MAX_AGE_MS or dated in the future. A null simply leaves the answer measured on its own arrival.
 */
export function provenArrival(key: string, proof: string | null | undefined, binding: ArrivalBinding, nowMs: number): Date | null {
  const match = /^(\d{13})\.([A-Za-z0-9_-]{43})$/.exec(proof ?? "");
  if (!match) return null;
  const arrivedAtMs = Number(match[1]);
  if (arrivedAtMs > nowMs || nowMs - arrivedAtMs > ARRIVAL_PROOF_MAX_AGE_MS) return null;
  const given = Buffer.from(match[2], "base64url");
  const expected = mac(key, binding, arrivedAtMs);
  return given.length === expected.length && timingSafeEqual(given, expected) ? new Date(arrivedAtMs) : null;
}

/**
 * A plain form's proof field taken out: the form it proves (the fields as they were first sent, in their order) and
 * the proof it carried, if any. A form without the field is returned as it is.
 */
export function takeArrivalField(form: URLSearchParams): { form: URLSearchParams; proof: string | null } {
  if (!form.has(ARRIVAL_FIELD)) return { form, proof: null };
  const proof = form.get(ARRIVAL_FIELD);
  return { form: new URLSearchParams([...form].filter(([name]) => name !== ARRIVAL_FIELD)), proof };
}

/**
 * The answer gate's prover (scripts/server.ts): from a refused request's raw form body, the proof for its campaign
 * (from the address) and session (from the cookie); null when it is not a signed-in form post. A form re-posted from
 * the page of a refusal without JavaScript (lib/pupil-flow/busy-page.ts) carries its proof as a field: refused again,
 * it keeps that first arrival while the proof is valid (the script keeps its first proof itself).
 */
export function gateArrivalProver(key: string, sessionCookieName: string) {
  return (request: { url?: string; headers: { cookie?: string; "content-type"?: string } }, body: string, arrivedAtMs: number): string | null => {
    // The gate has no parsed cookies: the raw header, read as Next.js reads it (the route checks the proof with Next's).
    const sessionToken = cookieFromHeader(request.headers.cookie, sessionCookieName);
    const campaignCode = /^\/campagnes\/([A-Za-z0-9]+)\/evaluation\/?$/.exec((request.url ?? "").split("?")[0])?.[1];
    if (!sessionToken || !campaignCode || !(request.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded")) return null;
    const { form, proof: earlier } = takeArrivalField(new URLSearchParams(body));
    const binding = { campaignCode, sessionToken, form };
    if (earlier && provenArrival(key, earlier, binding, arrivedAtMs)) return earlier;
    return arrivalProof(key, binding, arrivedAtMs);
  };
}
