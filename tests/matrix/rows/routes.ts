/** Route handlers, one row per method that answers (the matrix finds the methods over HTTP: 405 means absent). */
import { readFileSync } from "node:fs";
import path from "node:path";
import { createTestSigningKey, testSamlResponse } from "../../integration/gar/support/test-identity-provider";
import { allowedFor, EVERYONE, fieldsToForm, SIGNED_IN, type Call, type Row } from "../support/matrix";
import { PASSWORD, SECRETS, type World } from "../support/world";

const FIXTURES = path.resolve(import.meta.dirname, "../../fixtures/saml");
/** The TEST identity provider the matrix server trusts (see global-setup), and a forger's key it does not trust. */
const trustedKey = { privateKeyPem: readFileSync(path.join(FIXTURES, "idp-test-key.pem"), "utf8"), certificatePem: readFileSync(path.join(FIXTURES, "idp-test-cert.pem"), "utf8") };
let forgerKey: ReturnType<typeof createTestSigningKey> | undefined;

function samlPost(w: World, key: typeof trustedKey, ido: string) {
  const samlResponse = testSamlResponse({
    key,
    attributes: { IDO: ido, PRE: "Jade", NOM: "Zqgarnew", UAI: w.schoolA.uai },
    audience: `${w.baseUrl}/api/saml/metadata`,
    acsUrl: `${w.baseUrl}/api/saml/acs`,
  });
  return { method: "POST", route: "/api/saml/acs", body: new URLSearchParams({ SAMLResponse: samlResponse }), headers: { origin: "null" } };
}

/** The question page's form, as a browser posts it (url-encoded), naming A1's campaign and current question. */
const answerForm = (w: World, intent: string) => new URLSearchParams({ code: w.campaigns.a2.code, challengeId: w.a1CurrentChallenge, kind: "choices", intent });

