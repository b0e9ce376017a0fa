import "server-only";
import { ACCEPTED_CLOCK_SKEW_MS, garServiceProvider } from "./service-provider";
import { garIdentityOf, type GarIdentity } from "./gar-attributes";
import { refusalReasonOf, type GarRefusalReason } from "./refusal-reasons";

/** A SAMLResponse larger than this is not a GAR answer (they weigh a few kilobytes). */
export const MAX_SAML_RESPONSE_LENGTH = 256 * 1024;

export type ValidatedGarAssertion = {
  assertionId: string;
  /** Last instant the assertion could be accepted (NotOnOrAfter + tolerated clock skew): replays are remembered until then. */
  acceptableUntil: Date;
  identity: GarIdentity;
};

export type GarValidation = { ok: true; assertion: ValidatedGarAssertion } | { ok: false; reason: GarRefusalReason };

type XmlNode = { $?: Record<string, string> } & Record<string, unknown>;

const childNodes = (node: XmlNode | undefined, name: string): XmlNode[] => {
  const value = node?.[name];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
};

const instant = (text: string | undefined): number | null => {
  if (!text) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
};

/**
 * When the signed assertion stops being valid: the earliest of Conditions@NotOnOrAfter and the bearer
 * SubjectConfirmationData@NotOnOrAfter (node-saml checks the first; without InResponseTo it does not enforce the
 * second, so we do). An assertion with neither could be replayed forever: refused.
 */
function notOnOrAfter(assertion: XmlNode): number | null {
  const conditions = childNodes(assertion, "Conditions").map((node) => instant(node.$?.NotOnOrAfter));
  const subjects = childNodes(assertion, "Subject")
    .flatMap((subject) => childNodes(subject, "SubjectConfirmation"))
    .flatMap((confirmation) => childNodes(confirmation, "SubjectConfirmationData"))
    .map((data) => instant(data.$?.NotOnOrAfter));
  const subjectLimit = subjects.some((ms) => ms !== null) ? Math.max(...subjects.filter((ms): ms is number => ms !== null)) : null;
  const limits = [...conditions, subjectLimit].filter((ms): ms is number => ms !== null);
  return limits.length ? Math.min(...limits) : null;
}

/**
 * Checks a SAMLResponse posted by the GAR with node-saml (signature with the configured IdP certificate,
 * audience, validity dates) and reads the assertion id, its expiry and the GAR identity from the signed content
 * only. Never throws for a bad message: the reason is returned for the French error page.
 */
export async function validateGarResponse(samlResponse: string, now: Date): Promise<GarValidation> {
  const provider = garServiceProvider();
  if (!provider) return { ok: false, reason: "indisponible" };
  if (!samlResponse || samlResponse.length > MAX_SAML_RESPONSE_LENGTH) return { ok: false, reason: "invalide" };
  let profile;
  try {
    ({ profile } = await provider.validatePostResponseAsync({ SAMLResponse: samlResponse }));
  } catch (error) {
    const reason = refusalReasonOf(error);
    console.warn(`[GAR] assertion refusée (${reason}) : ${error instanceof Error ? error.message : String(error)}`);
    return { ok: false, reason };
  }
  const assertion = (profile?.getAssertion?.() as { Assertion?: XmlNode } | undefined)?.Assertion;
  const assertionId = assertion?.$?.ID;
  if (!profile || !assertion || !assertionId) return { ok: false, reason: "invalide" };

  const limit = notOnOrAfter(assertion);
  if (limit === null) return { ok: false, reason: "invalide" };
  if (now.getTime() - ACCEPTED_CLOCK_SKEW_MS >= limit) return { ok: false, reason: "expiree" };

  const identity = garIdentityOf((profile.attributes as Record<string, unknown> | undefined) ?? {});
  if (!identity) return { ok: false, reason: "incomplete" };
  return { ok: true, assertion: { assertionId, acceptableUntil: new Date(limit + ACCEPTED_CLOCK_SKEW_MS), identity } };
}
