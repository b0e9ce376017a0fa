/**
 * Server actions of the student app. The pupil's own participation is found from the session, never from an id in
 * the form: the probes name pupil A1's campaign and challenge while signed in as somebody else.
 */
import { allowedFor, EVERYONE, fieldsToForm, stateArgs, type Row } from "../support/matrix";
import { PASSWORD, SECRETS, type World } from "../support/world";

const pupil = (name: string) => `lib/actions/pupil-actions.ts#${name}`;
const roster = (name: string) => `lib/actions/roster-actions.ts#${name}`;
const NEW_PASSWORD = "Nouveau-secret-2026!";

/** "Prénom", "Nom", "Date de naissance" as the reconciliation forms send them. */
const identity = (firstName: string, lastName: string, birthdate: string) => {
  const [year, month, day] = birthdate.split("-");
  return { firstName, lastName, birthDay: day, birthMonth: month, birthYear: year };
};
const A1_IDENTITY = identity("Zoé", "Zqpupila", "2011-03-14");
/** The name of A's roster-only pupil with a birthdate guessed wrong (the attack of finding 3). */
const GUESSED_IDENTITY = identity("Océane", "Zqrostera", "2012-03-01");
const rejoindre = (w: World) => `/campagnes/${w.campaigns.a1.code}/rejoindre`;

