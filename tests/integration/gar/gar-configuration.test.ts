import { describe, expect, it } from "vitest";
import { createTestSigningKey } from "./support/test-identity-provider";

// No GAR on this deployment (set before the first env() read).
delete process.env.SAML_IDP_ENTRY_POINT;
delete process.env.SAML_IDP_CERT;
delete process.env.SAML_IDP_ENTITY_ID;
delete process.env.SAML_SP_ENTITY_ID;

const { POST } = await import("@/app/api/saml/acs/route");
const { GET } = await import("@/app/api/saml/login/route");
const { GET: metadata } = await import("@/app/api/saml/metadata/route");
const { parseEnvironment } = await import("@/lib/env");
const { certificatePem } = await import("@/lib/saml/certificate");
const { privateKeyPem } = await import("@/lib/saml/sp-key-pair");
const { garIdentityOf } = await import("@/lib/saml/gar-attributes");
const { garRefusalMessage } = await import("@/lib/saml/refusal-reasons");

const idp = createTestSigningKey();
const sp = createTestSigningKey("SP de test");
const GAR = { DATABASE_URL: "postgresql://x@localhost/x", SAML_IDP_ENTRY_POINT: "https://idp.gar.test/sso", SAML_IDP_CERT: idp.certificatePem, SAML_IDP_ENTITY_ID: "https://idp.gar.test/" };

describe("GAR configuration", () => {
  it("answers 404 on /api/saml/* when the identity provider is not configured", async () => {
    expect((await GET(new Request("http://localhost:3000/api/saml/login"))).status).toBe(404);
    expect((await metadata()).status).toBe(404);
    const answer = await POST(new Request("http://localhost:3000/api/saml/acs", { method: "POST", body: new URLSearchParams({ SAMLResponse: "x" }) }));
    expect(answer.status).toBe(404);
  });

  it("reads the IdP certificate as PEM, PEM with escaped line breaks, or bare base64 body", () => {
    const { certificatePem: pem, privateKeyPem: keyPem } = createTestSigningKey();
    const body = pem.replace(/-----[A-Z ]+-----/g, "").replace(/\s+/g, "");
    expect(certificatePem(pem)).toBe(pem);
    expect(certificatePem(pem.trim().replace(/\n/g, "\\n"))).toBe(pem);
    expect(certificatePem(body)).toBe(pem);
    expect(certificatePem(`  ${body.slice(0, 100)}\n ${body.slice(100)}  `)).toBe(pem);
    expect(certificatePem("pas un certificat")).toBeNull();
    expect(certificatePem(keyPem)).toBeNull();
    expect(certificatePem(Buffer.from("bonjour").toString("base64"))).toBeNull();
  });

  it("reads our private key as PKCS#8 or PKCS#1 PEM, with real or escaped line breaks, and nothing else", async () => {
    const { createPrivateKey, generateKeyPairSync } = await import("node:crypto");
    const pkcs1 = createPrivateKey(sp.privateKeyPem).export({ type: "pkcs1", format: "pem" }).toString();
    expect(privateKeyPem(sp.privateKeyPem)).toBe(sp.privateKeyPem);
    expect(privateKeyPem(pkcs1)).toBe(sp.privateKeyPem);
    expect(privateKeyPem(sp.privateKeyPem.trim().replace(/\n/g, "\\n"))).toBe(sp.privateKeyPem);
    expect(privateKeyPem(sp.certificatePem)).toBeNull();
    expect(privateKeyPem("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----")).toBeNull();
    const ec = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    expect(privateKeyPem(ec)).toBeNull();
    const encrypted = createPrivateKey(sp.privateKeyPem).export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase: "secret" }).toString();
    expect(privateKeyPem(encrypted)).toBeNull();
  });

  it("stops at start-up, in French, on a GAR configuration that would not check what it receives", () => {
    expect(parseEnvironment(GAR).SAML_IDP_ENTITY_ID).toBe("https://idp.gar.test/");
    expect(() => parseEnvironment({ ...GAR, SAML_IDP_ENTITY_ID: " " })).toThrow(/SAML_IDP_ENTITY_ID est obligatoire avec le GAR/);
    expect(() => parseEnvironment({ ...GAR, SAML_SP_PRIVATE_KEY: sp.privateKeyPem })).toThrow(/SAML_SP_PRIVATE_KEY et SAML_SP_CERT vont ensemble/);
    expect(() => parseEnvironment({ ...GAR, SAML_SP_CERT: sp.certificatePem })).toThrow(/SAML_SP_PRIVATE_KEY et SAML_SP_CERT vont ensemble/);
    expect(() => parseEnvironment({ ...GAR, SAML_SP_PRIVATE_KEY: sp.privateKeyPem, SAML_SP_CERT: idp.certificatePem })).toThrow(/n'est pas le certificat de la clé/);
    expect(() => parseEnvironment({ ...GAR, SAML_SP_PRIVATE_KEY: "clé", SAML_SP_CERT: sp.certificatePem })).toThrow(/SAML_SP_PRIVATE_KEY doit être une clé privée RSA/);
    expect(() => parseEnvironment({ ...GAR, SAML_ALLOW_SHA1: "oui" })).toThrow(/SAML_ALLOW_SHA1 vaut true ou false/);
    const withKey = parseEnvironment({ ...GAR, SAML_SP_PRIVATE_KEY: sp.privateKeyPem.replace(/\n/g, "\\n"), SAML_SP_CERT: sp.certificatePem, SAML_ALLOW_SHA1: "true" });
    expect(withKey.SAML_SP_PRIVATE_KEY).toBe(sp.privateKeyPem);
    expect(withKey.SAML_ALLOW_SHA1).toBe("true");
  });

  it("maps the GAR attributes IDO, PRE, NOM and every UAI", () => {
    expect(garIdentityOf({ IDO: " abc ", PRE: "Léa  Marie", NOM: "DUPONT", UAI: ["0759999z", " 0750001A", "0759999Z"] })).toEqual({
      samlId: "abc",
      firstName: "Léa Marie",
      lastName: "DUPONT",
      uais: ["0759999Z", "0750001A"],
    });
    expect(garIdentityOf({ IDO: "abc", PRE: "Léa", NOM: "DUPONT" })).toEqual({ samlId: "abc", firstName: "Léa", lastName: "DUPONT", uais: [] });
    expect(garIdentityOf({ IDO: "abc", PRE: "Léa", NOM: "DUPONT", UAI: ["x".repeat(21), "0759999Z"] })?.uais).toEqual(["0759999Z"]);
    expect(garIdentityOf({ IDO: "abc", PRE: "", NOM: "DUPONT" })).toBeNull();
    expect(garIdentityOf({ PRE: "Léa", NOM: "DUPONT" })).toBeNull();
  });

  it("explains every refusal in French, unknown reasons included", () => {
    expect(garRefusalMessage("rejouee")).toMatch(/déjà été utilisée/);
    expect(garRefusalMessage("chiffree")).toMatch(/réessayer ne changera rien/);
    expect(garRefusalMessage("__proto__")).toBe(garRefusalMessage("invalide"));
    expect(garRefusalMessage(undefined)).toBe(garRefusalMessage("invalide"));
  });
});
