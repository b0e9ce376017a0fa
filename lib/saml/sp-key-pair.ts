import { X509Certificate, createPrivateKey } from "node:crypto";

/**
 * Our service provider's RSA private key as a PKCS#8 PEM, from a setting written as PEM (PKCS#8 or PKCS#1, real
 * line breaks or "\n" escapes as hosting panels store them). Null when it is not an unencrypted RSA private key:
 * node-saml signs AuthnRequests with RSA-SHA256 and xml-encryption unwraps the GAR's session key with RSA-OAEP.
 */
export function privateKeyPem(setting: string): string | null {
  const text = setting.replace(/\\n/g, "\n").trim();
  if (!/^-----BEGIN (RSA )?PRIVATE KEY-----/.test(text)) return null;
  try {
    const key = createPrivateKey({ key: text, format: "pem" });
    if (key.asymmetricKeyType !== "rsa") return null;
    return key.export({ type: "pkcs8", format: "pem" }).toString();
  } catch {
    return null;
  }
}

/** True when the certificate carries the public half of this private key (a mismatch would publish a key we cannot use). */
export function certificateMatchesKey(certificatePem: string, keyPem: string): boolean {
  try {
    return new X509Certificate(certificatePem).checkPrivateKey(createPrivateKey(keyPem));
  } catch {
    return false;
  }
}
