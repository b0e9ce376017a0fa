/** Pages of the student app. Victims: pupil A1's participations (a1 shared, a2 in progress) and A's roster. */
import { allowedFor, EVERYONE, SIGNED_IN, type Row } from "../support/matrix";
import { SECRETS } from "../support/world";

const OK = { status: 200 };
/** Where an outsider lands on a pupil's campaign page: the login, the landing page, or "not found". */
const PUPIL_PAGE_REFUSAL = { status: [307, 404] };

export const APP_PAGES: Row[] = [
  { entry: "page /", rule: "Public; a signed-in pupil sees their own unfinished campaigns.", probe: () => ({ page: "/" }), allowed: allowedFor(EVERYONE, OK) },
  { entry: "page /campagnes", rule: "Public (« J'ai un code »).", probe: () => ({ page: "/campagnes" }), allowed: allowedFor(EVERYONE, OK) },
  {
    entry: "page /campagnes/[code]",
    rule: "Anyone with the code sees the landing page; a participant is sent to their own participation, a user off A's roster to « rejoindre ».",
    probe: (w) => ({ page: `/campagnes/${w.campaigns.a1.code}` }),
    allowed: {
      anonymous: { status: 200, shows: ["Parcours de la classe"] },
      pupil: { redirect: /\/campagnes\/\w+\/resultats$/ },
      otherPupil: { redirect: /\/campagnes\/\w+\/evaluation$/ },
      ...allowedFor(["member", "admin", "otherAdmin"], { redirect: /\/campagnes\/\w+\/rejoindre$/ }),
    },
  },
  {
    entry: "page /campagnes/[code]/checkpoint",
    rule: "Only the pupil whose participation it is (A1 in a2) sees their answers and corrections.",
    probe: (w) => ({ page: `/campagnes/${w.campaigns.a2.code}/checkpoint` }),
    allowed: { pupil: { status: 200, shows: ["Avancement"] } },
    refusal: PUPIL_PAGE_REFUSAL,
  },
  {
    entry: "page /campagnes/[code]/rejoindre",
    rule: "Public form (restricted campaign); a pupil already on the roster is sent back to the landing page.",
    probe: (w) => ({ page: `/campagnes/${w.campaigns.a1.code}/rejoindre` }),
    allowed: {
      ...allowedFor(["anonymous", "member", "admin", "otherAdmin"], OK),
      ...allowedFor(["pupil", "otherPupil"], { redirect: /\/campagnes\/\w+$/ }),
    },
  },
  {
    entry: "page /campagnes/[code]/resultats",
    rule: "Only the pupil whose results they are (A1 in a1); A2 is sent to their own unfinished assessment.",
    probe: (w) => ({ page: `/campagnes/${w.campaigns.a1.code}/resultats` }),
    allowed: { pupil: { status: 200, shows: ["envoyés"] } },
    refusal: PUPIL_PAGE_REFUSAL,
  },
  {
    entry: "page /changer-mot-de-passe",
    rule: "A signed-in user with a one-time password replaces it; others are told there is nothing to change.",
    probe: () => ({ page: "/changer-mot-de-passe" }),
    allowed: { ...allowedFor(SIGNED_IN, OK), anonymous: { redirect: /\/connexion/ } },
    controls: [{ as: "forced", call: () => ({ page: "/changer-mot-de-passe" }), proof: { status: 200, shows: ["Confirmation"] } }],
  },
  {
    entry: "page /competences",
    rule: "Each signed-in user sees their own profile.",
    probe: () => ({ page: "/competences" }),
    allowed: { ...allowedFor(SIGNED_IN, OK), anonymous: { redirect: /\/connexion/ } },
  },
  { entry: "page /conditions-utilisation", rule: "Public.", probe: () => ({ page: "/conditions-utilisation" }), allowed: allowedFor(EVERYONE, OK) },
  { entry: "page /aide", rule: "Public help for pupils: no data, no id.", probe: () => ({ page: "/aide" }), allowed: allowedFor(EVERYONE, { status: 200, shows: ["Vérifiez vos informations"] }) },
  { entry: "page /mentions-legales", rule: "Public legal notice (footer): no data, no id.", probe: () => ({ page: "/mentions-legales" }), allowed: allowedFor(EVERYONE, { status: 200, shows: ["Éditeur du service"] }) },
  { entry: "page /accessibilite", rule: "Public accessibility declaration (footer): no data, no id.", probe: () => ({ page: "/accessibilite" }), allowed: allowedFor(EVERYONE, { status: 200, shows: ["partiellement conforme"] }) },
  { entry: "page /donnees-personnelles", rule: "Public personal-data notice (footer): no data, no id.", probe: () => ({ page: "/donnees-personnelles" }), allowed: allowedFor(EVERYONE, { status: 200, shows: ["mission d"] }) },
  { entry: "page /connexion", rule: "Public.", probe: () => ({ page: "/connexion" }), allowed: allowedFor(EVERYONE, OK) },
  {
    entry: "page /connexion/sso",
    rule: "Public: the single-use token is exchanged by the browser (next-auth), never by the GET.",
    probe: () => ({ page: `/connexion/sso?token=${SECRETS.signInToken}` }),
    allowed: allowedFor(EVERYONE, OK),
  },
  { entry: "page /gar/erreur", rule: "Public.", probe: () => ({ page: "/gar/erreur?raison=expiree" }), allowed: allowedFor(EVERYONE, OK) },
  {
    entry: "page /gar/premiere-connexion",
    rule: "The holder of a pending GAR token sees the names the GAR sent; a wrong token shows nothing.",
    probe: () => ({ page: "/gar/premiere-connexion?token=jeton-invente-par-un-attaquant" }),
    controls: [
      { as: "anonymous", call: () => ({ page: `/gar/premiere-connexion?token=${SECRETS.garPending}` }), proof: { status: 200, shows: ["Zqgarnew"], mayShow: ["zqgarnew"] } },
    ],
  },
  { entry: "page /inscription", rule: "Public.", probe: () => ({ page: "/inscription" }), allowed: allowedFor(EVERYONE, OK) },
  {
    entry: "page /mon-compte",
    rule: "A signed-in user's own account (it takes no id); the anonymous are sent to the login and back; a pending one-time password must be replaced first.",
    probe: (w) => ({ page: `/mon-compte?userId=${w.logins.pupil.userId}` }),
    allowed: { ...allowedFor(SIGNED_IN, { status: 200, shows: ["Télécharger mes données"] }), anonymous: { redirect: /\/connexion\?retour=(\/|%2F)mon-compte$/ } },
    controls: [{ as: "forced", call: () => ({ page: "/mon-compte" }), proof: { redirect: /\/changer-mot-de-passe/ } }],
  },
  {
    entry: "page /compte-supprime",
    rule: "Public: where « Supprimer mon compte » lands, signed out; it shows nothing of anyone.",
    probe: () => ({ page: "/compte-supprime" }),
    allowed: allowedFor(EVERYONE, { status: 200, shows: ["Votre compte a été supprimé"] }),
  },
  { entry: "page /mot-de-passe-oublie", rule: "Public.", probe: () => ({ page: "/mot-de-passe-oublie" }), allowed: allowedFor(EVERYONE, OK) },
  {
    entry: "page /nouveau-mot-de-passe",
    rule: "The holder of a valid reset link gets the form; a used link gives nothing.",
    probe: () => ({ page: `/nouveau-mot-de-passe?token=${SECRETS.resetUsed}` }),
    controls: [{ as: "anonymous", call: () => ({ page: `/nouveau-mot-de-passe?token=${SECRETS.resetValid}` }), proof: { status: 200, shows: ["Enregistrer le mot de passe"] } }],
  },
  {
    entry: "page /parcours",
    rule: "Public catalogue of the parcours (learning content only, nothing of a school).",
    probe: () => ({ page: "/parcours" }),
    allowed: allowedFor(EVERYONE, { status: 200, shows: ["/parcours/tp-competence-4-1"] }),
  },
  {
    entry: "page /parcours/[id]",
    rule: "Public documentation of a parcours in use: subjects, levels, bands, duration (never a question nor a solution).",
    probe: () => ({ page: "/parcours/tp-competence-4-1" }),
    allowed: allowedFor(EVERYONE, { status: 200, shows: ["Sujets et niveaux"] }),
  },
  {
    entry: "page /parcours/[id]",
    rule: "An unknown parcours (or a hostile id) is « not found » for everyone.",
    probe: () => [{ page: "/parcours/tp-inexistant" }, { page: "/parcours/..%2F..%2Fapi%2Fhealth" }, { page: `/parcours/${"x".repeat(400)}` }],
    // 400: the request gate refuses a path it cannot read before the app sees it.
    refusal: { status: [400, 404] },
  },
  { entry: "page /tutoriels/[id]", rule: "Public learning content.", probe: (w) => ({ page: `/tutoriels/${w.tutorialId}` }), allowed: allowedFor(EVERYONE, OK) },
  {
    entry: "page /dev/mails",
    rule: "The development outbox never exists in production.",
    probe: () => ({ page: "/dev/mails" }),
    refusal: { status: [404] },
  },
];
