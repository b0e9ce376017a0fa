import "server-only";
import { decrypt } from "xml-encryption";
import { ACCEPTED_CLOCK_SKEW_MS, garServiceProvider, garSettings } from "./service-provider";
import { garIdentityOf, type GarIdentity } from "./gar-attributes";
import { refusalReasonOf, type GarRefusalReason } from "./refusal-reasons";
import type { GarRefusal } from "./refusal-log";
import { outlineSamlResponse, sha1AlgorithmsOfAssertion, type SamlResponseOutline } from "./response-outline";

/** A SAMLResponse larger than this is not a GAR answer (they weigh a few kilobytes). */
export const MAX_SAML_RESPONSE_LENGTH = 256 * 1024;

export type ValidatedGarAssertion = {
  assertionId: string;
  /** Last instant the assertion could be accepted (NotOnOrAfter + tolerated clock skew): replays are remembered until then. */
  acceptableUntil: Date;
  identity: GarIdentity;
};

export type GarValidation = { ok: true; assertion: ValidatedGarAssertion } | { ok: false; refusal: GarRefusal };

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

const decryptAssertion = (encryptedAssertionXml: string, key: string) =>
  new Promise<string>((resolve, reject) => decrypt(encryptedAssertionXml, { key }, (error, xml) => (error ? reject(error) : resolve(xml))));

/**
 * SHA-1 in the signatures we relied on: those of the message, and for an encrypted assertion the one inside it
 * (decrypted again here: node-saml keeps the signature out of what it returns). Null when the assertion cannot be read.
 */
async function sha1AlgorithmsUsed(outline: SamlResponseOutline, privateKeyPem: string | undefined): Promise<string[] | null> {
  if (!outline.encryptedAssertionXml) return outline.sha1Algorithms;
  if (!privateKeyPem) return null;
  const inner = sha1AlgorithmsOfAssertion(await decryptAssertion(outline.encryptedAssertionXml, privateKeyPem).catch(() => ""));
  return inner && [...outline.sha1Algorithms, ...inner];
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Checks a SAMLResponse posted by the GAR: well-formed, from the configured IdP (Issuer), signed with its
 * certificate and without SHA-1 (unless allowed), decrypted with our key when encrypted, for our audience, within
 * its dates. The assertion id, its expiry and the GAR identity are read from the verified content only. Never
 * throws for a bad message: the refusal says why (French page) and what to log.
 */
export async function validateGarResponse(samlResponse: string, now: Date): Promise<GarValidation> {
  const provider = garServiceProvider();
  const settings = garSettings();
  const refuse = (reason: GarRefusalReason, detail: string, seen: { assertionId: string | null; uais: readonly string[] } = { assertionId: null, uais: [] }): GarValidation => ({
    ok: false,
    refusal: { reason, detail, ...seen },
  });
  if (!provider || !settings) return refuse("indisponible", "GAR non configuré");
  if (!samlResponse || samlResponse.length > MAX_SAML_RESPONSE_LENGTH) return refuse("invalide", "SAMLResponse vide ou trop longue");

  const outline = outlineSamlResponse(Buffer.from(samlResponse, "base64").toString("utf8"));
  if (!outline) return refuse("invalide", "SAMLResponse illisible : ni XML bien formé ni samlp:Response");
  const claimed = { assertionId: outline.assertionId, uais: outline.uais };
  if (outline.encryptedAssertionXml && !settings.keyPair) {
    return refuse("chiffree", "assertion chiffrée reçue, mais SAML_SP_PRIVATE_KEY n'est pas configurée", claimed);
  }
  if (outline.responseIssuer !== null && outline.responseIssuer !== settings.idpEntityId) {
    return refuse("emetteur", `Issuer de la réponse inattendu : ${outline.responseIssuer}`, claimed);
  }

  let profile;
  try {
    ({ profile } = await provider.validatePostResponseAsync({ SAMLResponse: samlResponse }));
  } catch (error) {
    const reason = refusalReasonOf(error);
    // An encrypted response says "invalide" whatever failed: telling a bad signature from undecryptable content
    // would help an attacker use us as a decryption oracle (CBC padding attacks on XML Encryption).
    return refuse(outline.encryptedAssertionXml && reason === "signature" ? "invalide" : reason, errorText(error), claimed);
  }
  const assertion = (profile?.getAssertion?.() as { Assertion?: XmlNode } | undefined)?.Assertion;
  const assertionId = assertion?.$?.ID;
  if (!profile || !assertion || !assertionId) return refuse("invalide", "réponse signée sans assertion", claimed);

  const identity = garIdentityOf((profile.attributes as Record<string, unknown> | undefined) ?? {});
  const verified = { assertionId, uais: identity?.uais ?? [] };
  const issuer = profile.issuer?.trim();
  if (issuer !== settings.idpEntityId) return refuse("emetteur", `Issuer de l'assertion inattendu : ${issuer || "absent"}`, verified);
  if (!settings.allowSha1) {
    const sha1 = await sha1AlgorithmsUsed(outline, settings.keyPair?.privateKeyPem);
    if (sha1 === null) return refuse("invalide", "assertion chiffrée illisible après validation", verified);
    if (sha1.length) return refuse("signature", `signature SHA-1 refusée (${[...new Set(sha1)].join(", ")}) ; SAML_ALLOW_SHA1=true l'accepterait`, verified);
  }

  const limit = notOnOrAfter(assertion);
  if (limit === null) return refuse("invalide", "assertion sans NotOnOrAfter", verified);
  if (now.getTime() - ACCEPTED_CLOCK_SKEW_MS >= limit) return refuse("expiree", `assertion expirée le ${new Date(limit).toISOString()}`, verified);
  if (!identity) return refuse("incomplete", "attribut IDO, PRE ou NOM absent", verified);
  return { ok: true, assertion: { assertionId, acceptableUntil: new Date(limit + ACCEPTED_CLOCK_SKEW_MS), identity } };
}
