/**
 * TEST MATERIAL — a GAR-like identity provider run inside the tests: it issues SAML 2.0 responses carrying the
 * GAR attributes (IDO, PRE, NOM, UAI), signed with a test key. Never used by the application.
 */
import { X509Certificate, generateKeyPairSync, randomBytes, randomUUID, sign } from "node:crypto";
import { SignedXml } from "xml-crypto";
import { encrypt } from "xml-encryption";

export type TestSigningKey = { privateKeyPem: string; certificatePem: string };

// ───────────── A self-signed X.509 certificate with node's crypto only (minimal DER writer) ─────────────

function derLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}
const der = (tag: number, ...content: Buffer[]) => {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), derLength(body.length), body]);
};
const sequence = (...items: Buffer[]) => der(0x30, ...items);
const objectId = (hex: string) => der(0x06, Buffer.from(hex, "hex"));
const utcTime = (date: Date) => der(0x17, Buffer.from(`${date.toISOString().replace(/[-:T]/g, "").slice(2, 14)}Z`, "ascii"));
const commonName = (text: string) => sequence(der(0x31, sequence(objectId("550403"), der(0x0c, Buffer.from(text, "utf8")))));
const SHA256_WITH_RSA = sequence(objectId("2a864886f70d01010b"), Buffer.from([0x05, 0x00]));

/** A fresh RSA key pair and a self-signed certificate (X.509 v3, sha256WithRSA) valid from yesterday for ten years. */
export function createTestSigningKey(name = "IdP de test GAR"): TestSigningKey {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const serial = randomBytes(8);
  serial[0] = (serial[0] % 0x7f) + 1; // positive, minimal encoding
  const notBefore = new Date(Date.now() - 24 * 3600_000);
  const notAfter = new Date(notBefore.getTime() + 10 * 365 * 24 * 3600_000);
  const toBeSigned = sequence(
    der(0xa0, der(0x02, Buffer.from([2]))), // version 3
    der(0x02, serial),
    SHA256_WITH_RSA,
    commonName(name),
    sequence(utcTime(notBefore), utcTime(notAfter)),
    commonName(name),
    publicKey.export({ type: "spki", format: "der" }),
  );
  const signature = sign("sha256", toBeSigned, privateKey);
  const certificate = sequence(toBeSigned, SHA256_WITH_RSA, der(0x03, Buffer.from([0]), signature));
  const body = certificate.toString("base64").match(/.{1,64}/g)!.join("\n");
  return {
    privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    certificatePem: `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`,
  };
}

// ───────────── SAML responses ─────────────

export type TestResponseOptions = {
  key: TestSigningKey;
  /** GAR attributes, e.g. { IDO: "…", PRE: "Léa", NOM: "DUPONT", UAI: ["0000000X", "0759999Z"] }; a missing one is left out. */
  attributes: Record<string, string | string[]>;
  audience: string;
  acsUrl: string;
  /** What carries the signature: the assertion (GAR's usual way), the whole response, or nothing. */
  signed?: "assertion" | "response" | "none";
  assertionId?: string;
  issueInstant?: Date;
  /** Conditions@NotOnOrAfter (default: 5 minutes after issueInstant). */
  notOnOrAfter?: Date;
  /** SubjectConfirmationData@NotOnOrAfter (default: same as notOnOrAfter). */
  subjectNotOnOrAfter?: Date;
  /** Issuer of the assertion and, unless responseIssuer says otherwise, of the response. */
  issuer?: string;
  /** Issuer of the response envelope; null leaves it out (it is optional in SAML). */
  responseIssuer?: string | null;
  /** Hash of the signature and of its reference digest (SHA-256 by default). */
  hash?: "sha256" | "sha1";
};

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const SIGNATURE = {
  sha256: { signatureAlgorithm: "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", digestAlgorithm: "http://www.w3.org/2001/04/xmlenc#sha256" },
  sha1: { signatureAlgorithm: "http://www.w3.org/2000/09/xmldsig#rsa-sha1", digestAlgorithm: "http://www.w3.org/2000/09/xmldsig#sha1" },
  canonicalizationAlgorithm: "http://www.w3.org/2001/10/xml-exc-c14n#",
  transforms: ["http://www.w3.org/2000/09/xmldsig#enveloped-signature", "http://www.w3.org/2001/10/xml-exc-c14n#"],
};

function signElement(xml: string, key: TestSigningKey, element: "Assertion" | "Response", hash: "sha256" | "sha1" = "sha256"): string {
  const path = element === "Assertion" ? "//*[local-name(.)='Assertion']" : "/*[local-name(.)='Response']";
  const signer = new SignedXml({
    privateKey: key.privateKeyPem,
    publicCert: key.certificatePem,
    signatureAlgorithm: SIGNATURE[hash].signatureAlgorithm,
    canonicalizationAlgorithm: SIGNATURE.canonicalizationAlgorithm,
  });
  signer.addReference({ xpath: path, transforms: SIGNATURE.transforms, digestAlgorithm: SIGNATURE[hash].digestAlgorithm });
  // The SAML schema wants the signature right after the element's Issuer.
  signer.computeSignature(xml, { prefix: "ds", location: { reference: `${path}/*[local-name(.)='Issuer']`, action: "after" } });
  return signer.getSignedXml();
}

