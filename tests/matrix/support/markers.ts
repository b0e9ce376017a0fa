import type { ActorName } from "./world";

/**
 * Each personal or school-private datum of the world carries one of these made-up words (in a name, an e-mail, an
 * external id…). A response may show a marker only to the actors listed here: anything else is a leak. Bodies are
 * compared case-insensitively, so "ZQPUPILA" in an upper-cased cell counts too.
 *
 * Establishment names and campaign titles are not markers: the landing page of a campaign shows them to anyone
 * who has the code, by design.
 */
const SCHOOL_A_TEAM: ActorName[] = ["member", "admin"];

export const MARKERS: Record<string, { what: string; visibleTo: ActorName[] }> = {
  zqadmina: { what: "ADMIN A (name, e-mail)", visibleTo: ["admin", "member"] },
  zqmembra: { what: "MEMBER A (name, e-mail)", visibleTo: ["admin", "member"] },
  zqsparea: { what: "another MEMBER of A", visibleTo: SCHOOL_A_TEAM },
  zqremovable: { what: "a MEMBER of A that phase 2 removes", visibleTo: SCHOOL_A_TEAM },
  zqleaver: { what: "a MEMBER of A that phase 2 makes leave", visibleTo: SCHOOL_A_TEAM },
  zqjoiner: { what: "an account with no school yet", visibleTo: [] },
  zqresetter: { what: "an account whose reset link phase 2 uses", visibleTo: [] },
  zqadminb: { what: "ADMIN B", visibleTo: ["otherAdmin"] },
  zqmembrb: { what: "MEMBER B", visibleTo: ["otherAdmin"] },
  zqpupila: { what: "pupil A1 (name, e-mail, roster)", visibleTo: ["pupil", ...SCHOOL_A_TEAM] },
  zqpupilb: { what: "pupil A2 (name, e-mail, roster)", visibleTo: ["otherPupil", ...SCHOOL_A_TEAM] },
  zqmanaged: { what: "a pupil of A signing in with a username", visibleTo: SCHOOL_A_TEAM },
  zqgaronly: { what: "a pupil of A signing in through the GAR only", visibleTo: SCHOOL_A_TEAM },
  zqrostera: { what: "a pupil of A's roster without an account", visibleTo: SCHOOL_A_TEAM },
  zqrosterc: { what: "a pupil of A's roster (joined by phase 2)", visibleTo: SCHOOL_A_TEAM },
  zqrosterd: { what: "a pupil of A's roster (signs up in phase 2)", visibleTo: SCHOOL_A_TEAM },
  zqgarnew: { what: "a pupil of A's roster arriving from the GAR", visibleTo: SCHOOL_A_TEAM },
  zqforced: { what: "a pupil of A with a one-time password", visibleTo: SCHOOL_A_TEAM },
  zqunlink: { what: "a pupil of A linked to their account (« Dissocier » in phase 2)", visibleTo: SCHOOL_A_TEAM },
  zqdeletable: { what: "a pupil of A's roster (deleted by phase 2)", visibleTo: SCHOOL_A_TEAM },
  zqdeleter: { what: "an account that deletes itself in phase 2", visibleTo: [] },
  zqchanger: { what: "an account that changes its password in phase 2", visibleTo: [] },
  zqquitter: { what: "an account that signs out in phase 2", visibleTo: [] },
  zqquitall: { what: "an account that signs out of every device in phase 2", visibleTo: [] },
  zqplainquit: { what: "an account that signs out through POST /deconnexion in phase 2", visibleTo: [] },
  zqrosterb: { what: "a pupil of B's roster", visibleTo: ["otherAdmin"] },
  zqexterneb: { what: "pupil A2's external id in campaign a1", visibleTo: ["otherPupil", ...SCHOOL_A_TEAM] },
  zqexterne: { what: "pupil A1's external id in campaign a1", visibleTo: ["pupil", ...SCHOOL_A_TEAM] },
  zqcampa1: { what: "name of A's campaign a1 (teachers only; pupils see its title)", visibleTo: SCHOOL_A_TEAM },
  zqcampa2: { what: "name of A's campaign a2", visibleTo: SCHOOL_A_TEAM },
  zqcampa3: { what: "name of A's campaign a3", visibleTo: SCHOOL_A_TEAM },
  zqcampa4: { what: "name of A's campaign a4", visibleTo: SCHOOL_A_TEAM },
  zqcampa5: { what: "name of A's campaign a5", visibleTo: SCHOOL_A_TEAM },
  zqcampa6: { what: "name of A's campaign a6", visibleTo: SCHOOL_A_TEAM },
  zqcampb1: { what: "name of B's campaign b1", visibleTo: ["otherAdmin"] },
  zqinvitevue: { what: "e-mail of a pending invitation of A (only ADMINs list them)", visibleTo: ["admin"] },
  zqinviteannul: { what: "e-mail of a pending invitation of A (only ADMINs list them)", visibleTo: ["admin"] },
  zqinviterenvoi: { what: "e-mail of a pending invitation of A (only ADMINs list them)", visibleTo: ["admin"] },
  zqinviteaccept: { what: "e-mail of a pending invitation of A (only ADMINs list them)", visibleTo: ["admin"] },
  zqinviteinscrit: { what: "e-mail of a pending invitation of A (only ADMINs list them)", visibleTo: ["admin"] },
  zqinviteb: { what: "e-mail of a pending invitation of B", visibleTo: ["otherAdmin"] },
  // The activation link goes to the contact address: its ADMINs see that pending invitation, nobody else.
  zqcontacta: { what: "contact e-mail of A", visibleTo: ["admin"] },
  zqcontactb: { what: "contact e-mail of B", visibleTo: ["otherAdmin"] },
  // Dates of birth, as pages write them (dd/mm/yyyy) and as data carries them (yyyy-mm-dd).
  "14/03/2011": { what: "pupil A1's birthdate", visibleTo: ["pupil", ...SCHOOL_A_TEAM] },
  "2011-03-14": { what: "pupil A1's birthdate", visibleTo: ["pupil", ...SCHOOL_A_TEAM] },
  "21/05/2011": { what: "pupil A2's birthdate", visibleTo: ["otherPupil", ...SCHOOL_A_TEAM] },
  "2011-05-21": { what: "pupil A2's birthdate", visibleTo: ["otherPupil", ...SCHOOL_A_TEAM] },
  "29/02/2012": { what: "birthdate of A's roster-only pupil", visibleTo: SCHOOL_A_TEAM },
  "2012-02-29": { what: "birthdate of A's roster-only pupil", visibleTo: SCHOOL_A_TEAM },
  "30/06/2010": { what: "birthdate of B's roster pupil", visibleTo: ["otherAdmin"] },
  "2010-06-30": { what: "birthdate of B's roster pupil", visibleTo: ["otherAdmin"] },
  "0750001005a": { what: "INE of A's roster-only pupil", visibleTo: SCHOOL_A_TEAM },
  "0750002001b": { what: "INE of B's roster pupil", visibleTo: ["otherAdmin"] },
};

