import "server-only";
import { DOMParser } from "@xmldom/xmldom";
import { GAR_ATTRIBUTES } from "./gar-attributes";

const PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
const ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion";
const DSIG = "http://www.w3.org/2000/09/xmldsig#";

/**
 * What a SAMLResponse says about itself before any signature is checked. Nothing here decides that a message is
 * authentic (node-saml does): the outline only refuses earlier (malformed XML, an encrypted assertion we cannot
 * read, a foreign Issuer, SHA-1) and names the assertion and the UAI in the log line of a refusal.
 * It uses the XML parser node-saml uses (@xmldom/xmldom), so both read the same elements.
 */
export type SamlResponseOutline = {
  /** Response/Issuer: optional in SAML, unsigned when only the assertion is signed. */
  responseIssuer: string | null;
  /** Response/Assertion@ID of a plain assertion (unverified, for the log). */
  assertionId: string | null;
  /** The UAI values of a plain assertion (unverified, for the log). */
  uais: string[];
  /** Response/EncryptedAssertion as XML, for xml-encryption; null when the assertion is not encrypted. */
  encryptedAssertionXml: string | null;
  /** SHA-1 algorithms used by the signatures visible in the message (SignatureMethod, Reference digests). */
  sha1Algorithms: string[];
};

const ELEMENT_NODE = 1;

/** The document, or null when it is not well-formed XML or carries a DOCTYPE (a SAML message never does). */
function parse(xml: string) {
  if (/<!DOCTYPE/i.test(xml)) return null;
  let failed = false;
  const fail = () => {
    failed = true;
  };
  const document = new DOMParser({ locator: {}, errorHandler: { warning: () => undefined, error: fail, fatalError: fail } }).parseFromString(xml, "text/xml");
  return failed || !document?.documentElement ? null : document;
}

const childElements = (node: Node, namespace: string, localName: string): Element[] =>
  Array.from({ length: node.childNodes.length }, (_, index) => node.childNodes.item(index)).filter(
    (child): child is Element => child.nodeType === ELEMENT_NODE && (child as Element).namespaceURI === namespace && (child as Element).localName === localName,
  );

const text = (element: Element | undefined) => element?.textContent?.trim() || null;

/** Algorithms of SHA-1 in ds:Signature elements: SignedInfo/SignatureMethod and Reference/DigestMethod (not the RSA-OAEP digest of an EncryptedKey). */
function sha1Algorithms(root: Element): string[] {
  const methods = (localName: string, parentName: string) =>
    Array.from(root.getElementsByTagNameNS(DSIG, localName))
      .filter((method) => (method.parentNode as Element | null)?.namespaceURI === DSIG && (method.parentNode as Element).localName === parentName)
      .map((method) => method.getAttribute("Algorithm") ?? "");
  return [...methods("SignatureMethod", "SignedInfo"), ...methods("DigestMethod", "Reference")].filter((algorithm) => /sha1$/i.test(algorithm));
}

function uaiValues(assertion: Element | undefined): string[] {
  if (!assertion) return [];
  return childElements(assertion, ASSERTION, "AttributeStatement")
    .flatMap((statement) => childElements(statement, ASSERTION, "Attribute"))
    .filter((attribute) => attribute.getAttribute("Name") === GAR_ATTRIBUTES.uai)
    .flatMap((attribute) => childElements(attribute, ASSERTION, "AttributeValue"))
    .map((value) => text(value))
    .filter((value): value is string => value !== null);
}

/** The outline of a SAMLResponse's XML, or null when it is not a well-formed samlp:Response. */
export function outlineSamlResponse(xml: string): SamlResponseOutline | null {
  const response = parse(xml)?.documentElement;
  if (!response || response.namespaceURI !== PROTOCOL || response.localName !== "Response") return null;
  const [assertion] = childElements(response, ASSERTION, "Assertion");
  const [encrypted] = childElements(response, ASSERTION, "EncryptedAssertion");
  return {
    responseIssuer: text(childElements(response, ASSERTION, "Issuer")[0]),
    assertionId: assertion?.getAttribute("ID") || null,
    uais: uaiValues(assertion),
    encryptedAssertionXml: encrypted ? encrypted.toString() : null,
    sha1Algorithms: sha1Algorithms(response),
  };
}

/** SHA-1 algorithms in the signature of a decrypted assertion; null when that XML is not an assertion. */
export function sha1AlgorithmsOfAssertion(xml: string): string[] | null {
  const assertion = parse(xml)?.documentElement;
  if (!assertion || assertion.namespaceURI !== ASSERTION || assertion.localName !== "Assertion") return null;
  return sha1Algorithms(assertion);
}