/** The assertion alone (signed unless options.signed says otherwise), and the response around a given assertion. */
function assertionAndEnvelope(options: TestResponseOptions): { assertion: string; envelope: (content: string) => string } {
  const issued = options.issueInstant ?? new Date();
  const notOnOrAfter = options.notOnOrAfter ?? new Date(issued.getTime() + 5 * 60_000);
  const subjectNotOnOrAfter = options.subjectNotOnOrAfter ?? notOnOrAfter;
  const issuer = escapeXml(options.issuer ?? "https://idp.gar.test/");
  const at = (date: Date) => date.toISOString();
  const attributes = Object.entries(options.attributes)
    .map(([name, value]) => {
      const values = (Array.isArray(value) ? value : [value]).map((one) => `<saml:AttributeValue>${escapeXml(one)}</saml:AttributeValue>`).join("");
      return `<saml:Attribute Name="${escapeXml(name)}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:basic">${values}</saml:Attribute>`;
    })
    .join("");
  const assertion =
    `<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${options.assertionId ?? `_${randomUUID()}`}" Version="2.0" IssueInstant="${at(issued)}">` +
    `<saml:Issuer>${issuer}</saml:Issuer>` +
    `<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:transient">_${randomUUID()}</saml:NameID>` +
    `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="${at(subjectNotOnOrAfter)}" Recipient="${escapeXml(options.acsUrl)}"/></saml:SubjectConfirmation></saml:Subject>` +
    `<saml:Conditions NotBefore="${at(new Date(issued.getTime() - 30_000))}" NotOnOrAfter="${at(notOnOrAfter)}"><saml:AudienceRestriction><saml:Audience>${escapeXml(options.audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
    `<saml:AuthnStatement AuthnInstant="${at(issued)}" SessionIndex="_${randomUUID()}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
    `<saml:AttributeStatement>${attributes}</saml:AttributeStatement>` +
    `</saml:Assertion>`;
  const responseIssuer = options.responseIssuer === undefined ? issuer : options.responseIssuer === null ? null : escapeXml(options.responseIssuer);
  const envelope = (content: string) =>
    `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_${randomUUID()}" Version="2.0" IssueInstant="${at(issued)}" Destination="${escapeXml(options.acsUrl)}">` +
    (responseIssuer === null ? "" : `<saml:Issuer>${responseIssuer}</saml:Issuer>`) +
    `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>` +
    content +
    `</samlp:Response>`;
  const signedAssertion = (options.signed ?? "assertion") === "assertion" ? signElement(assertion, options.key, "Assertion", options.hash) : assertion;
  return { assertion: signedAssertion, envelope };
}

const signResponse = (xml: string, options: TestResponseOptions) => (options.signed === "response" ? signElement(xml, options.key, "Response", options.hash) : xml);

/** The response XML (before base64), for tests that tamper with it. */
export function testResponseXml(options: TestResponseOptions): string {
  const { assertion, envelope } = assertionAndEnvelope(options);
  return signResponse(envelope(assertion), options);
}

/**
 * The same response with its (signed) assertion encrypted for a service provider's certificate, as an IdP does when
 * the SP's metadata publishes an encryption key: AES-256-GCM content key wrapped with RSA-OAEP.
 */
export async function testEncryptedResponseXml(options: TestResponseOptions & { encryptFor: string }): Promise<string> {
  const { assertion, envelope } = assertionAndEnvelope(options);
  const encryptedData = await new Promise<string>((resolve, reject) =>
    encrypt(
      assertion,
      {
        rsa_pub: new X509Certificate(options.encryptFor).publicKey.export({ type: "spki", format: "pem" }),
        pem: options.encryptFor,
        encryptionAlgorithm: "http://www.w3.org/2009/xmlenc11#aes256-gcm",
        keyEncryptionAlgorithm: "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p",
      },
      (error, xml) => (error ? reject(error) : resolve(xml)),
    ),
  );
  return signResponse(envelope(`<saml:EncryptedAssertion>${encryptedData}</saml:EncryptedAssertion>`), options);
}

/** The SAMLResponse form value the ENT médiacentre would post (base64 of the XML). */
export function testSamlResponse(options: TestResponseOptions): string {
  return Buffer.from(testResponseXml(options), "utf8").toString("base64");
}

export const toSamlResponse = (xml: string) => Buffer.from(xml, "utf8").toString("base64");