// E-mails and usernames carry their own markers, so that typing a pupil's name (which echoes back) never hides
// the leak of their login.
for (const who of ["admina", "membra", "sparea", "removable", "leaver", "joiner", "changer", "quitter", "quitall", "plainquit", "resetter", "adminb", "membrb", "pupila", "pupilb", "unlink", "deleter"]) {
  MARKERS[`zqmail${who}`] = { what: `e-mail of ${MARKERS[`zq${who}`].what}`, visibleTo: MARKERS[`zq${who}`].visibleTo };
}
MARKERS.zqloginmanaged = { what: "username of a pupil of A", visibleTo: SCHOOL_A_TEAM };
MARKERS.zqloginforced = { what: "username of a pupil of A", visibleTo: SCHOOL_A_TEAM };

/** Markers the actor must never see, found in the text. A marker that is a prefix of another is checked apart. */
export function leakedMarkers(actor: ActorName, text: string, extraVisible: readonly string[] = []): string[] {
  const haystack = text.toLowerCase();
  return Object.entries(MARKERS)
    .filter(([marker, { visibleTo }]) => !visibleTo.includes(actor) && !extraVisible.includes(marker))
    .filter(([marker]) => occurs(haystack, marker))
    .map(([marker, { what }]) => `${marker} (${what})`);
}

/** "zqexterne" must not match inside "zqexterneb": a marker counts when no letter follows it. */
function occurs(haystack: string, marker: string): boolean {
  for (let at = haystack.indexOf(marker); at !== -1; at = haystack.indexOf(marker, at + 1)) {
    if (!/[a-z]/.test(haystack[at + marker.length] ?? "")) return true;
  }
  return false;
}
