import "server-only";
import { SAML, ValidateInResponseTo } from "@node-saml/node-saml";
import { env, isGarEnabled } from "../env";

/** Clock difference tolerated with the GAR's servers (NotBefore / NotOnOrAfter). */
export const ACCEPTED_CLOCK_SKEW_MS = 60_000;

export type GarServiceProviderSettings = {
  entryPoint: string;
  idpCertificate: string;
  /** The IdP's entityID: the Issuer every accepted assertion must carry. */
  idpEntityId: string;
  entityId: string;
  acsUrl: string;
  /** Our key pair (decrypts assertions, signs AuthnRequests, published in the metadata), or null. */
  keyPair: { privateKeyPem: string; certificatePem: string } | null;
  /** SHA-1 signatures are refused unless SAML_ALLOW_SHA1=true. */
  allowSha1: boolean;
};

/** The deployment's GAR settings, or null when GAR is off (then /api/saml/* answer 404). */
export function garSettings(): GarServiceProviderSettings | null {
  if (!isGarEnabled()) return null;
  const settings = env();
  const appUrl = settings.APP_URL.replace(/\/+$/, "");
  return {
    entryPoint: settings.SAML_IDP_ENTRY_POINT!,
    idpCertificate: settings.SAML_IDP_CERT!,
    idpEntityId: settings.SAML_IDP_ENTITY_ID!,
    entityId: settings.SAML_SP_ENTITY_ID ?? `${appUrl}/api/saml/metadata`,
    acsUrl: `${appUrl}/api/saml/acs`,
    keyPair: settings.SAML_SP_PRIVATE_KEY && settings.SAML_SP_CERT ? { privateKeyPem: settings.SAML_SP_PRIVATE_KEY, certificatePem: settings.SAML_SP_CERT } : null,
    allowSha1: settings.SAML_ALLOW_SHA1 === "true",
  };
}

let cached: { key: string; provider: SAML } | undefined;

/**
 * Our SAML service provider. Either the whole Response or its single Assertion must carry a valid signature
 * made with the configured IdP certificate (never a certificate sent inside the message); the audience must be
 * our entity id. GAR sessions start from the ENT médiacentre (IdP-initiated, no InResponseTo): replays are
 * stopped by remembering assertion ids (see record-assertion) instead of matching request ids held in memory.
 * With our key pair, encrypted assertions are decrypted and our AuthnRequests are signed (RSA-SHA256).
 */
export function garServiceProvider(): SAML | null {
  const settings = garSettings();
  if (!settings) return null;
  const key = JSON.stringify(settings);
  if (cached?.key !== key) {
    cached = {
      key,
      provider: new SAML({
        entryPoint: settings.entryPoint,
        idpCert: settings.idpCertificate,
        // node-saml 5 checks this Issuer only on logout messages: validate-gar-response checks it on assertions.
        idpIssuer: settings.idpEntityId,
        issuer: settings.entityId,
        audience: settings.entityId,
        callbackUrl: settings.acsUrl,
        wantAssertionsSigned: false,
        wantAuthnResponseSigned: false,
        validateInResponseTo: ValidateInResponseTo.never,
        acceptedClockSkewMs: ACCEPTED_CLOCK_SKEW_MS,
        // Let the GAR choose its identifier format and authentication context: we only read attributes.
        identifierFormat: null,
        disableRequestedAuthnContext: true,
        signatureAlgorithm: "sha256",
        digestAlgorithm: "sha256",
        ...(settings.keyPair ? { decryptionPvk: settings.keyPair.privateKeyPem, privateKey: settings.keyPair.privateKeyPem, publicCert: settings.keyPair.certificatePem } : {}),
      }),
    };
  }
  return cached.provider;
}

/** Whether an encrypted assertion can be read here (SAML_SP_PRIVATE_KEY configured). */
export const canDecryptAssertions = () => Boolean(garSettings()?.keyPair);

/**
 * The GAR's login page with an AuthnRequest (HTTP-Redirect binding, signed when we have a key), for a pupil
 * starting from our site; the RelayState (an already validated path of ours) comes back with the assertion.
 */
export async function garLoginUrl(relayState = ""): Promise<string | null> {
  const provider = garServiceProvider();
  return provider ? provider.getAuthorizeUrlAsync(relayState, undefined, {}) : null;
}

/** Our SP metadata (entity id, ACS, and with a key pair the signing and encryption certificate), for the GAR's registration form. */
export function garServiceProviderMetadata(): string | null {
  const provider = garServiceProvider();
  const keyPair = garSettings()?.keyPair;
  if (!provider) return null;
  return keyPair ? provider.generateServiceProviderMetadata(keyPair.certificatePem, keyPair.certificatePem) : provider.generateServiceProviderMetadata(null);
}
