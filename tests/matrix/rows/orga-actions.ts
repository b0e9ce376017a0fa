/**
 * Server actions of the teacher space. The establishment always comes from the object named (campaign, membership,
 * invitation, pupil) or from the teacher's current establishment: the probes name school A's objects as everyone.
 */
import { samplePupil, siecleXml } from "../../support/siecle-sample";
import { MARKERS } from "../support/markers";
import { allowedFor, fieldsToForm, stateArgs, type Row } from "../support/matrix";
import { PASSWORD, SCHOOL_A_ROSTER, SECRETS, type ActorName, type World } from "../support/world";

const campaignAction = (name: string) => `lib/actions/campaign-actions.ts#${name}`;
const team = (name: string) => `lib/actions/team-actions.ts#${name}`;
const invitation = (name: string) => `lib/actions/invitation-actions.ts#${name}`;
const roster = (name: string) => `lib/actions/roster-actions.ts#${name}`;
const settings = (id: number) => `/orga/campagnes/${id}/parametres`;
const needsGroups = (name: string) => `lib/actions/needs-groups-actions.ts#${name}`;
const groupsPage = (id: number) => `/orga/campagnes/${id}/analyse/groupes`;

const newCampaign = (ownerId: number) => ({
  name: "Campagne créée par la matrice",
  type: "ASSESSMENT",
  targetProfileId: "tp-competence-4-1",
  askExternalId: "no",
  title: "Parcours",
  ownerId,
  multipleSendings: "no",
});

/**
 * A SIECLE export: for ADMIN B, B's export listing pupil A1 (INE, names, birthdate); for everyone else, school A's
 * whole roster and a new pupil — an import disables the pupils its file does not list, and the rows after this one
 * need A's pupils active (a school imports its complete export).
 */
function siecleFile(w: World, actor: ActorName): File {
  const pupils =
    actor === "otherAdmin"
      ? [samplePupil({ eleveId: "900001", ine: "0750001001A", firstName: "Zoé", lastName: "ZQPUPILA", birthdate: "2011-03-14", division: "2nde1" })]
      : [
          ...Object.values(SCHOOL_A_ROSTER).map((pupil, i) => samplePupil({ ...pupil, eleveId: String(910_000 + i), lastName: pupil.lastName.toUpperCase() })),
          samplePupil({ eleveId: "900002", ine: "0750001099A", firstName: "Léon", lastName: "ZQIMPORT", birthdate: "2011-06-06", division: "4C" }),
        ];
  const uai = actor === "otherAdmin" ? w.schoolB.uai : w.schoolA.uai;
  return new File([new Uint8Array(siecleXml(pupils, { uai }))], `BEE_ELEVES_${uai}.xml`, { type: "text/xml" });
}

/** Markers a MEMBER of A may see (for an account that has just joined A). */
const MEMBER_A_SEES = Object.entries(MARKERS).filter(([, { visibleTo }]) => visibleTo.includes("member")).map(([marker]) => marker);