export const PUPIL_ACTIONS: Row[] = [
  {
    entry: `action ${pupil("enterCodeAction")}`,
    rule: "« J'ai un code » is public: a known code leads to its landing page.",
    probe: (w) => ({ action: pupil("enterCodeAction"), from: "/campagnes", args: stateArgs({ code: w.campaigns.a1.code }) }),
    allowed: allowedFor(EVERYONE, { redirect: /^\/campagnes\/[A-Z0-9]+$/ }),
  },
  {
    entry: `action ${pupil("startCampaignAction")}`,
    rule: "Starting a participation in A's restricted campaign: pupils of A's roster only (A1 finds the one started).",
    probe: (w) => ({ action: pupil("startCampaignAction"), from: `/campagnes/${w.campaigns.a2.code}`, args: stateArgs({ code: w.campaigns.a2.code }) }),
    allowed: {
      pupil: { redirect: /\/evaluation$/ },
      otherPupil: { redirect: /\/evaluation$/, changes: ["participations"] },
    },
  },
  {
    entry: `action ${pupil("shareResultsAction")}`,
    rule: "Sending results: only one's own finished participation (A1 in a1, already sent: nothing more to do).",
    probe: (w) => ({ action: pupil("shareResultsAction"), from: `/campagnes/${w.campaigns.a1.code}/resultats`, args: stateArgs({ code: w.campaigns.a1.code }) }),
    allowed: { pupil: { shows: ['"ok":true'] } },
  },
  {
    entry: `action ${pupil("retryAction")}`,
    rule: "« Repasser mon parcours »: only one's own sent participation in a campaign with multiple sendings (A2 in a6).",
    probe: (w) => ({ action: pupil("retryAction"), from: `/campagnes/${w.campaigns.a6.code}/resultats`, args: stateArgs({ code: w.campaigns.a6.code }) }),
    allowed: { otherPupil: { redirect: /\/evaluation$/, changes: ["participations"] } },
  },
  {
    entry: `action ${pupil("signUpPupilAction")}`,
    rule: "Public sign-up; an address already taken (pupil A1's) creates nothing.",
    probe: (w) => ({
      action: pupil("signUpPupilAction"),
      from: "/inscription",
      args: stateArgs({ firstName: "Eve", lastName: "Attaquante", email: w.logins.pupil.login, password: NEW_PASSWORD, acceptTerms: "on" }),
    }),
    controls: [
      {
        as: "anonymous",
        call: () => ({ action: pupil("signUpPupilAction"), from: "/inscription", args: stateArgs({ firstName: "Eve", lastName: "Nouvelle", email: "eve.nouvelle@example.org", password: NEW_PASSWORD, acceptTerms: "on" }) }),
        proof: { changes: ["users"] },
      },
    ],
  },
  {
    entry: `action ${roster("reconcileLearnerAction")}`,
    rule: "Joining A's roster: the typed identity must match a pupil not linked to another account; pupil A1 is already A1's.",
    probe: (w) => ({ action: roster("reconcileLearnerAction"), from: rejoindre(w), args: stateArgs({ code: w.campaigns.a1.code, ...A1_IDENTITY }) }),
    allowed: { pupil: { redirect: /^\/campagnes\/[A-Z0-9]+$/ } },
    controls: [
      {
        as: "joiner",
        call: (w) => ({ action: roster("reconcileLearnerAction"), from: rejoindre(w), args: stateArgs({ code: w.campaigns.a1.code, ...identity("Mathéo", "Zqrosterc", "2011-01-15") }) }),
        proof: { redirect: /^\/campagnes\/[A-Z0-9]+$/, changes: ["learners"] },
      },
    ],
  },
  {
    entry: `action ${roster("reconcileLearnerAction")}`,
    rule: "A wrong birthdate links nobody and reveals nothing (no birthdate, no login).",
    probe: (w) => ({ action: roster("reconcileLearnerAction"), from: rejoindre(w), args: stateArgs({ code: w.campaigns.a1.code, ...GUESSED_IDENTITY }) }),
  },
  {
    entry: `action ${roster("previewPupilAccountAction")}`,
    rule: "The username preview appears only after a successful match of a pupil without an account: a guessed birthdate, or a pupil who has an account, reveals nothing.",
    probe: (w) => [
      { action: roster("previewPupilAccountAction"), from: rejoindre(w), args: stateArgs({ code: w.campaigns.a1.code, ...GUESSED_IDENTITY }) },
      { action: roster("previewPupilAccountAction"), from: rejoindre(w), args: stateArgs({ code: w.campaigns.a1.code, ...A1_IDENTITY }) },
    ],
    controls: [
      {
        as: "anonymous",
        call: (w) => ({ action: roster("previewPupilAccountAction"), from: rejoindre(w), args: stateArgs({ code: w.campaigns.a1.code, ...identity("Amélie", "Zqrosterd", "2011-08-23") }) }),
        proof: { shows: ["zqrosterd2308"] },
      },
    ],
  },
  {
    entry: `action ${roster("signUpAndReconcileAction")}`,
    rule: "Creating an account for a roster pupil: only a pupil without an account, after a match; A1 already has one.",
    probe: (w) => [
      { action: roster("signUpAndReconcileAction"), from: rejoindre(w), args: stateArgs({ code: w.campaigns.a1.code, ...A1_IDENTITY, method: "username", password: NEW_PASSWORD, acceptTerms: "on" }) },
      { action: roster("signUpAndReconcileAction"), from: rejoindre(w), args: stateArgs({ code: w.campaigns.a1.code, ...GUESSED_IDENTITY, method: "username", password: NEW_PASSWORD, acceptTerms: "on" }) },
    ],
    controls: [
      {
        as: "anonymous",
        call: (w) => ({
          action: roster("signUpAndReconcileAction"),
          from: rejoindre(w),
          args: stateArgs({ code: w.campaigns.a1.code, ...identity("Amélie", "Zqrosterd", "2011-08-23"), method: "username", password: NEW_PASSWORD, acceptTerms: "on" }),
        }),
        proof: { changes: ["users", "learners"] },
      },
    ],
  },
  {
    entry: `action ${roster("changeRequiredPasswordAction")}`,
    rule: "Replacing a one-time password without the current one: only while a forced change is pending (finding 5).",
    probe: () => ({ action: roster("changeRequiredPasswordAction"), from: "/changer-mot-de-passe", args: stateArgs({ password: NEW_PASSWORD, confirmation: NEW_PASSWORD }) }),
    controls: [
      { as: "forced", call: () => ({ action: roster("changeRequiredPasswordAction"), from: "/changer-mot-de-passe", args: stateArgs({ password: NEW_PASSWORD, confirmation: NEW_PASSWORD }) }), proof: { changes: ["users"] } },
    ],
  },
  {
    entry: "action lib/actions/gar-actions.ts#completeGarFirstArrivalAction",
    rule: "First GAR arrival: the holder of the pending token, with the birthdate of the roster pupil the GAR named.",
    // The holder of the token is the pupil the GAR named: being told « we cannot find Jade Zqgarnew » is no leak.
    refusal: { mayShow: ["zqgarnew"] },
    probe: () => [
      { action: "lib/actions/gar-actions.ts#completeGarFirstArrivalAction", from: "/gar/premiere-connexion", args: stateArgs({ token: SECRETS.garPending, birthDay: "12", birthMonth: "11", birthYear: "2011" }) },
      { action: "lib/actions/gar-actions.ts#completeGarFirstArrivalAction", from: "/gar/premiere-connexion", args: stateArgs({ token: "jeton-invente-par-un-attaquant", birthDay: "11", birthMonth: "11", birthYear: "2011" }) },
    ],
    controls: [
      {
        as: "anonymous",
        call: () => ({ action: "lib/actions/gar-actions.ts#completeGarFirstArrivalAction", from: "/gar/premiere-connexion", args: stateArgs({ token: SECRETS.garPendingControl, birthDay: "11", birthMonth: "11", birthYear: "2011" }) }),
        proof: { redirect: /^\/connexion\/sso\?token=/, changes: ["users", "learners", "sign_in_tokens"] },
      },
    ],
  },
  {
    entry: "action lib/actions/account-actions.ts#requestPasswordResetAction",
    rule: "Public: a reset link goes to the address typed, and the answer is the same whether an account exists or not.",
    probe: (w) => ({ action: "lib/actions/account-actions.ts#requestPasswordResetAction", from: "/mot-de-passe-oublie", args: stateArgs({ email: w.logins.pupil.login }) }),
    allowed: allowedFor(EVERYONE, { shows: ["Si un compte existe"], changes: ["password_reset_tokens", "dev_mails"] }),
  },
  {
    entry: "action lib/actions/account-actions.ts#resetPasswordAction",
    rule: "Only a valid, unused reset link changes a password.",
    probe: () => ({ action: "lib/actions/account-actions.ts#resetPasswordAction", from: "/nouveau-mot-de-passe", args: stateArgs({ token: SECRETS.resetUsed, password: NEW_PASSWORD }) }),
    controls: [
      {
        as: "anonymous",
        call: () => ({ action: "lib/actions/account-actions.ts#resetPasswordAction", from: "/nouveau-mot-de-passe", args: stateArgs({ token: SECRETS.resetValid, password: NEW_PASSWORD }) }),
        proof: { changes: ["users", "password_reset_tokens"] },
      },
    ],
  },
  {
    entry: "action lib/actions/account-actions.ts#changePasswordAction",
    rule: "Changing one's own password needs the current one.",
    probe: () => ({ action: "lib/actions/account-actions.ts#changePasswordAction", from: "/mon-compte", args: stateArgs({ currentPassword: "Pas-le-bon-2026!", newPassword: NEW_PASSWORD }) }),
    controls: [
      { as: "changer", call: () => ({ action: "lib/actions/account-actions.ts#changePasswordAction", from: "/mon-compte", args: stateArgs({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD }) }), proof: { changes: ["users"] } },
    ],
  },
  {
    entry: "action lib/actions/account-actions.ts#selfActivationAction",
    rule: "Public: the activation link goes to the establishment's contact address, which is never shown.",
    probe: (w) => ({ action: "lib/actions/account-actions.ts#selfActivationAction", from: "/orga/activation", args: stateArgs({ uai: w.schoolA.uai }) }),
    allowed: allowedFor(EVERYONE, { shows: ["C'est envoyé"], changes: ["dev_mails"] }),
  },
];
