import { X509Certificate } from "node:crypto";

const PEM_ARMOUR = /-----(BEGIN|END) CERTIFICATE-----/g;

/**
 * The identity provider's certificate as a clean PEM, from a setting written either as a full PEM (real line
 * breaks, or "\n" escapes as many hosting panels store them) or as the bare base64 body copied from the IdP
 * metadata (<ds:X509Certificate>). Null when the text is not an X.509 certificate.
 */
export function certificatePem(setting: string): string | null {
  const body = setting.replace(/\\n/g, "\n").replace(PEM_ARMOUR, "").replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return null;
  const pem = `-----BEGIN CERTIFICATE-----\n${body.match(/.{1,64}/g)!.join("\n")}\n-----END CERTIFICATE-----\n`;
  try {
    new X509Certificate(pem);
    return pem;
  } catch {
    return null;
  }
}
