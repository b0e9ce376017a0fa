import "server-only";
import { SAML, ValidateInResponseTo } from "@node-saml/node-saml";
import { env, isGarEnabled } from "../env";

/** Clock difference tolerated with the GAR's servers (NotBefore / NotOnOrAfter). */
export const ACCEPTED_CLOCK_SKEW_MS = 60_000;

export type GarServiceProviderSettings = { entryPoint: string; idpCertificate: string; entityId: string; acsUrl: string };

/** The deployment's GAR settings, or null when GAR is off (then /api/saml/* answer 404). */
export function garSettings(): GarServiceProviderSettings | null {
  if (!isGarEnabled()) return null;
  const settings = env();
  const appUrl = settings.APP_URL.replace(/\/+$/, "");
  return {
    entryPoint: settings.SAML_IDP_ENTRY_POINT!,
    idpCertificate: settings.SAML_IDP_CERT!,
    entityId: settings.SAML_SP_ENTITY_ID ?? `${appUrl}/api/saml/metadata`,
    acsUrl: `${appUrl}/api/saml/acs`,
  };
}

let cached: { key: string; provider: SAML } | undefined;

/**
 * Our SAML service provider. Either the whole Response or its single Assertion must carry a valid signature
 * made with the configured IdP certificate (never a certificate sent inside the message); the audience must be
 * our entity id. GAR sessions start from the ENT médiacentre (IdP-initiated, no InResponseTo): replays are
 * stopped by remembering assertion ids (see record-assertion) instead of matching request ids held in memory.
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
      }),
    };
  }
  return cached.provider;
}

/** The GAR's login page with an AuthnRequest (HTTP-Redirect binding), for a pupil starting from our site. */
export async function garLoginUrl(): Promise<string | null> {
  const provider = garServiceProvider();
  return provider ? provider.getAuthorizeUrlAsync("", undefined, {}) : null;
}

/** Our SP metadata (entity id, ACS), for the GAR's registration form. */
export function garServiceProviderMetadata(): string | null {
  const provider = garServiceProvider();
  return provider ? provider.generateServiceProviderMetadata(null) : null;
}
