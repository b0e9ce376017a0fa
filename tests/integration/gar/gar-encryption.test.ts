import { createPublicKey, verify } from "node:crypto";
import { inflateRawSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestSigningKey, testEncryptedResponseXml, testSamlResponse, toSamlResponse, type TestResponseOptions } from "./support/test-identity-provider";

// A GAR that encrypts its assertions for our key pair (SAML_SP_PRIVATE_KEY / SAML_SP_CERT); SHA-1 refused.
const idpKey = createTestSigningKey();
const spKey = createTestSigningKey("SP Pix Libre de test");
process.env.SAML_IDP_ENTRY_POINT = "https://idp.gar.test/sso";
process.env.SAML_IDP_CERT = idpKey.certificatePem;
process.env.SAML_IDP_ENTITY_ID = "https://idp.gar.test/";
process.env.SAML_SP_ENTITY_ID = "https://pix-libre.test/api/saml/metadata";
// As a hosting panel stores it: one line with "\n" escapes.
process.env.SAML_SP_PRIVATE_KEY = spKey.privateKeyPem.trim().replace(/\n/g, "\\n");
process.env.SAML_SP_CERT = spKey.certificatePem;
delete process.env.SAML_ALLOW_SHA1;

const { GET: startLogin } = await import("@/app/api/saml/login/route");
const { GET: metadata } = await import("@/app/api/saml/metadata/route");
const { db } = await import("@/lib/db/client");
const { ACS_URL, LEA, captureWarnings, exchange, pathOf, postToAcs } = await import("./support/gar-test-helpers");

function response(overrides: Partial<TestResponseOptions> = {}): TestResponseOptions {
  return { key: idpKey, attributes: LEA, audience: process.env.SAML_SP_ENTITY_ID!, acsUrl: ACS_URL, ...overrides };
}
const encryptedFor = (certificatePem: string, overrides: Partial<TestResponseOptions> = {}) => testEncryptedResponseXml({ ...response(overrides), encryptFor: certificatePem });
const certificateBody = (pem: string) => pem.replace(/-----[A-Z ]+-----/g, "").replace(/\s+/g, "");

let warnings: ReturnType<typeof captureWarnings>;
beforeEach(() => {
  warnings = captureWarnings();
});
afterEach(() => warnings.restore());

describe("GAR with our key pair: encrypted assertions and signed AuthnRequests", () => {
  it("publishes the certificate for encryption and signing in our metadata", async () => {
    const answer = await metadata();
    expect(answer.headers.get("content-type")).toContain("application/samlmetadata+xml");
    const xml = await answer.text();
    expect(xml).toContain('entityID="https://pix-libre.test/api/saml/metadata"');
    expect(xml).toContain('AuthnRequestsSigned="true"');
    const descriptors = [...xml.matchAll(/<KeyDescriptor use="(\w+)">[\s\S]*?<ds:X509Certificate>([^<]+)<\/ds:X509Certificate>/g)].map(([, use, body]) => [use, body.replace(/\s+/g, "")]);
    expect(descriptors).toEqual([
      ["signing", certificateBody(spKey.certificatePem)],
      ["encryption", certificateBody(spKey.certificatePem)],
    ]);
    expect(xml).toContain('Location="http://localhost:3000/api/saml/acs"');
    expect(xml).not.toContain("PRIVATE KEY");
  });

  it("signs the AuthnRequest (HTTP-Redirect, RSA-SHA256) so that the GAR can check it with our certificate", async () => {
    const answer = await startLogin(new Request("http://localhost:3000/api/saml/login?retour=/campagnes/ABCDEF234"));
    const location = new URL(answer.headers.get("location")!);
    expect(location.searchParams.get("SigAlg")).toBe("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
    expect(location.searchParams.get("RelayState")).toBe("/campagnes/ABCDEF234");
    // The signed string is the query as sent, in the binding's order: SAMLRequest, RelayState, SigAlg.
    const signedPart = location.search.slice(1).split("&").filter((pair) => !pair.startsWith("Signature=")).join("&");
    const signature = Buffer.from(location.searchParams.get("Signature")!, "base64");
    expect(verify("sha256", Buffer.from(signedPart), createPublicKey(spKey.certificatePem), signature)).toBe(true);
    const request = inflateRawSync(Buffer.from(location.searchParams.get("SAMLRequest")!, "base64")).toString("utf8");
    expect(request).toContain('AssertionConsumerServiceURL="http://localhost:3000/api/saml/acs"');
  });

  it("signs a pupil in from an encrypted assertion", async () => {
    const pupil = await db.user.create({ data: { firstName: "Léa", lastName: "Dupont", samlId: LEA.IDO } });
    const location = await postToAcs(toSamlResponse(await encryptedFor(spKey.certificatePem)), "/campagnes/ABCDEF234");
    expect(location.pathname).toBe("/connexion/sso");
    expect(location.searchParams.get("retour")).toBe("/campagnes/ABCDEF234");
    expect(await exchange(location.searchParams.get("token")!)).toBe(pupil.id);
    // Also when the whole response is signed around the encrypted assertion.
    const whole = await postToAcs(toSamlResponse(await encryptedFor(spKey.certificatePem, { signed: "response" })));
    expect(await exchange(whole.searchParams.get("token")!)).toBe(pupil.id);
    expect(warnings.refusals()).toEqual([]);
  });

  it("still accepts plain assertions", async () => {
    const pupil = await db.user.create({ data: { firstName: "Léa", lastName: "Dupont", samlId: LEA.IDO } });
    expect(await exchange((await postToAcs(testSamlResponse(response()))).searchParams.get("token")!)).toBe(pupil.id);
  });

  it("refuses, as « invalide » only, an assertion encrypted for another key or badly signed inside its encryption", async () => {
    await db.user.create({ data: { firstName: "Léa", lastName: "Dupont", samlId: LEA.IDO } });
    const otherKey = await postToAcs(toSamlResponse(await encryptedFor(createTestSigningKey("Autre SP").certificatePem)));
    // Telling "cannot decrypt" from "bad signature" would make us a decryption oracle.
    const forged = await postToAcs(toSamlResponse(await encryptedFor(spKey.certificatePem, { key: createTestSigningKey("Faux GAR") })));
    const unsigned = await postToAcs(toSamlResponse(await encryptedFor(spKey.certificatePem, { signed: "none" })));
    expect([otherKey, forged, unsigned].map(pathOf)).toEqual(Array(3).fill("/gar/erreur?raison=invalide"));
    expect(warnings.refusals()).toHaveLength(3);
    expect(await db.samlAssertion.count()).toBe(0);
  });

  it("refuses a SHA-1 signature hidden inside the encrypted assertion", async () => {
    await db.user.create({ data: { firstName: "Léa", lastName: "Dupont", samlId: LEA.IDO } });
    const location = await postToAcs(toSamlResponse(await encryptedFor(spKey.certificatePem, { hash: "sha1" })));
    expect(pathOf(location)).toBe("/gar/erreur?raison=signature");
    expect(warnings.refusals()).toEqual([expect.stringContaining("signature SHA-1 refusée (http://www.w3.org/2000/09/xmldsig#rsa-sha1, http://www.w3.org/2000/09/xmldsig#sha1)")]);
    expect(warnings.refusals()[0]).not.toMatch(/Léa|DUPONT/);
  });
});
