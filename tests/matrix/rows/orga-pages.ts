/** Pages of the teacher space (Pix Orga). Victims: school A's campaigns, participations, roster and team. */
import { allowedFor, EVERYONE, type Row } from "../support/matrix";
import { SECRETS } from "../support/world";

/** Not signed in: back to /orga (the login); signed in without access: "not found". */
const ORGA_REFUSAL = { status: [307, 404] };
const TEAM_A = ["member", "admin"] as const;
/** E-mails of pupils of A: the teacher space never shows them (finding 1). */
const PUPIL_MAILS = ["zqmailpupila", "zqmailpupilb", "zqmailunlink"];

export const ORGA_PAGES: Row[] = [
  {
    entry: "page /orga",
    rule: "The login for the anonymous, « no access » for pupils, the campaigns of the teacher's own establishment.",
    probe: () => ({ page: "/orga" }),
    allowed: {
      ...allowedFor(["anonymous", "pupil", "otherPupil"], { status: 200 }),
      // « Mes campagnes » by default: each teacher sees the campaign they own.
      member: { status: 200, shows: ["Zqcampa2"] },
      admin: { status: 200, shows: ["Zqcampa1"] },
      otherAdmin: { status: 200, shows: ["Zqcampb1"] },
    },
  },
  { entry: "page /orga/aide", rule: "Public help for teachers (the guide's steps, demo screenshots): no data, no id.", probe: () => ({ page: "/orga/aide" }), allowed: allowedFor(EVERYONE, { status: 200, shows: ["Créer une campagne"] }) },
  { entry: "page /orga/activation", rule: "Public form.", probe: () => ({ page: "/orga/activation" }), allowed: allowedFor(EVERYONE, { status: 200 }) },
  {
    entry: "page /orga/campagnes/[id]",
    rule: "Activité of a campaign: the members of its establishment only.",
    probe: (w) => ({ page: `/orga/campagnes/${w.campaigns.a1.id}` }),
    allowed: allowedFor([...TEAM_A], { status: 200, shows: ["Zqpupila", "Zqpupilb"] }),
    refusal: ORGA_REFUSAL,
  },
  {
    entry: "page /orga/campagnes/[id]",
    rule: "The other way round: school B's campaign is B's only (ADMIN A and MEMBER A get « not found »).",
    probe: (w) => ({ page: `/orga/campagnes/${w.campaigns.b1.id}` }),
    allowed: { otherAdmin: { status: 200, shows: ["Zqcampb1"] } },
    refusal: ORGA_REFUSAL,
  },
  {
    entry: "page /orga/campagnes/[id]/suivi",
    rule: "« Suivi en direct » of a campaign: the members of its establishment only (with a class: that class of its roster).",
    probe: (w) => ({ page: `/orga/campagnes/${w.campaigns.a1.id}/suivi` }),
    allowed: allowedFor([...TEAM_A], { status: 200, shows: ["Zqpupila"] }),
    refusal: ORGA_REFUSAL,
  },
  {
    entry: "page /orga/campagnes/[id]/suivi",
    rule: "With a class, the pupils of that class of the campaign's establishment's roster, even those who have not joined: the same members only.",
    probe: (w) => ({ page: `/orga/campagnes/${w.campaigns.a1.id}/suivi?classe=4B` }),
    allowed: allowedFor([...TEAM_A], { status: 200, shows: ["Zqrostera"] }),
    refusal: ORGA_REFUSAL,
  },
  {
    entry: "page /orga/campagnes/[id]/suivi",
    rule: "The other way round: school B's live view is B's only.",
    probe: (w) => ({ page: `/orga/campagnes/${w.campaigns.b1.id}/suivi` }),
    allowed: { otherAdmin: { status: 200, shows: ["Zqcampb1"] } },
    refusal: ORGA_REFUSAL,
  },
  {
    entry: "page /orga/campagnes/[id]/analyse",
    rule: "Analyse of a campaign: the members of its establishment only.",
    probe: (w) => ({ page: `/orga/campagnes/${w.campaigns.a1.id}/analyse` }),
    allowed: allowedFor([...TEAM_A], { status: 200, shows: ["Zqcampa1"] }),
    refusal: ORGA_REFUSAL,
  },
  {
    entry: "page /orga/campagnes/[id]/analyse/groupes",
    rule: "« Groupes de besoins » of a campaign: the members of its establishment only.",
    probe: (w) => [{ page: `/orga/campagnes/${w.campaigns.a1.id}/analyse/groupes` }, { page: `/orga/campagnes/${w.campaigns.a1.id}/analyse/groupes?recalculer=1` }],
    allowed: allowedFor([...TEAM_A], { status: 200, shows: ["Zqcampa1", "Groupes de besoins"] }),
    refusal: ORGA_REFUSAL,
  },
  {
    entry: "page /orga/campagnes/[id]/analyse/groupes",
    rule: "The other way round: the needs groups of school B's campaign are B's only.",
    probe: (w) => ({ page: `/orga/campagnes/${w.campaigns.b1.id}/analyse/groupes` }),
    allowed: { otherAdmin: { status: 200, shows: ["Zqcampb1", "Groupes de besoins"] } },
    refusal: ORGA_REFUSAL,
  },
  {
    entry: "page /orga/campagnes/[id]/analyse/questions",
    rule: "« Questions » of a campaign's Analyse (aggregates, no pupil named): the members of its establishment only.",
    probe: (w) => ({ page: `/orga/campagnes/${w.campaigns.a1.id}/analyse/questions` }),
    allowed: allowedFor([...TEAM_A], { status: 200, shows: ["Zqcampa1", "de réussite"], hides: ["Zqpupila"] }),
    refusal: ORGA_REFUSAL,
  },
  {
    entry: "page /orga/campagnes/[id]/modifier",
    rule: "Editing a campaign: its owner or an ADMIN of its establishment (a1 belongs to ADMIN A: MEMBER A is refused).",
    probe: (w) => ({ page: `/orga/campagnes/${w.campaigns.a1.id}/modifier` }),
    allowed: { admin: { status: 200, shows: ["Zqcampa1"] } },
    refusal: ORGA_REFUSAL,
    controls: [{ as: "member", call: (w) => ({ page: `/orga/campagnes/${w.campaigns.a2.id}/modifier` }), proof: { status: 200, shows: ["Zqcampa2"] } }],
  },
  {
    entry: "page /orga/campagnes/[id]/parametres",
    rule: "Settings of a campaign: the members of its establishment only.",
    probe: (w) => ({ page: `/orga/campagnes/${w.campaigns.a1.id}/parametres` }),
    allowed: allowedFor([...TEAM_A], { status: 200, shows: ["Zqadmina"] }),
    refusal: ORGA_REFUSAL,
  },
  {
    entry: "page /orga/campagnes/[id]/resultats",
    rule: "Résultats of a campaign: the members of its establishment only.",
    probe: (w) => ({ page: `/orga/campagnes/${w.campaigns.a1.id}/resultats` }),
    allowed: allowedFor([...TEAM_A], { status: 200, shows: ["Zqpupila"] }),
    refusal: ORGA_REFUSAL,
  },
  {
    entry: "page /orga/campagnes/[id]/resultats/[participationId]",
    rule: "A pupil's results: the members of the campaign's establishment.",
    probe: (w) => ({ page: `/orga/campagnes/${w.campaigns.a1.id}/resultats/${w.participations.a1Shared}` }),
    allowed: allowedFor([...TEAM_A], { status: 200, shows: ["Zqpupila"] }),
    refusal: ORGA_REFUSAL,
  },
  {
    entry: "page /orga/campagnes/[id]/resultats/[participationId]",
    rule: "A participation is read only through its own campaign: another campaign's id (ADMIN B's own, or a2) gives « not found ».",
    probe: (w, actor) => ({ page: `/orga/campagnes/${actor === "otherAdmin" ? w.campaigns.b1.id : w.campaigns.a2.id}/resultats/${w.participations.a1Shared}` }),
    refusal: ORGA_REFUSAL,
  },
  {
    entry: "page /orga/campagnes/nouvelle",
    rule: "Any teacher creates a campaign in their establishment; « Dupliquer » (?copie=) copies only a campaign they may read.",
    probe: (w) => ({ page: `/orga/campagnes/nouvelle?copie=${w.campaigns.a1.id}` }),
    allowed: allowedFor([...TEAM_A], { status: 200, shows: ["Copie de Campagne Zqcampa1"] }),
    // ADMIN B gets the empty form: the page is theirs, the copy is not.
    refusal: { status: [200, 307] },
  },
  {
    entry: "page /orga/eleves",
    rule: "The roster of the teacher's own establishment.",
    probe: () => ({ page: "/orga/eleves" }),
    allowed: {
      // « Gérer » a reset only for the accounts A manages; « Dissocier » for both; « Supprimer l'élève » for ADMINs;
      // never a pupil's e-mail (A1 and A2 signed up with theirs).
      member: { status: 200, shows: ["Zqrostera", "Zqmanaged", "Réinitialiser le mot de passe", "Dissocier"], hides: [...PUPIL_MAILS, "Supprimer l'élève"] },
      admin: { status: 200, shows: ["Zqrostera", "Zqmanaged", "Réinitialiser le mot de passe", "Dissocier", "Supprimer l'élève"], hides: PUPIL_MAILS },
      otherAdmin: { status: 200, shows: ["Zqrosterb"] },
    },
    refusal: { status: [200, 307, 404] },
  },
  {
    entry: "page /orga/equipe",
    rule: "The team of the teacher's own establishment; only ADMINs see pending invitations.",
    probe: () => ({ page: "/orga/equipe" }),
    allowed: {
      member: { status: 200, shows: ["Zqadmina"] },
      admin: { status: 200, shows: ["Zqmembra", "zqinvitevue"] },
      otherAdmin: { status: 200, shows: ["Zqadminb", "zqinviteb"] },
    },
    refusal: { status: [200, 307, 404] },
  },
  {
    entry: "page /orga/impression/[id]",
    rule: "The printable code of a campaign: the members of its establishment only.",
    probe: (w) => ({ page: `/orga/impression/${w.campaigns.a1.id}` }),
    allowed: allowedFor([...TEAM_A], { status: 200, shows: ["Parcours de la classe", "Collège Ada Lovelace"] }),
    refusal: ORGA_REFUSAL,
  },
  {
    entry: "page /orga/impression/[id]/classe",
    rule: "The class sheet (code, QR code, each pupil's login) of a campaign: the members of its establishment only; ADMIN B gets « not found » with A's campaign and its own class name too.",
    probe: (w, actor) => [
      { page: `/orga/impression/${w.campaigns.a1.id}/classe?classe=4B` },
      ...(actor === "otherAdmin" ? [{ page: `/orga/impression/${w.campaigns.a1.id}/classe?classe=2nde1` }] : []),
    ],
    allowed: allowedFor([...TEAM_A], { status: 200, shows: ["Zqrostera", "Zqmanaged", "pas encore de compte"] }),
    refusal: ORGA_REFUSAL,
  },
  {
    entry: "page /orga/impression/[id]/classe",
    rule: "Pupils of class 4A sign in with their e-mail: the sheet says « compte personnel » (the address itself is never printed, see tests/e2e/class-sheet.spec.ts).",
    probe: (w) => ({ page: `/orga/impression/${w.campaigns.a1.id}/classe?classe=4A` }),
    allowed: allowedFor([...TEAM_A], { status: 200, shows: ["Zqpupila", "Zqpupilb", "compte personnel"] }),
    refusal: ORGA_REFUSAL,
  },
  {
    entry: "page /orga/impression/[id]/classe",
    rule: "ADMIN B names its own campaign with school A's class: the classes offered and the pupils listed are B's only.",
    probe: (w) => ({ page: `/orga/impression/${w.campaigns.b1.id}/classe?classe=4B` }),
    allowed: { otherAdmin: { status: 200, shows: ["Cette classe n'existe pas dans la liste des élèves de votre établissement", "2nde1"] } },
    refusal: ORGA_REFUSAL,
  },
  {
    entry: "page /orga/rejoindre",
    rule: "The holder of an invitation link (id and code) sees it; the id alone, or another invitation's code, shows nothing.",
    probe: (w) => [
      { page: `/orga/rejoindre?invitationId=${w.invitations.view}&code=CODEINVENTE` },
      { page: `/orga/rejoindre?invitationId=${w.invitations.view}&code=${SECRETS.invitationB}` },
    ],
    controls: [
      {
        as: "anonymous",
        call: (w) => ({ page: `/orga/rejoindre?invitationId=${w.invitations.view}&code=${SECRETS.invitationView}` }),
        proof: { status: 200, shows: ["zqinvitevue"], mayShow: ["zqinvitevue"] },
      },
    ],
  },
  {
    entry: "page /orga/[...chemin]",
    rule: "An address of the teacher space that does not exist: the same « not found » inside the Orga layout, for everyone (nothing to tell a page from an object).",
    probe: (w) => [{ page: "/orga/inexistant" }, { page: `/orga/campagnes/${w.campaigns.a1.id}/inexistant` }, { page: `/orga/eleves/${w.learners.a1}` }],
    refusal: { status: [404] },
  },
];