export const ROUTES: Row[] = [
  {
    entry: "GET /campagnes/[code]/evaluation",
    rule: "The question page (a route handler, ADR 0017): only the pupil whose assessment it is (A1 in a2) gets its current question; anyone else is sent to the login or the landing page.",
    probe: (w) => ({ method: "GET", route: `/campagnes/${w.campaigns.a2.code}/evaluation` }),
    allowed: { pupil: { status: 200, shows: ["Question"] } },
    refusal: { status: [307, 404] },
  },
  {
    entry: "POST /campagnes/[code]/evaluation",
    rule: "Answering with the page's script (header X-Pix-Flow, JSON reply): only in one's own assessment (A1 in a2), whatever campaign code and challenge the form names; the session is checked inside the answer's transaction (ADR 0013).",
    probe: (w) => ({ method: "POST", route: `/campagnes/${w.campaigns.a2.code}/evaluation`, body: answerForm(w, "skip"), headers: { "x-pix-flow": "1" } }),
    allowed: { pupil: { status: 200, shows: ['"ok":true'], changes: ["answers", "assessments"] } },
  },
  {
    entry: "POST /campagnes/[code]/evaluation",
    rule: "Answering without JavaScript (plain form, 303 to the page to show): the same rule; the answer was already recorded by the row above, so A1's replay only proves it is not recorded twice.",
    probe: (w) => ({ method: "POST", route: `/campagnes/${w.campaigns.a2.code}/evaluation`, body: answerForm(w, "skip") }),
    allowed: { pupil: { redirect: /\/campagnes\/\w+\/(evaluation|checkpoint)$/ } },
  },
  {
    entry: "POST /campagnes/[code]/evaluation",
    rule: "Answering without JavaScript from the page of a refusal past capacity (the form as first sent, then its proof of first arrival as a field, ADR 0013 « 07/12 (16) »): the same rule; the field only dates the answer (a forged one is ignored), it names no one.",
    probe: (w) => ({ method: "POST", route: `/campagnes/${w.campaigns.a2.code}/evaluation`, body: new URLSearchParams([...answerForm(w, "skip"), ["arrival", `${Date.now() - 1_000}.${"A".repeat(43)}`]]) }),
    allowed: { pupil: { redirect: /\/campagnes\/\w+\/(evaluation|checkpoint)$/ } },
  },
  {
    entry: "POST /campagnes/[code]/evaluation",
    rule: "« Commencer » before a timed question: only in one's own assessment; a stale or foreign question starts nothing and leads back to the question page.",
    probe: (w) => ({ method: "POST", route: `/campagnes/${w.campaigns.a2.code}/evaluation`, body: answerForm(w, "start-timer") }),
    allowed: { pupil: { redirect: /\/campagnes\/\w+\/evaluation$/ } },
  },
  {
    entry: "POST /deconnexion",
    rule: "« Se déconnecter » from the question page (plain form): ends the caller's own session only; it takes no id, a form posted by another site ends nothing (403 from proxy.ts).",
    probe: () => ({ method: "POST", route: "/deconnexion", body: new URLSearchParams({ retour: "/" }), headers: { origin: "https://attacker.invalid" } }),
    controls: [
      { as: "plainQuitter", call: () => ({ method: "POST", route: "/deconnexion", body: new URLSearchParams({ retour: "/\t/attacker.invalid/" }) }), proof: { redirect: /^(http:\/\/[^/]+)?\/$/, changes: ["revoked_sessions"] } },
      { as: "plainQuitter", call: () => ({ page: "/mon-compte" }), proof: { redirect: /\/connexion/ } },
    ],
  },
  { entry: "GET /icon.svg", rule: "Public: the favicon (app/icon.svg), the same file for everyone.", probe: () => ({ method: "GET", route: "/icon.svg" }), allowed: allowedFor(EVERYONE, { status: 200 }) },
  { entry: "GET /favicon.ico", rule: "Public: the favicon for clients that ask /favicon.ico (app/favicon.ico).", probe: () => ({ method: "GET", route: "/favicon.ico" }), allowed: allowedFor(EVERYONE, { status: 200 }) },
  { entry: "GET /api/health", rule: "Public (load balancer).", probe: () => ({ method: "GET", route: "/api/health" }), allowed: allowedFor(EVERYONE, { status: 200 }) },
  {
    entry: "GET /api/auth/[...nextauth]",
    rule: "next-auth's public endpoints.",
    probe: () => [
      { method: "GET", route: "/api/auth/csrf" },
      { method: "GET", route: "/api/auth/providers" },
      { method: "GET", route: "/api/auth/signin" },
    ],
    allowed: allowedFor(EVERYONE, {}),
  },
  {
    entry: "GET /api/auth/[...nextauth]",
    rule: "/api/auth/session tells nothing about the account (pages read the session on the server, checked).",
    probe: () => ({ method: "GET", route: "/api/auth/session" }),
    allowed: allowedFor(EVERYONE, { status: 200 }),
  },
  {
    entry: "POST /api/auth/[...nextauth]",
    rule: "Only an unused single-use GAR token opens a session here; passwords go through the login action (the credentials provider is gone, even with the right password).",
    probe: (w): Call[] => [
      { signIn: "credentials", fields: { login: w.logins.pupil.login, password: PASSWORD } },
      { signIn: "credentials", fields: { login: w.logins.pupil.login, password: "Mauvais-mot-de-passe-1!" } },
      { signIn: "sso-token", fields: { token: "jeton-invente-par-un-attaquant" } },
      // Without the CSRF token of the login form.
      { method: "POST", route: "/api/auth/callback/credentials", body: new URLSearchParams({ login: w.logins.pupil.login, password: PASSWORD }) },
      { method: "POST", route: "/api/auth/callback/sso-token", body: new URLSearchParams({ token: SECRETS.signInToken }) },
    ],
    controls: [{ as: "anonymous", call: () => ({ signIn: "sso-token", fields: { token: SECRETS.signInToken } }), proof: { opensSession: true, changes: ["sign_in_tokens"] } }],
  },
  {
    entry: "GET /api/campagnes/[id]/export",
    rule: "The CSV of a campaign: the members of its establishment only.",
    probe: (w) => ({ method: "GET", route: `/api/campagnes/${w.campaigns.a1.id}/export` }),
    allowed: allowedFor(["member", "admin"], { status: 200, shows: ["Zqpupila", "Zqexterne"] }),
    refusal: { status: [404] },
  },
  {
    entry: "GET /api/campagnes/[id]/export",
    rule: "The other way round: the CSV of school B's campaign is B's only.",
    probe: (w) => ({ method: "GET", route: `/api/campagnes/${w.campaigns.b1.id}/export` }),
    allowed: { otherAdmin: { status: 200 } },
    refusal: { status: [404] },
  },
  {
    entry: "GET /api/campagnes/[id]/suivi",
    rule: "« Suivi en direct » as JSON (the page's polling fallback): the members of the campaign's establishment only.",
    probe: (w) => ({ method: "GET", route: `/api/campagnes/${w.campaigns.a1.id}/suivi` }),
    allowed: allowedFor(["member", "admin"], { status: 200, shows: ["Zqpupila"] }),
    refusal: { status: [404] },
  },
  {
    entry: "GET /api/campagnes/[id]/suivi",
    rule: "The other way round: school B's live view is B's only.",
    probe: (w) => ({ method: "GET", route: `/api/campagnes/${w.campaigns.b1.id}/suivi` }),
    allowed: { otherAdmin: { status: 200 } },
    refusal: { status: [404] },
  },
  {
    entry: "GET /api/campagnes/[id]/suivi/flux",
    rule: "« Suivi en direct » as server-sent events: authorized at connection like the JSON (the matrix reads the first event).",
    probe: (w) => ({ method: "GET", route: `/api/campagnes/${w.campaigns.a1.id}/suivi/flux` }),
    allowed: allowedFor(["member", "admin"], { status: 200, shows: ["Zqpupila"] }),
    refusal: { status: [404] },
  },
  {
    entry: "GET /api/campagnes/[id]/suivi/flux",
    rule: "The other way round: school B's event stream is B's only.",
    probe: (w) => ({ method: "GET", route: `/api/campagnes/${w.campaigns.b1.id}/suivi/flux` }),
    allowed: { otherAdmin: { status: 200 } },
    refusal: { status: [404] },
  },
  {
    entry: "GET /api/campagnes/[id]/groupes",
    rule: "« Exporter les groupes (.csv) »: the members of the campaign's establishment only (a1 has one result: the header only).",
    probe: (w) => ({ method: "GET", route: `/api/campagnes/${w.campaigns.a1.id}/groupes` }),
    allowed: allowedFor(["member", "admin"], { status: 200, shows: ["Groupe;Nom du Participant"] }),
    refusal: { status: [404] },
  },
  {
    entry: "GET /api/campagnes/[id]/groupes",
    rule: "The other way round: the groups file of school B's campaign is B's only.",
    probe: (w) => ({ method: "GET", route: `/api/campagnes/${w.campaigns.b1.id}/groupes` }),
    allowed: { otherAdmin: { status: 200 } },
    refusal: { status: [404] },
  },
  {
    entry: "POST /api/eleves/identifiants",
    rule: "The credentials sheet: ADMIN or MEMBER, for the pupils of their own establishment only.",
    probe: (w) => ({ method: "POST", route: "/api/eleves/identifiants", body: fieldsToForm({ action: "RESET_PASSWORD", learnerId: [String(w.learners.managed)] }) }),
    allowed: allowedFor(["member", "admin"], { status: 200, shows: ["Zqmanaged"], changes: ["users"] }),
    refusal: { status: [404] },
  },
  {
    entry: "POST /api/eleves/identifiants",
    rule: "Only accounts the school manages get a one-time password: A1 and A2 signed up with their own e-mail (nothing eligible: 400, nothing changes).",
    probe: (w) => ({ method: "POST", route: "/api/eleves/identifiants", body: fieldsToForm({ action: "RESET_PASSWORD", learnerId: [String(w.learners.a1), String(w.learners.a2)] }) }),
    refusal: { status: [400, 404] },
  },
  {
    entry: "POST /api/mon-compte/donnees",
    rule: "« Télécharger mes données »: the signed-in account's own data only (the request names nobody: an id sent along is ignored); the anonymous are sent to the login; audit-logged.",
    probe: (w) => ({ method: "POST", route: "/api/mon-compte/donnees", body: new URLSearchParams({ userId: String(w.logins.pupil.userId) }) }),
    allowed: {
      ...allowedFor(SIGNED_IN, { status: 200, changes: ["audit_log"] }),
      pupil: { status: 200, shows: ["Zqpupila", "zqmailpupila"], changes: ["audit_log"] },
      otherPupil: { status: 200, shows: ["Zqpupilb"], hides: ["Zqpupila"], changes: ["audit_log"] },
    },
    refusal: { status: [303], redirect: /^\/connexion\?retour=\/mon-compte$/ },
  },
  {
    entry: "POST /api/mon-compte/donnees",
    rule: "The same form posted by another site (its Origin names another host): 403, nothing read, nothing written.",
    probe: () => ({ method: "POST", route: "/api/mon-compte/donnees", body: new URLSearchParams({}), headers: { origin: "https://attacker.invalid" } }),
    refusal: { status: [403] },
  },
  {
    entry: "POST /api/signalements",
    rule: "« Signaler un problème »: a pupil on a question of their own assessment only (A1's current question in a2); another account's post is refused as unknown (404), stores nothing; the anonymous are sent to the login (303); counted per account.",
    probe: (w) => ({ method: "POST", route: "/api/signalements", body: new URLSearchParams({ code: w.campaigns.a2.code, assessmentId: String(w.a1InProgressAssessment), question: w.a1CurrentChallenge, category: "CONSIGNE" }) }),
    allowed: { pupil: { redirect: /^\/campagnes\/[A-Z0-9]+\/evaluation\?signalement=envoye#signalement-message$/, changes: ["problem_reports"] } },
    refusal: { status: [303, 404] },
  },
  {
    entry: "POST /api/signalements",
    rule: "The same form posted by another site (its Origin names another host): 403, nothing written.",
    probe: (w) => ({ method: "POST", route: "/api/signalements", body: new URLSearchParams({ assessmentId: String(w.a1InProgressAssessment), question: w.a1CurrentChallenge, category: "CONSIGNE" }), headers: { origin: "https://attacker.invalid" } }),
    refusal: { status: [403] },
  },
  {
    entry: "GET /api/saml/login",
    rule: "Public: starts a GAR sign-in at the identity provider.",
    probe: () => ({ method: "GET", route: "/api/saml/login" }),
    allowed: allowedFor(EVERYONE, { redirect: /^https:\/\/idp-de-test\.gar\.invalid\/sso\?SAMLRequest=/ }),
  },
  {
    entry: "GET /api/saml/metadata",
    rule: "Public: our service provider's metadata.",
    probe: () => ({ method: "GET", route: "/api/saml/metadata" }),
    allowed: allowedFor(EVERYONE, { status: 200, shows: ["AssertionConsumerService"] }),
  },
  {
    entry: "POST /api/saml/acs",
    rule: "Only a response signed by the configured GAR identity provider is accepted; anything else is refused, whoever posts it.",
    probe: (w) => {
      forgerKey ??= createTestSigningKey("Faussaire");
      return [
        samlPost(w, forgerKey, "zq-gar-forge"),
        { method: "POST", route: "/api/saml/acs", body: new URLSearchParams({ SAMLResponse: Buffer.from("<samlp:Response/>").toString("base64") }), headers: { origin: "null" } },
      ];
    },
    refusal: { status: [303], redirect: /\/gar\/erreur\?raison=/ },
    controls: [
      { as: "anonymous", call: (w) => samlPost(w, trustedKey, "zq-gar-acs-control"), proof: { status: 303, redirect: /\/gar\/premiere-connexion\?token=/, changes: ["pending_saml_identities", "saml_assertions"] } },
    ],
  },
];
