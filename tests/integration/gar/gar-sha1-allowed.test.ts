import { describe, expect, it } from "vitest";
import { createTestSigningKey, testSamlResponse } from "./support/test-identity-provider";

// A deployment whose GAR still signs with SHA-1, accepted on purpose.
const idpKey = createTestSigningKey();
process.env.SAML_IDP_ENTRY_POINT = "https://idp.gar.test/sso";
process.env.SAML_IDP_CERT = idpKey.certificatePem;
process.env.SAML_IDP_ENTITY_ID = "https://idp.gar.test/";
process.env.SAML_SP_ENTITY_ID = "https://pix-libre.test/api/saml/metadata";
process.env.SAML_ALLOW_SHA1 = "true";

const { db } = await import("@/lib/db/client");
const { ACS_URL, LEA, exchange, postToAcs } = await import("./support/gar-test-helpers");

describe("GAR with SAML_ALLOW_SHA1=true", () => {
  it("accepts an assertion signed with RSA-SHA1, still only with the GAR's certificate", async () => {
    const pupil = await db.user.create({ data: { firstName: "Léa", lastName: "Dupont", samlId: LEA.IDO } });
    const response = { key: idpKey, attributes: LEA, audience: process.env.SAML_SP_ENTITY_ID!, acsUrl: ACS_URL, hash: "sha1" as const };
    expect(await exchange((await postToAcs(testSamlResponse(response))).searchParams.get("token")!)).toBe(pupil.id);
    const forged = await postToAcs(testSamlResponse({ ...response, key: createTestSigningKey("Faux GAR") }));
    expect(forged.pathname + forged.search).toBe("/gar/erreur?raison=signature");
  });
});