export const ORGA_ACTIONS: Row[] = [
  {
    entry: `action ${campaignAction("createCampaignAction")}`,
    rule: "A campaign is created in the teacher's current establishment, owned by one of its members; never owned by someone of another school.",
    probe: (w, actor) => ({
      action: campaignAction("createCampaignAction"),
      from: "/orga/campagnes/nouvelle",
      args: stateArgs(newCampaign(actor === "otherAdmin" ? w.logins.member.userId : w.logins.otherAdmin.userId)),
    }),
    controls: [
      { as: "admin", call: (w) => ({ action: campaignAction("createCampaignAction"), from: "/orga/campagnes/nouvelle", args: stateArgs(newCampaign(w.logins.member.userId)) }), proof: { redirect: /\/orga\/campagnes\/\d+\?creee=1/, changes: ["campaigns"] } },
    ],
  },
  {
    entry: `action ${campaignAction("updateCampaignAction")}`,
    rule: "Editing a campaign: its owner or an ADMIN of its establishment (a1 belongs to ADMIN A).",
    probe: (w) => ({
      action: campaignAction("updateCampaignAction"),
      from: `/orga/campagnes/${w.campaigns.a1.id}/modifier`,
      args: stateArgs({ campaignId: w.campaigns.a1.id, name: "Campagne Zqcampa1", title: "Parcours de la classe", landingText: "Texte changé.", ownerId: w.logins.admin.userId }),
    }),
    allowed: { admin: { redirect: /\/parametres\?modifiee=1/, changes: ["campaigns"] } },
  },
  {
    entry: `action ${campaignAction("updateCampaignAction")}`,
    rule: "A campaign is never handed to someone of another school (ADMIN B as owner of a1).",
    probe: (w) => ({
      action: campaignAction("updateCampaignAction"),
      from: `/orga/campagnes/${w.campaigns.a1.id}/modifier`,
      args: stateArgs({ campaignId: w.campaigns.a1.id, name: "Campagne Zqcampa1", title: "Parcours de la classe", landingText: "", ownerId: w.logins.otherAdmin.userId }),
    }),
  },
  {
    entry: `action ${campaignAction("archiveCampaignAction")}`,
    rule: "Archiving: the owner or an ADMIN (a1 belongs to ADMIN A; MEMBER A archives its own a4).",
    probe: (w) => ({ action: campaignAction("archiveCampaignAction"), from: settings(w.campaigns.a1.id), args: stateArgs({ campaignId: w.campaigns.a1.id, archived: "true" }) }),
    allowed: { admin: { skip: "a1 must stay open for the other calls: MEMBER A archives its own a4 below" } },
    controls: [{ as: "member", call: (w) => ({ action: campaignAction("archiveCampaignAction"), from: settings(w.campaigns.a4.id), args: stateArgs({ campaignId: w.campaigns.a4.id, archived: "true" }) }), proof: { changes: ["campaigns"] } }],
  },
  {
    entry: `action ${campaignAction("deleteCampaignAction")}`,
    rule: "Deleting: the owner or an ADMIN.",
    probe: (w) => ({ action: campaignAction("deleteCampaignAction"), from: settings(w.campaigns.a1.id), args: stateArgs({ campaignId: w.campaigns.a1.id }) }),
    allowed: { admin: { skip: "a1 must stay for the other calls: ADMIN A deletes a3 below" } },
    controls: [{ as: "admin", call: (w) => ({ action: campaignAction("deleteCampaignAction"), from: settings(w.campaigns.a3.id), args: stateArgs({ campaignId: w.campaigns.a3.id }) }), proof: { redirect: /^\/orga\?supprimee=1/, changes: ["campaigns"] } }],
  },
  {
    entry: `action ${needsGroups("moveToNeedsGroupAction")}`,
    rule: "Moving a pupil between needs groups: a member of the campaign's establishment, for a result of that campaign (ADMIN B names its own campaign with A1's result).",
    probe: (w, actor) => ({
      action: needsGroups("moveToNeedsGroupAction"),
      from: groupsPage(w.campaigns.a1.id),
      args: stateArgs({ campaignId: actor === "otherAdmin" ? w.campaigns.b1.id : w.campaigns.a1.id, participationId: w.participations.a1Shared, groupNumber: "2" }),
    }),
    // a1 holds one result: the teacher gets past the access check and is told there are no groups yet.
    allowed: allowedFor(["member", "admin"], { shows: ["Il n'y a pas encore de groupes à arranger dans cette campagne."] }),
  },
  {
    entry: `action ${needsGroups("recomputeNeedsGroupsAction")}`,
    rule: "« Recalculer les groupes »: a member of the campaign's establishment.",
    // Each allowed actor asks for another number of groups: a replay that stores the same choice changes no row.
    probe: (w, actor) => ({ action: needsGroups("recomputeNeedsGroupsAction"), from: groupsPage(w.campaigns.a1.id), args: stateArgs({ campaignId: w.campaigns.a1.id, groupCount: actor === "admin" ? "auto" : "3" }) }),
    allowed: allowedFor(["member", "admin"], { redirect: /\/analyse\/groupes\?recalcule=1$/, changes: ["needs_groupings"] }),
  },
  {
    entry: "action lib/actions/participation-actions.ts#deleteParticipationAction",
    rule: "Deleting a participation: the campaign's owner or an ADMIN of its establishment (never the pupil, never another school).",
    probe: (w) => ({ action: "lib/actions/participation-actions.ts#deleteParticipationAction", from: `/orga/campagnes/${w.campaigns.a1.id}`, args: stateArgs({ participationId: w.participations.a1Shared }) }),
    allowed: { admin: { skip: "A1's results must stay for the other calls: MEMBER A deletes a participation of its own a5 below" } },
    controls: [
      {
        as: "member",
        call: (w) => ({ action: "lib/actions/participation-actions.ts#deleteParticipationAction", from: `/orga/campagnes/${w.campaigns.a5.id}`, args: stateArgs({ participationId: w.participations.a5Disposable }) }),
        proof: { shows: ["Participation supprimée"], changes: ["participations"] },
      },
    ],
  },
  {
    entry: `action ${team("inviteMembersAction")}`,
    rule: "Inviting: an ADMIN, into their current establishment only.",
    probe: () => ({ action: team("inviteMembersAction"), from: "/orga/equipe", args: stateArgs({ emails: "nouvelle.collegue@example.org", role: "ADMIN" }) }),
    allowed: allowedFor(["admin", "otherAdmin"], { changes: ["invitations", "dev_mails"] }),
  },
  {
    entry: `action ${team("resendInvitationAction")}`,
    rule: "Resending an invitation: an ADMIN of its establishment.",
    probe: (w) => ({ action: team("resendInvitationAction"), from: "/orga/equipe", args: stateArgs({ invitationId: w.invitations.view }) }),
    allowed: { admin: { skip: "the « view » invitation keeps its code for the other calls: ADMIN A resends « resend » below" } },
    controls: [{ as: "admin", call: (w) => ({ action: team("resendInvitationAction"), from: "/orga/equipe", args: stateArgs({ invitationId: w.invitations.resend }) }), proof: { changes: ["invitations", "dev_mails"] } }],
  },
  {
    entry: `action ${team("cancelInvitationAction")}`,
    rule: "Cancelling an invitation: an ADMIN of its establishment.",
    probe: (w) => ({ action: team("cancelInvitationAction"), from: "/orga/equipe", args: stateArgs({ invitationId: w.invitations.view }) }),
    allowed: { admin: { skip: "the « view » invitation stays pending: ADMIN A cancels « cancel » below" } },
    controls: [{ as: "admin", call: (w) => ({ action: team("cancelInvitationAction"), from: "/orga/equipe", args: stateArgs({ invitationId: w.invitations.cancel }) }), proof: { changes: ["invitations"] } }],
  },
  {
    entry: `action ${team("changeRoleAction")}`,
    rule: "Changing a role: an ADMIN of the membership's establishment.",
    probe: (w) => ({ action: team("changeRoleAction"), from: "/orga/equipe", args: stateArgs({ membershipId: w.memberships.memberA, role: "ADMIN" }) }),
    allowed: { admin: { skip: "MEMBER A stays a MEMBER for the other calls: ADMIN A promotes the spare member below" } },
    controls: [{ as: "admin", call: (w) => ({ action: team("changeRoleAction"), from: "/orga/equipe", args: stateArgs({ membershipId: w.memberships.spareA, role: "ADMIN" }) }), proof: { changes: ["memberships"] } }],
  },
  {
    entry: `action ${team("changeRoleAction")}`,
    rule: "The other way round: B's memberships are for B's ADMIN only (ADMIN A names MEMBER B).",
    probe: (w) => ({ action: team("changeRoleAction"), from: "/orga/equipe", args: stateArgs({ membershipId: w.memberships.memberB, role: "ADMIN" }) }),
    allowed: { otherAdmin: { skip: "ADMIN B's right over its own team is the control of the row above, mirrored" } },
  },
  {
    entry: `action ${team("removeMemberAction")}`,
    rule: "The other way round: ADMIN A cannot remove MEMBER B.",
    probe: (w) => ({ action: team("removeMemberAction"), from: "/orga/equipe", args: stateArgs({ membershipId: w.memberships.memberB }) }),
    allowed: { otherAdmin: { skip: "ADMIN B's right over its own team is the control of the row below, mirrored" } },
  },
  {
    entry: `action ${team("cancelInvitationAction")}`,
    rule: "The other way round: ADMIN A cannot cancel B's invitation.",
    probe: (w) => ({ action: team("cancelInvitationAction"), from: "/orga/equipe", args: stateArgs({ invitationId: w.invitations.b }) }),
    allowed: { otherAdmin: { skip: "B's invitation stays pending; cancelling is controlled on A's side" } },
  },
  {
    entry: `action ${team("removeMemberAction")}`,
    rule: "Removing a member: an ADMIN of the membership's establishment.",
    probe: (w) => ({ action: team("removeMemberAction"), from: "/orga/equipe", args: stateArgs({ membershipId: w.memberships.memberA }) }),
    allowed: { admin: { skip: "MEMBER A stays for the other calls: ADMIN A removes another member below" } },
    controls: [{ as: "admin", call: (w) => ({ action: team("removeMemberAction"), from: "/orga/equipe", args: stateArgs({ membershipId: w.memberships.removableA }) }), proof: { changes: ["memberships"] } }],
  },
  {
    entry: `action ${team("leaveEstablishmentAction")}`,
    rule: "Leaving: a member, for themselves; the last ADMIN cannot (ADMIN A is refused), nobody leaves for someone else.",
    probe: (w) => ({ action: team("leaveEstablishmentAction"), from: "/orga/equipe", args: stateArgs({ establishmentId: w.schoolA.id }) }),
    allowed: { member: { skip: "MEMBER A stays for the other calls: another member leaves below" } },
    controls: [{ as: "leaver", call: (w) => ({ action: team("leaveEstablishmentAction"), from: "/orga/equipe", args: stateArgs({ establishmentId: w.schoolA.id }) }), proof: { redirect: /^\/orga$/, changes: ["memberships"] } }],
  },
  {
    entry: "action lib/actions/switch-establishment.ts#switchEstablishment",
    rule: "Switching the current establishment: only to one where the user is an active member.",
    probe: (w) => ({ action: "lib/actions/switch-establishment.ts#switchEstablishment", from: "/orga", args: [fieldsToForm({ establishmentId: w.schoolA.id })] }),
    allowed: allowedFor(["member", "admin"], { redirect: /^\/orga$/ }),
  },
  {
    entry: `action ${invitation("acceptInvitationAction")}`,
    rule: "Accepting an invitation needs its code: the id alone, or another invitation's code, does nothing.",
    probe: (w) => [
      { action: invitation("acceptInvitationAction"), from: "/orga/rejoindre", args: stateArgs({ invitationId: w.invitations.view, code: "CODEINVENTE" }) },
      { action: invitation("acceptInvitationAction"), from: "/orga/rejoindre", args: stateArgs({ invitationId: w.invitations.view, code: SECRETS.invitationB }) },
    ],
    controls: [
      { as: "joiner", call: (w) => ({ action: invitation("acceptInvitationAction"), from: "/orga/rejoindre", args: stateArgs({ invitationId: w.invitations.accept, code: SECRETS.invitationAccept }) }), proof: { changes: ["memberships", "invitations"] } },
    ],
  },
  {
    entry: `action ${invitation("signUpWithInvitationAction")}`,
    rule: "« Je m'inscris » from an invitation needs its code.",
    probe: (w) => ({
      action: invitation("signUpWithInvitationAction"),
      from: "/orga/rejoindre",
      args: stateArgs({ invitationId: w.invitations.signUp, code: "CODEINVENTE", firstName: "Eve", lastName: "Intruse", email: "eve.intruse@example.org", password: PASSWORD, acceptTerms: "on" }),
    }),
    controls: [
      {
        as: "anonymous",
        call: (w) => ({
          action: invitation("signUpWithInvitationAction"),
          from: "/orga/rejoindre",
          args: stateArgs({ invitationId: w.invitations.signUp, code: SECRETS.invitationSignUp, firstName: "Paul", lastName: "Nouveau", email: "paul.nouveau@example.org", password: PASSWORD, acceptTerms: "on" }),
        }),
        // Signed in as the new MEMBER of A and sent to Pix Orga: the answer may show what any MEMBER of A sees.
        proof: { changes: ["users", "memberships", "invitations"], redirect: /^\/orga$/, mayShow: MEMBER_A_SEES },
      },
    ],
  },
  {
    entry: `action ${roster("importLearnersAction")}`,
    rule: "Importing SIECLE: an ADMIN, into their current establishment; an import never hands an existing pupil account to another school (finding 1).",
    probe: (w, actor) => ({ action: roster("importLearnersAction"), from: "/orga/eleves", args: stateArgs({ file: siecleFile(w, actor) }) }),
    allowed: {
      admin: { shows: ["Import terminé"], changes: ["learners"] },
      otherAdmin: {
        shows: ["Import terminé"],
        changes: ["learners"],
        verify: async (w, sql) => {
          const linked = await sql("SELECT id FROM learners WHERE establishment_id = $1 AND user_id = $2", [w.schoolB.id, w.logins.pupil.userId]);
          return linked.length ? "le compte de l'élève A1 a été rattaché à l'établissement B par l'import de B" : null;
        },
      },
    },
  },
  {
    entry: `action ${roster("learnerAccountAction")}`,
    rule: "A one-time password for a pupil account the school manages: ADMIN or MEMBER of the pupil's establishment.",
    probe: (w) => ({ action: roster("learnerAccountAction"), from: "/orga/eleves", args: stateArgs({ learnerId: w.learners.managed, action: "RESET_PASSWORD" }) }),
    allowed: allowedFor(["member", "admin"], { shows: ["zqloginmanaged"], changes: ["users"] }),
  },
  {
    entry: `action ${roster("learnerAccountAction")}`,
    rule: "Adding a username to a GAR-only account A manages: ADMIN or MEMBER of A, never another school.",
    probe: (w) => ({ action: roster("learnerAccountAction"), from: "/orga/eleves", args: stateArgs({ learnerId: w.learners.garOnly, action: "ADD_USERNAME" }) }),
    allowed: allowedFor(["member", "admin"], { skip: "A manages this GAR account (its first GAR arrival): adding the username is tests/integration/roster's; the rows below show who may not" }),
  },
  {
    entry: `action ${roster("learnerAccountAction")}`,
    rule: "A personal e-mail account is not the school's to reset, and its e-mail is never shown (finding 1).",
    probe: (w) => ({ action: roster("learnerAccountAction"), from: "/orga/eleves", args: stateArgs({ learnerId: w.learners.a1, action: "RESET_PASSWORD" }) }),
  },
  {
    entry: `action ${roster("unlinkLearnerAction")}`,
    rule: "« Dissocier »: ADMIN or MEMBER of the pupil's establishment; everyone else gets « not found » and nothing changes. The unlinked account's sessions end (session version).",
    probe: (w) => ({ action: roster("unlinkLearnerAction"), from: "/orga/eleves", args: stateArgs({ learnerId: w.learners.a1 }) }),
    allowed: allowedFor(["member", "admin"], { skip: "A1 must stay linked for the other rows: MEMBER A unlinks another pupil below" }),
    controls: [
      {
        as: "member",
        call: (w) => ({ action: roster("unlinkLearnerAction"), from: "/orga/eleves", args: stateArgs({ learnerId: w.learners.unlinkable }) }),
        proof: {
          shows: ["Élève dissocié"],
          changes: ["learners", "users", "audit_log"],
          verify: async (w, sql) => {
            const [learner] = await sql<{ user_id: number | null }>("SELECT user_id FROM learners WHERE id = $1", [w.learners.unlinkable]);
            const audit = await sql("SELECT id FROM audit_log WHERE action = 'LEARNER_UNLINKED' AND target_learner_id = $1", [w.learners.unlinkable]);
            if (learner?.user_id !== null) return "l'élève est toujours rattaché à son compte";
            return audit.length === 1 ? null : "aucune ligne LEARNER_UNLINKED dans le journal d'audit";
          },
        },
      },
    ],
  },
  {
    entry: `action ${roster("unlinkLearnerAction")}`,
    rule: "The other way round: B's pupils are B's (A's teachers name B's roster entry).",
    probe: (w) => ({ action: roster("unlinkLearnerAction"), from: "/orga/eleves", args: stateArgs({ learnerId: w.learners.b1 }) }),
    allowed: { otherAdmin: { skip: "B1 has no account to unlink; ADMIN B's right over its own pupils is the control above, mirrored" } },
  },
  {
    entry: `action ${roster("unblockIdentityAction")}`,
    rule: "« Débloquer l'identification »: ADMIN or MEMBER of the pupil's establishment clear the identity checks aimed at a roster entry, audit-logged; everyone else gets « not found » and nothing changes (no counter, no audit line).",
    probe: (w) => ({ action: roster("unblockIdentityAction"), from: "/orga/eleves", args: stateArgs({ learnerId: w.learners.rosterOnly }) }),
    allowed: {
      member: { shows: ["Identification débloquée"], changes: ["audit_log"] },
      admin: { shows: ["Identification débloquée"], changes: ["audit_log"] },
    },
  },
  {
    entry: `action ${roster("unblockIdentityAction")}`,
    rule: "The other way round: B's pupils are B's (A's teachers name B's roster entry).",
    probe: (w) => ({ action: roster("unblockIdentityAction"), from: "/orga/eleves", args: stateArgs({ learnerId: w.learners.b1 }) }),
    allowed: { otherAdmin: { shows: ["Identification débloquée"], changes: ["audit_log"] } },
  },
  {
    entry: `action ${roster("deleteLearnerAction")}`,
    rule: "« Supprimer l'élève »: an ADMIN of the pupil's establishment only (a MEMBER is refused; other schools get « not found »).",
    probe: (w) => ({ action: roster("deleteLearnerAction"), from: "/orga/eleves", args: stateArgs({ learnerId: w.learners.a1 }) }),
    allowed: { admin: { skip: "A1 must stay on the roster for the other rows: ADMIN A deletes another pupil below" } },
    controls: [
      {
        as: "admin",
        call: (w) => ({ action: roster("deleteLearnerAction"), from: "/orga/eleves", args: stateArgs({ learnerId: w.learners.deletable }) }),
        proof: { redirect: /^\/orga\/eleves\?suppression=faite$/, changes: ["learners", "audit_log"] },
      },
    ],
  },
];
