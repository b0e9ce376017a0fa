import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestSigningKey, testEncryptedResponseXml, testResponseXml, testSamlResponse, toSamlResponse, type TestResponseOptions } from "./support/test-identity-provider";

// A GAR without our key pair (no decryption) and with SHA-1 refused, the default.
const idpKey = createTestSigningKey();
process.env.SAML_IDP_ENTRY_POINT = "https://idp.gar.test/sso";
process.env.SAML_IDP_CERT = idpKey.certificatePem;
process.env.SAML_IDP_ENTITY_ID = "https://idp.gar.test/";
process.env.SAML_SP_ENTITY_ID = "https://pix-libre.test/api/saml/metadata";
delete process.env.SAML_SP_PRIVATE_KEY;
delete process.env.SAML_SP_CERT;
delete process.env.SAML_ALLOW_SHA1;

const { db } = await import("@/lib/db/client");
const { completeGarFirstArrival } = await import("@/lib/use-cases/gar/complete-gar-first-arrival");
const { createEstablishment } = await import("../../support/factories");
const { ACS_URL, LEA, UAI, captureWarnings, createLearner, exchange, pathOf, postToAcs, schoolWithLea } = await import("./support/gar-test-helpers");

function response(overrides: Partial<TestResponseOptions> = {}): TestResponseOptions {
  return { key: idpKey, attributes: LEA, audience: process.env.SAML_SP_ENTITY_ID!, acsUrl: ACS_URL, ...overrides };
}

let warnings: ReturnType<typeof captureWarnings>;
beforeEach(() => {
  warnings = captureWarnings();
});
afterEach(() => warnings.restore());

/** The only refusal line written since the last call, checked for names. */
function lastRefusalLine(): string {
  const lines = warnings.refusals();
  expect(lines).toHaveLength(1);
  warnings.lines.length = 0;
  const [line] = lines;
  expect(line).not.toMatch(/Léa|Lea|DUPONT|Dupont/);
  expect(line).not.toContain("\n");
  return line;
}

