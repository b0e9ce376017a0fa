/**
 * Signing in and out (lib/actions/session-actions.ts). Signing in is the only way a password opens a session; signing
 * out acts on the caller's own session and names nobody, so the actors' own sessions are never ended here (the matrix
 * needs them): two helper accounts sign out in phase 2, and a page read right after proves their cookie is dead.
 */
import { fieldsToForm, stateArgs, type Call, type Row } from "../support/matrix";
import { PASSWORD, type ActorName, type World } from "../support/world";

const session = (name: string) => `lib/actions/session-actions.ts#${name}`;
const privacy = (name: string) => `lib/actions/privacy-actions.ts#${name}`;
const signIn = (fields: Record<string, string>): Call => ({ action: session("signInAction"), from: "/connexion", args: stateArgs(fields) });
/** The open redirect of finding 8: browsers strip the tab, `/\t/attacker.invalid/` would become `//attacker.invalid/`. */
const HOSTILE_RETURN = "/\t/attacker.invalid/";
/** The sign-out forms (components/ui/logout-button.tsx) send only the form, with a `retour` that must stay on the app. */
const signOutCall = (name: string, origin?: string): Call => ({ action: session(name), from: "/mon-compte", args: [fieldsToForm({ retour: HOSTILE_RETURN })], origin });
/**
 * Signing out takes no id: the attack on someone's session is a form posted by another site with their cookie. The
 * anonymous caller posts from the site itself. (Signing the actors out for real would end the sessions the run needs:
 * the helpers do it in phase 2.)
 */
const signOut = (name: string, actor: ActorName): Call => signOutCall(name, actor === "anonymous" ? undefined : "https://attacker.invalid");

export const SESSION_ACTIONS: Row[] = [
  {
    entry: `action ${session("signInAction")}`,
    rule: "A session opens only with the right password of the account typed (wrong, empty, unknown: the same refusal, nothing changes but the failure counters).",
    probe: (w: World) => [
      signIn({ login: w.logins.pupil.login, password: "Mauvais-mot-de-passe-1!" }),
      signIn({ login: w.logins.admin.login, password: "" }),
      signIn({ login: "zq-inconnu@example.org", password: PASSWORD }),
      // The teacher's login typed with the pupil's password.
      signIn({ login: w.logins.otherAdmin.login, password: `${PASSWORD} ` }),
    ],
    controls: [
      {
        as: "anonymous",
        call: (w) => signIn({ login: w.logins.otherPupil.login, password: PASSWORD, retour: `/campagnes/${w.campaigns.a1.code}` }),
        proof: { opensSession: true, redirect: /^\/campagnes\/[A-Z0-9]+$/, mayShow: ["zqpupilb", "zqmailpupilb"] },
      },
      {
        // Finding 12: the same form posted before the page's JavaScript ran (a slow school computer).
        as: "anonymous",
        call: (w) => ({ ...signIn({ login: w.logins.otherPupil.login, password: PASSWORD, retour: HOSTILE_RETURN }), noJs: true }),
        // Finding 8: a `retour` off the app's origin falls back to the home page.
        proof: { opensSession: true, redirect: /^(http:\/\/[^/]+)?\/$/, mayShow: ["zqpupilb", "zqmailpupilb"] },
      },
    ],
  },
  {
    entry: `action ${session("signOutAction")}`,
    rule: "« Se déconnecter » ends the caller's own session only, from a page of the site: it takes no id, a form posted by another site (CSRF) ends nothing (403), an anonymous call changes nothing.",
    probe: (_w, actor) => signOut("signOutAction", actor),
    controls: [
      { as: "quitter", call: () => signOutCall("signOutAction"), proof: { redirect: /^(http:\/\/[^/]+)?\/$/, changes: ["revoked_sessions"] } },
      // The cookie the browser had is refused from now on.
      { as: "quitter", call: () => ({ page: "/mon-compte" }), proof: { redirect: /\/connexion/ } },
    ],
  },
  {
    entry: `action ${session("signOutEverywhereAction")}`,
    rule: "« Se déconnecter de tous les appareils » ends every session of the caller's own account (session version), from a page of the site only; anonymous: nothing.",
    probe: (_w, actor) => signOut("signOutEverywhereAction", actor),
    controls: [
      {
        as: "quitterEverywhere",
        call: () => signOutCall("signOutEverywhereAction"),
        proof: {
          redirect: /\/connexion$/,
          changes: ["users"],
          verify: async (w, sql) => {
            const [row] = await sql<{ session_version: number }>("SELECT session_version FROM users WHERE id = $1", [w.logins.quitterEverywhere.userId]);
            return row?.session_version > 0 ? null : "la version de session du compte n'a pas changé";
          },
        },
      },
      { as: "quitterEverywhere", call: () => ({ page: "/mon-compte" }), proof: { redirect: /\/connexion/ } },
    ],
  },
  {
    entry: "action lib/actions/privacy-actions.ts#deleteMyAccountAction",
    rule: "« Supprimer mon compte »: the caller's own account only (it takes no id), confirmed by its password, from a page of the site; refused for a Pix Orga member; anonymous: nothing.",
    probe: (_w, actor) => {
      const fromSite = (password: string): Call => ({ action: privacy("deleteMyAccountAction"), from: "/mon-compte", args: stateArgs({ password }) });
      const crossSite: Call = { ...fromSite(PASSWORD), origin: "https://attacker.invalid" };
      // Pupils with the right password would really delete their account: they try a wrong one, and another site
      // tries the right one with their cookie. Teachers may type theirs: a member of a team cannot delete their account.
      if (actor === "pupil" || actor === "otherPupil") return [fromSite("Mauvais-mot-de-passe-1!"), fromSite(""), crossSite];
      return actor === "anonymous" ? fromSite(PASSWORD) : [fromSite(PASSWORD), crossSite];
    },
    controls: [
      {
        as: "deleter",
        call: () => ({ action: privacy("deleteMyAccountAction"), from: "/mon-compte", args: stateArgs({ password: PASSWORD }) }),
        proof: {
          redirect: /^\/compte-supprime$/,
          changes: ["users", "audit_log"],
          verify: async (w, sql) => {
            const [row] = await sql<{ email: string | null; password_hash: string | null }>("SELECT email, password_hash FROM users WHERE id = $1", [w.logins.deleter.userId]);
            return row && row.email === null && row.password_hash === null ? null : "le compte n'a pas été anonymisé (e-mail ou mot de passe encore là)";
          },
        },
      },
      // Every session of the deleted account has ended.
      { as: "deleter", call: () => ({ page: "/mon-compte" }), proof: { redirect: /\/connexion/ } },
    ],
  },
];
