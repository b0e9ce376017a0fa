import { describe, expect, it } from "vitest";
import { createTestSigningKey, testResponseXml, testSamlResponse, toSamlResponse, type TestResponseOptions } from "./support/test-identity-provider";

// The GAR of this test run: configured before the first env() read (which happens in the first beforeEach).
const idpKey = createTestSigningKey();
process.env.SAML_IDP_ENTRY_POINT = "https://idp.gar.test/sso";
process.env.SAML_IDP_CERT = idpKey.certificatePem;
process.env.SAML_SP_ENTITY_ID = "https://pix-libre.test/api/saml/metadata";

const { POST } = await import("@/app/api/saml/acs/route");
const { GET: startLogin } = await import("@/app/api/saml/login/route");
const { authOptions } = await import("@/lib/auth/options");
const { db } = await import("@/lib/db/client");
const { completeGarFirstArrival } = await import("@/lib/use-cases/gar/complete-gar-first-arrival");
const { findPendingGarIdentity } = await import("@/lib/use-cases/gar/find-pending-gar-identity");
const { ACCEPTED_CLOCK_SKEW_MS } = await import("@/lib/saml/service-provider");
const { createEstablishment, createUser } = await import("../../support/factories");

const UAI = "0759999Z";
const LEA = { IDO: "gar-ido-lea-0001", PRE: "Léa", NOM: "DUPONT", UAI };

function response(overrides: Partial<TestResponseOptions> = {}): TestResponseOptions {
  return { key: idpKey, attributes: LEA, audience: process.env.SAML_SP_ENTITY_ID!, acsUrl: "http://localhost:3000/api/saml/acs", ...overrides };
}

/** What the browser does after the ENT posts the form: the ACS answers with a redirect. */
async function postToAcs(samlResponse: string): Promise<URL> {
  const answer = await POST(new Request("http://localhost:3000/api/saml/acs", { method: "POST", body: new URLSearchParams({ SAMLResponse: samlResponse, RelayState: "" }) }));
  expect(answer.status).toBe(303);
  return new URL(answer.headers.get("location")!);
}

/** The "sso-token" next-auth provider, as /connexion/sso uses it: the user id of the opened session, or null. */
async function exchange(token: string): Promise<number | null> {
  // next-auth merges a credentials provider's options (id, authorize) when it handles a request.
  type Credentials = { options: { id?: string; authorize: (credentials: { token: string }) => Promise<{ id: string } | null> } };
  const provider = (authOptions().providers as unknown as Credentials[]).find((candidate) => candidate.options?.id === "sso-token")!;
  const user = await provider.options.authorize({ token });
  return user ? Number(user.id) : null;
}

async function schoolWithLea() {
  const establishment = await createEstablishment({ uai: UAI });
  const learner = (data: { firstName: string; lastName: string; birthdate: string; isDisabled?: boolean; userId?: number }) =>
    db.learner.create({
      data: { establishmentId: establishment.id, nationalStudentId: `INE${Math.random().toString(36).slice(2, 10)}`, division: "4A", ...data, birthdate: new Date(`${data.birthdate}T00:00:00Z`) },
    });
  const lea = await learner({ firstName: "Léa", lastName: "DUPONT", birthdate: "2011-12-01" });
  await learner({ firstName: "Léo", lastName: "DUPONT", birthdate: "2011-12-01" });
  await learner({ firstName: "Léa", lastName: "DUPONT", birthdate: "2012-05-05", isDisabled: true });
  return { establishment, lea, learner };
}