describe("GAR refusals leave one server log line: reason, assertion id, UAI received, never a name", () => {
  it("rejouee", async () => {
    await db.user.create({ data: { firstName: "Léa", lastName: "Dupont", samlId: LEA.IDO } });
    const samlResponse = testSamlResponse(response({ assertionId: "_assertion-deja-vue" }));
    expect((await postToAcs(samlResponse)).pathname).toBe("/connexion/sso");
    expect(warnings.refusals()).toEqual([]);
    expect(pathOf(await postToAcs(samlResponse))).toBe("/gar/erreur?raison=rejouee");
    expect(lastRefusalLine()).toBe('[GAR] connexion refusée : raison=rejouee assertion="_assertion-deja-vue" uai="0759999Z" détail="assertion déjà reçue"');
  });

  it("etablissement, with every UAI received", async () => {
    const location = await postToAcs(testSamlResponse(response({ assertionId: "_ecole-inconnue", attributes: { ...LEA, UAI: ["0000000X", "0000001Y"] } })));
    expect(pathOf(location)).toBe("/gar/erreur?raison=etablissement");
    expect(lastRefusalLine()).toBe('[GAR] connexion refusée : raison=etablissement assertion="_ecole-inconnue" uai="0000000X,0000001Y" détail="aucun UAI reçu n\'est inscrit"');
    expect(pathOf(await postToAcs(testSamlResponse(response({ assertionId: "_sans-uai", attributes: { IDO: LEA.IDO, PRE: "Léa", NOM: "DUPONT" } }))))).toBe("/gar/erreur?raison=etablissement");
    expect(lastRefusalLine()).toContain('raison=etablissement assertion="_sans-uai" uai=- détail="aucun UAI reçu"');
  });

  it("incomplete", async () => {
    const location = await postToAcs(testSamlResponse(response({ assertionId: "_sans-ido", attributes: { PRE: "Léa", NOM: "DUPONT", UAI } })));
    expect(pathOf(location)).toBe("/gar/erreur?raison=incomplete");
    expect(lastRefusalLine()).toMatch(/^\[GAR\] connexion refusée : raison=incomplete assertion="_sans-ido" uai=- détail=/);
  });

  it("expiree, whether node-saml (Conditions) or we (subject confirmation) see it", async () => {
    const issued = new Date(Date.now() - 20 * 60_000);
    const conditions = await postToAcs(testSamlResponse(response({ assertionId: "_perimee", issueInstant: issued, notOnOrAfter: new Date(Date.now() - 10 * 60_000) })));
    expect(pathOf(conditions)).toBe("/gar/erreur?raison=expiree");
    expect(lastRefusalLine()).toMatch(/raison=expiree assertion="_perimee" uai="0759999Z" détail="SAML assertion expired/);
    const subject = await postToAcs(testSamlResponse(response({ assertionId: "_sujet-perime", subjectNotOnOrAfter: new Date(Date.now() - 10 * 60_000) })));
    expect(pathOf(subject)).toBe("/gar/erreur?raison=expiree");
    expect(lastRefusalLine()).toMatch(/raison=expiree assertion="_sujet-perime" uai="0759999Z" détail="assertion expirée le /);
  });

  it("signature, and an assertion id made to forge log lines stays on one line", async () => {
    const forged = testResponseXml(response({ signed: "none", assertionId: "_x&#10;[GAR] tout va bien" }));
    expect(pathOf(await postToAcs(toSamlResponse(forged)))).toBe("/gar/erreur?raison=signature");
    expect(lastRefusalLine()).toMatch(/^\[GAR\] connexion refusée : raison=signature assertion="_x \[GAR\] tout va bien" /);
  });

  it("a form without SAMLResponse, or not XML at all", async () => {
    expect(pathOf(await postToAcs(""))).toBe("/gar/erreur?raison=invalide");
    expect(lastRefusalLine()).toContain("aucune SAMLResponse");
    expect(pathOf(await postToAcs(Buffer.from('<!DOCTYPE r [<!ENTITY a "aaaa">]><r>&a;</r>').toString("base64")))).toBe("/gar/erreur?raison=invalide");
    expect(lastRefusalLine()).toContain("SAMLResponse illisible");
  });
});

describe("GAR: what the assertion must be", () => {
  it("an encrypted assertion without SAML_SP_PRIVATE_KEY gets its own message (retrying cannot help)", async () => {
    await schoolWithLea();
    const ourCertificate = createTestSigningKey("SP").certificatePem;
    const location = await postToAcs(toSamlResponse(await testEncryptedResponseXml({ ...response(), encryptFor: ourCertificate })));
    expect(pathOf(location)).toBe("/gar/erreur?raison=chiffree");
    expect(lastRefusalLine()).toContain('raison=chiffree assertion=- uai=- détail="assertion chiffrée reçue, mais SAML_SP_PRIVATE_KEY n\'est pas configurée"');
    expect(await db.pendingSamlIdentity.count()).toBe(0);
  });

  it("comes from the configured identity provider (Issuer of the assertion and of the response)", async () => {
    await db.user.create({ data: { firstName: "Léa", lastName: "Dupont", samlId: LEA.IDO } });
    const otherPlatform = await postToAcs(testSamlResponse(response({ issuer: "https://idp-recette.gar.test/" })));
    expect(pathOf(otherPlatform)).toBe("/gar/erreur?raison=emetteur");
    expect(lastRefusalLine()).toContain("Issuer de la réponse inattendu : https://idp-recette.gar.test/");
    // The envelope is not signed when only the assertion is: both must name the GAR anyway.
    const assertionOnly = await postToAcs(testSamlResponse(response({ issuer: "https://idp-recette.gar.test/", responseIssuer: null })));
    expect(pathOf(assertionOnly)).toBe("/gar/erreur?raison=emetteur");
    expect(lastRefusalLine()).toContain("Issuer de l'assertion inattendu : https://idp-recette.gar.test/");
    const envelopeOnly = await postToAcs(testSamlResponse(response({ responseIssuer: "https://idp-recette.gar.test/" })));
    expect(pathOf(envelopeOnly)).toBe("/gar/erreur?raison=emetteur");
    // The Issuer of the response is optional in SAML; a pretty-printed Issuer is the same Issuer.
    expect((await postToAcs(testSamlResponse(response({ responseIssuer: null })))).pathname).toBe("/connexion/sso");
    expect((await postToAcs(testSamlResponse(response({ issuer: "\n    https://idp.gar.test/\n  " })))).pathname).toBe("/connexion/sso");
  });

  it("is not signed with SHA-1 (assertion or whole response)", async () => {
    await db.user.create({ data: { firstName: "Léa", lastName: "Dupont", samlId: LEA.IDO } });
    expect(pathOf(await postToAcs(testSamlResponse(response({ hash: "sha1" }))))).toBe("/gar/erreur?raison=signature");
    expect(lastRefusalLine()).toContain("signature SHA-1 refusée (http://www.w3.org/2000/09/xmldsig#rsa-sha1, http://www.w3.org/2000/09/xmldsig#sha1)");
    expect(pathOf(await postToAcs(testSamlResponse(response({ hash: "sha1", signed: "response" }))))).toBe("/gar/erreur?raison=signature");
    expect(lastRefusalLine()).toContain("SAML_ALLOW_SHA1=true");
    expect(await db.samlAssertion.count()).toBe(0);
    expect((await postToAcs(testSamlResponse(response({ signed: "response" })))).pathname).toBe("/connexion/sso");
  });
});

describe("GAR: several UAI values", () => {
  it("the registered one is used, wherever it comes in the list", async () => {
    const { lea } = await schoolWithLea();
    const location = await postToAcs(testSamlResponse(response({ attributes: { ...LEA, UAI: ["0000000X", UAI.toLowerCase()] } })));
    expect(location.pathname).toBe("/gar/premiere-connexion");
    const { signInToken } = await completeGarFirstArrival({ token: location.searchParams.get("token")!, birthdate: "2011-12-01" });
    const userId = await exchange(signInToken);
    expect((await db.learner.findUniqueOrThrow({ where: { id: lea.id } })).userId).toBe(userId);
  });

  it("two registered schools (a cité scolaire): the pupil is looked for in both rosters", async () => {
    await createEstablishment({ uai: "0750001A" });
    const lycee = await createEstablishment({ uai: "0750002B" });
    const zoe = await createLearner(lycee.id, { firstName: "Zoé", lastName: "MARTIN", birthdate: "2008-03-04" });
    const location = await postToAcs(testSamlResponse(response({ attributes: { IDO: "gar-ido-zoe", PRE: "Zoé", NOM: "MARTIN", UAI: ["0750001A", "0750002B"] } })));
    const { signInToken } = await completeGarFirstArrival({ token: location.searchParams.get("token")!, birthdate: "2008-03-04" });
    expect((await db.learner.findUniqueOrThrow({ where: { id: zoe.id } })).userId).toBe(await exchange(signInToken));
  });

  it("a school archived after the arrival no longer matches", async () => {
    const { establishment } = await schoolWithLea();
    const location = await postToAcs(testSamlResponse(response()));
    await db.establishment.update({ where: { id: establishment.id }, data: { archivedAt: new Date() } });
    await expect(completeGarFirstArrival({ token: location.searchParams.get("token")!, birthdate: "2011-12-01" })).rejects.toMatchObject({ code: "GAR_UNKNOWN_ESTABLISHMENT" });
  });
});
