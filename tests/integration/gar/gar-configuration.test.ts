import { describe, expect, it } from "vitest";
import { createTestSigningKey } from "./support/test-identity-provider";

// No GAR on this deployment (set before the first env() read).
delete process.env.SAML_IDP_ENTRY_POINT;
delete process.env.SAML_IDP_CERT;
delete process.env.SAML_SP_ENTITY_ID;

const { POST } = await import("@/app/api/saml/acs/route");
const { GET } = await import("@/app/api/saml/login/route");
const { certificatePem } = await import("@/lib/saml/certificate");
const { garIdentityOf } = await import("@/lib/saml/gar-attributes");
const { garRefusalMessage } = await import("@/lib/saml/refusal-reasons");

describe("GAR configuration", () => {
  it("answers 404 on /api/saml/* when the identity provider is not configured", async () => {
    expect((await GET()).status).toBe(404);
    const answer = await POST(new Request("http://localhost:3000/api/saml/acs", { method: "POST", body: new URLSearchParams({ SAMLResponse: "x" }) }));
    expect(answer.status).toBe(404);
  });

  it("reads the IdP certificate as PEM, PEM with escaped line breaks, or bare base64 body", () => {
    const { certificatePem: pem, privateKeyPem } = createTestSigningKey();
    const body = pem.replace(/-----[A-Z ]+-----/g, "").replace(/\s+/g, "");
    expect(certificatePem(pem)).toBe(pem);
    expect(certificatePem(pem.trim().replace(/\n/g, "\\n"))).toBe(pem);
    expect(certificatePem(body)).toBe(pem);
    expect(certificatePem(`  ${body.slice(0, 100)}\n ${body.slice(100)}  `)).toBe(pem);
    expect(certificatePem("pas un certificat")).toBeNull();
    expect(certificatePem(privateKeyPem)).toBeNull();
    expect(certificatePem(Buffer.from("bonjour").toString("base64"))).toBeNull();
  });

  it("maps the GAR attributes IDO, PRE, NOM and UAI", () => {
    expect(garIdentityOf({ IDO: " abc ", PRE: "Léa  Marie", NOM: "DUPONT", UAI: ["0759999z", "0750001A"] })).toEqual({ samlId: "abc", firstName: "Léa Marie", lastName: "DUPONT", uai: "0759999Z" });
    expect(garIdentityOf({ IDO: "abc", PRE: "Léa", NOM: "DUPONT" })).toEqual({ samlId: "abc", firstName: "Léa", lastName: "DUPONT", uai: null });
    expect(garIdentityOf({ IDO: "abc", PRE: "", NOM: "DUPONT" })).toBeNull();
    expect(garIdentityOf({ PRE: "Léa", NOM: "DUPONT" })).toBeNull();
  });

  it("explains every refusal in French, unknown reasons included", () => {
    expect(garRefusalMessage("rejouee")).toMatch(/déjà été utilisée/);
    expect(garRefusalMessage("__proto__")).toBe(garRefusalMessage("invalide"));
    expect(garRefusalMessage(undefined)).toBe(garRefusalMessage("invalide"));
  });
});