describe("GAR sign-in (SAML assertion consumer service)", () => {
  it("sends a pupil starting from our site to the GAR with an AuthnRequest", async () => {
    const answer = await startLogin();
    expect(answer.status).toBe(302);
    const location = new URL(answer.headers.get("location")!);
    expect(location.origin + location.pathname).toBe("https://idp.gar.test/sso");
    expect(location.searchParams.get("SAMLRequest")).toBeTruthy();
  });

  it("signs a returning pupil in directly, with a single-use token", async () => {
    const pupil = await db.user.create({ data: { firstName: "Léa", lastName: "Dupont", samlId: LEA.IDO } });
    const location = await postToAcs(testSamlResponse(response()));
    expect(location.pathname).toBe("/connexion/sso");
    const token = location.searchParams.get("token")!;
    expect(await exchange(token)).toBe(pupil.id);
    expect(await exchange(token)).toBeNull();
  });

  it("also accepts a response signed as a whole (assertion inside)", async () => {
    const pupil = await db.user.create({ data: { firstName: "Léa", lastName: "Dupont", samlId: LEA.IDO } });
    const location = await postToAcs(testSamlResponse(response({ signed: "response" })));
    expect(await exchange(location.searchParams.get("token")!)).toBe(pupil.id);
  });

  it("matches a first arrival to the roster with the birthdate: account created with the GAR id, learner linked", async () => {
    const { lea } = await schoolWithLea();
    const location = await postToAcs(testSamlResponse(response({ attributes: { ...LEA, PRE: "Lea", NOM: "Dupont" } })));
    expect(location.pathname).toBe("/gar/premiere-connexion");
    const pending = location.searchParams.get("token")!;
    expect(await findPendingGarIdentity(pending)).toEqual({ firstName: "Lea", lastName: "Dupont" });

    const { signInToken } = await completeGarFirstArrival({ token: pending, birthdate: "2011-12-01" });
    const userId = await exchange(signInToken);
    const user = await db.user.findUniqueOrThrow({ where: { id: userId! }, select: { samlId: true, firstName: true, lastName: true, birthdate: true, passwordHash: true, email: true, username: true } });
    // Names come from the roster, not from the ENT.
    expect(user).toEqual({ samlId: LEA.IDO, firstName: "Léa", lastName: "DUPONT", birthdate: new Date("2011-12-01T00:00:00Z"), passwordHash: null, email: null, username: null });
    expect((await db.learner.findUniqueOrThrow({ where: { id: lea.id } })).userId).toBe(userId);

    // The first-arrival link is used up; the next arrival from the ENT signs in directly.
    expect(await findPendingGarIdentity(pending)).toBeNull();
    await expect(completeGarFirstArrival({ token: pending, birthdate: "2011-12-01" })).rejects.toMatchObject({ code: "GAR_PENDING_EXPIRED" });
    const again = await postToAcs(testSamlResponse(response()));
    expect(again.pathname).toBe("/connexion/sso");
    expect(await exchange(again.searchParams.get("token")!)).toBe(userId);
  });

  it("says in French when no pupil of the school matches, and lets the pupil correct the birthdate", async () => {
    await schoolWithLea();
    const pending = (await postToAcs(testSamlResponse(response()))).searchParams.get("token")!;
    await expect(completeGarFirstArrival({ token: pending, birthdate: "2011-12-02" })).rejects.toMatchObject({
      code: "GAR_NO_MATCH",
      field: "birthdate",
      message: expect.stringContaining("Nous ne trouvons pas Léa DUPONT, né(e) le 02/12/2011, dans la liste des élèves"),
    });
    // A disabled learner is no candidate either.
    await expect(completeGarFirstArrival({ token: pending, birthdate: "2012-05-05" })).rejects.toMatchObject({ code: "GAR_NO_MATCH" });
    expect(await db.user.count({ where: { samlId: LEA.IDO } })).toBe(0);
    await completeGarFirstArrival({ token: pending, birthdate: "2011-12-01" });
    expect(await db.user.count({ where: { samlId: LEA.IDO } })).toBe(1);
  });

  it("does not hand a pupil already linked to another account over to a new GAR account", async () => {
    const { lea } = await schoolWithLea();
    const owner = await createUser({ email: "lea.dupont@example.org" });
    await db.learner.update({ where: { id: lea.id }, data: { userId: owner.id } });
    const pending = (await postToAcs(testSamlResponse(response()))).searchParams.get("token")!;
    await expect(completeGarFirstArrival({ token: pending, birthdate: "2011-12-01" })).rejects.toMatchObject({ code: "LEARNER_ALREADY_LINKED" });
    expect(await db.user.count({ where: { samlId: LEA.IDO } })).toBe(0);
  });

  it("refuses a first arrival from a school that is not on the platform", async () => {
    const location = await postToAcs(testSamlResponse(response({ attributes: { ...LEA, UAI: "0000000X" } })));
    expect(location.pathname + location.search).toBe("/gar/erreur?raison=etablissement");
  });

  it("refuses a replayed assertion, remembered until its NotOnOrAfter", async () => {
    await db.user.create({ data: { firstName: "Léa", lastName: "Dupont", samlId: LEA.IDO } });
    const notOnOrAfter = new Date(Date.now() + 4 * 60_000);
    const samlResponse = testSamlResponse(response({ assertionId: "_assertion-rejouee", notOnOrAfter }));
    expect((await postToAcs(samlResponse)).pathname).toBe("/connexion/sso");
    const replay = await postToAcs(samlResponse);
    expect(replay.pathname + replay.search).toBe("/gar/erreur?raison=rejouee");
    const remembered = await db.samlAssertion.findUniqueOrThrow({ where: { id: "_assertion-rejouee" } });
    expect(remembered.expiresAt.getTime()).toBe(Math.floor(notOnOrAfter.getTime()) + ACCEPTED_CLOCK_SKEW_MS);
  });

  it("refuses an unsigned response", async () => {
    const location = await postToAcs(testSamlResponse(response({ signed: "none" })));
    expect(location.pathname + location.search).toBe("/gar/erreur?raison=signature");
    expect(await db.pendingSamlIdentity.count()).toBe(0);
  });

  it("refuses an expired assertion (Conditions or subject confirmation)", async () => {
    const issued = new Date(Date.now() - 20 * 60_000);
    const expired = await postToAcs(testSamlResponse(response({ issueInstant: issued, notOnOrAfter: new Date(Date.now() - 10 * 60_000) })));
    expect(expired.pathname + expired.search).toBe("/gar/erreur?raison=expiree");
    const subjectExpired = await postToAcs(testSamlResponse(response({ subjectNotOnOrAfter: new Date(Date.now() - 10 * 60_000) })));
    expect(subjectExpired.pathname + subjectExpired.search).toBe("/gar/erreur?raison=expiree");
  });

  it("refuses an assertion signed with another key, even when it carries its own certificate", async () => {
    const location = await postToAcs(testSamlResponse(response({ key: createTestSigningKey("Faux GAR") })));
    expect(location.pathname + location.search).toBe("/gar/erreur?raison=signature");
  });

  it("refuses a signed assertion modified afterwards", async () => {
    await db.user.create({ data: { firstName: "Autre", lastName: "Élève", samlId: "gar-ido-autre" } });
    const tampered = testResponseXml(response()).replace(`>${LEA.IDO}<`, ">gar-ido-autre<");
    const location = await postToAcs(toSamlResponse(tampered));
    expect(location.pathname + location.search).toBe("/gar/erreur?raison=signature");
  });

  it("refuses an assertion meant for another service provider, or without the GAR identity", async () => {
    const otherAudience = await postToAcs(testSamlResponse(response({ audience: "https://autre-ressource.test/" })));
    expect(otherAudience.pathname + otherAudience.search).toBe("/gar/erreur?raison=invalide");
    const withoutIdo = await postToAcs(testSamlResponse(response({ attributes: { PRE: "Léa", NOM: "DUPONT", UAI } })));
    expect(withoutIdo.pathname + withoutIdo.search).toBe("/gar/erreur?raison=incomplete");
    const garbage = await postToAcs(Buffer.from("<pas du SAML").toString("base64"));
    expect(garbage.pathname + garbage.search).toBe("/gar/erreur?raison=invalide");
  });
});
