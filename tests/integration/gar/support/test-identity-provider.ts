/**
 * TEST MATERIAL — a GAR-like identity provider run inside the tests: it issues SAML 2.0 responses carrying the
 * GAR attributes (IDO, PRE, NOM, UAI), signed with a test key. Never used by the application.
 */
import { generateKeyPairSync, randomBytes, randomUUID, sign } from "node:crypto";
import { SignedXml } from "xml-crypto";

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
  /** GAR attributes, e.g. { IDO: "…", PRE: "Léa", NOM: "DUPONT", UAI: "0759999Z" }; a missing one is left out. */
  attributes: Record<string, string>;
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
  issuer?: string;
};

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const SIGNATURE = {
  signatureAlgorithm: "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
  canonicalizationAlgorithm: "http://www.w3.org/2001/10/xml-exc-c14n#",
  transforms: ["http://www.w3.org/2000/09/xmldsig#enveloped-signature", "http://www.w3.org/2001/10/xml-exc-c14n#"],
  digestAlgorithm: "http://www.w3.org/2001/04/xmlenc#sha256",
};

function signElement(xml: string, key: TestSigningKey, element: "Assertion" | "Response"): string {
  const path = element === "Assertion" ? "//*[local-name(.)='Assertion']" : "/*[local-name(.)='Response']";
  const signer = new SignedXml({
    privateKey: key.privateKeyPem,
    publicCert: key.certificatePem,
    signatureAlgorithm: SIGNATURE.signatureAlgorithm,
    canonicalizationAlgorithm: SIGNATURE.canonicalizationAlgorithm,
  });
  signer.addReference({ xpath: path, transforms: SIGNATURE.transforms, digestAlgorithm: SIGNATURE.digestAlgorithm });
  // The SAML schema wants the signature right after the element's Issuer.
  signer.computeSignature(xml, { prefix: "ds", location: { reference: `${path}/*[local-name(.)='Issuer']`, action: "after" } });
  return signer.getSignedXml();
}

/** The response XML (before base64), for tests that tamper with it. */
export function testResponseXml(options: TestResponseOptions): string {
  const issued = options.issueInstant ?? new Date();
  const notOnOrAfter = options.notOnOrAfter ?? new Date(issued.getTime() + 5 * 60_000);
  const subjectNotOnOrAfter = options.subjectNotOnOrAfter ?? notOnOrAfter;
  const issuer = escapeXml(options.issuer ?? "https://idp.gar.test/");
  const at = (date: Date) => date.toISOString();
  const attributes = Object.entries(options.attributes)
    .map(([name, value]) => `<saml:Attribute Name="${escapeXml(name)}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:basic"><saml:AttributeValue>${escapeXml(value)}</saml:AttributeValue></saml:Attribute>`)
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
  let xml =
    `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_${randomUUID()}" Version="2.0" IssueInstant="${at(issued)}" Destination="${escapeXml(options.acsUrl)}">` +
    `<saml:Issuer>${issuer}</saml:Issuer>` +
    `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>` +
    assertion +
    `</samlp:Response>`;
  const signed = options.signed ?? "assertion";
  if (signed === "assertion") xml = signElement(xml, options.key, "Assertion");
  if (signed === "response") xml = signElement(xml, options.key, "Response");
  return xml;
}

/** The SAMLResponse form value the ENT médiacentre would post (base64 of the XML). */
export function testSamlResponse(options: TestResponseOptions): string {
  return Buffer.from(testResponseXml(options), "utf8").toString("base64");
}

export const toSamlResponse = (xml: string) => Buffer.from(xml, "utf8").toString("base64");
