import { describe, expect, it, vi } from "vitest";
import { createTestSigningKey, testResponseXml, testSamlResponse, toSamlResponse, type TestResponseOptions } from "./support/test-identity-provider";

// The first-arrival action records the client address in the audit log; outside a request, it is given here.
vi.mock("@/lib/auth/request-context", () => ({ clientAddress: async () => "203.0.113.50" }));

// The GAR of this test run: configured before the first env() read (which happens in the first beforeEach).
const idpKey = createTestSigningKey();
process.env.SAML_IDP_ENTRY_POINT = "https://idp.gar.test/sso";
process.env.SAML_IDP_CERT = idpKey.certificatePem;
process.env.SAML_IDP_ENTITY_ID = "https://idp.gar.test/";
process.env.SAML_SP_ENTITY_ID = "https://pix-libre.test/api/saml/metadata";

const { GET: startLogin } = await import("@/app/api/saml/login/route");
const { db } = await import("@/lib/db/client");
const { completeGarFirstArrival } = await import("@/lib/use-cases/gar/complete-gar-first-arrival");
const { findPendingGarIdentity } = await import("@/lib/use-cases/gar/find-pending-gar-identity");
const { ACCEPTED_CLOCK_SKEW_MS } = await import("@/lib/saml/service-provider");
const { createUser } = await import("../../support/factories");
const { completeGarFirstArrivalAction } = await import("@/lib/actions/gar-actions");
const { ACS_URL, LEA, UAI, captureWarnings, exchange, postToAcs, schoolWithLea } = await import("./support/gar-test-helpers");

function response(overrides: Partial<TestResponseOptions> = {}): TestResponseOptions {
  return { key: idpKey, attributes: LEA, audience: process.env.SAML_SP_ENTITY_ID!, acsUrl: ACS_URL, ...overrides };
}

describe("GAR sign-in (SAML assertion consumer service)", () => {
  it("sends a pupil starting from our site to the GAR with an AuthnRequest", async () => {
    const answer = await startLogin(new Request("http://localhost:3000/api/saml/login"));
    expect(answer.status).toBe(302);
    const location = new URL(answer.headers.get("location")!);
    expect(location.origin + location.pathname).toBe("https://idp.gar.test/sso");
    expect(location.searchParams.get("SAMLRequest")).toBeTruthy();
    // No key pair on this deployment: the request is not signed.
    expect(location.searchParams.get("Signature")).toBeNull();
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

describe("GAR RelayState: the page the sign-in was heading for, only when it is one of ours", () => {
  it("travels from ?retour= to the GAR (80 bytes at most), never to another site", async () => {
    const relayStateOf = async (retour: string) => {
      const answer = await startLogin(new Request(`http://localhost:3000/api/saml/login?retour=${encodeURIComponent(retour)}`));
      return new URL(answer.headers.get("location")!).searchParams.get("RelayState");
    };
    expect(await relayStateOf("/campagnes/ABCDEF234")).toBe("/campagnes/ABCDEF234");
    expect(await relayStateOf("http://localhost:3000/competences")).toBe("/competences");
    expect(await relayStateOf("https://attacker.invalid/")).toBeNull();
    expect(await relayStateOf("/\t/attacker.invalid/")).toBeNull();
    expect(await relayStateOf(`/campagnes/${"A".repeat(80)}`)).toBeNull();
  });

  it("comes back from the ACS to /connexion/sso and to the first-arrival page", async () => {
    const pupil = await db.user.create({ data: { firstName: "Léa", lastName: "Dupont", samlId: LEA.IDO } });
    const signedIn = await postToAcs(testSamlResponse(response()), "/campagnes/ABCDEF234");
    expect(signedIn.pathname).toBe("/connexion/sso");
    expect(signedIn.searchParams.get("retour")).toBe("/campagnes/ABCDEF234");
    expect(await exchange(signedIn.searchParams.get("token")!)).toBe(pupil.id);
    // The GAR may send the resource's full address.
    const absolute = await postToAcs(testSamlResponse(response()), "http://localhost:3000/competences");
    expect(absolute.searchParams.get("retour")).toBe("/competences");

    await schoolWithLea();
    const first = await postToAcs(testSamlResponse(response({ attributes: { ...LEA, IDO: "gar-ido-autre-lea" } })), "/campagnes/ABCDEF234");
    expect(first.pathname).toBe("/gar/premiere-connexion");
    expect(first.searchParams.get("retour")).toBe("/campagnes/ABCDEF234");
  });

  it.each([
    "https://attacker.invalid/",
    "//attacker.invalid/",
    "/\t/attacker.invalid/",
    "/\\attacker.invalid/",
    "/.//attacker.invalid/",
    "http://localhost:3000.attacker.invalid/",
    "javascript:alert(1)",
  ])("ignores the open-redirect attempt %j (logged, sign-in not hindered)", async (relayState) => {
    await db.user.create({ data: { firstName: "Léa", lastName: "Dupont", samlId: LEA.IDO } });
    const warnings = captureWarnings();
    try {
      const location = await postToAcs(testSamlResponse(response()), relayState);
      expect(location.origin).toBe("http://localhost:3000");
      expect(location.pathname).toBe("/connexion/sso");
      expect(location.searchParams.has("retour")).toBe(false);
      expect(warnings.lines).toEqual([expect.stringMatching(/^\[GAR\] RelayState ignoré \(pas une page de ce site\) : "/)]);
    } finally {
      warnings.restore();
    }
  });

  it("survives the birthdate form: the action checks it again before opening the session", async () => {
    await schoolWithLea();
    const redirectOf = async (retour: string) => {
      const pending = (await postToAcs(testSamlResponse(response()))).searchParams.get("token")!;
      const form = new FormData();
      for (const [name, value] of Object.entries({ token: pending, birthDay: "01", birthMonth: "12", birthYear: "2011", retour })) form.set(name, value);
      const redirect = await completeGarFirstArrivalAction({ ok: false }, form).then(
        () => null,
        (error: { digest?: string }) => error.digest ?? null,
      );
      // next/navigation's redirect() throws "NEXT_REDIRECT;<type>;<url>;<status>;".
      const url = new URL(redirect!.split(";")[2], "http://localhost:3000");
      await db.user.deleteMany({ where: { samlId: LEA.IDO } });
      await db.learner.updateMany({ data: { userId: null } });
      return url;
    };
    const followed = await redirectOf("/campagnes/ABCDEF234");
    expect(followed.pathname).toBe("/connexion/sso");
    expect(followed.searchParams.get("retour")).toBe("/campagnes/ABCDEF234");
    const ignored = await redirectOf("https://attacker.invalid/");
    expect(ignored.pathname).toBe("/connexion/sso");
    expect(ignored.searchParams.has("retour")).toBe(false);
  });
});
