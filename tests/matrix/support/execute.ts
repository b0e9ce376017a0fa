/**
 * Runs one call of the matrix and says what is wrong with its answer: a 5xx, a marker the caller must not see, a
 * change in the database where none is allowed, or a proof that does not hold.
 */
import type { BuildEntryPoints } from "./entry-points";
import { changedTables, type DatabaseProbe, type Fingerprint } from "./fingerprint";
import { callAction, callRoute, getPage, postActionWithoutJavaScript, signIn, type HttpResult } from "./http";
import { leakedMarkers, MARKERS } from "./markers";
import type { Call, Caller, Proof, Refusal } from "./matrix";
import type { ActorName, HelperName, World } from "./world";

/** What a helper account may see: the joiner has no school (yet), the leaver is a MEMBER of A until it leaves. */
const HELPER_VIEWS: Record<HelperName, { as: ActorName; own: string[] }> = {
  joiner: { as: "anonymous", own: ["zqjoiner", "zqmailjoiner"] },
  leaver: { as: "member", own: [] },
  changer: { as: "anonymous", own: ["zqchanger", "zqmailchanger"] },
  forced: { as: "anonymous", own: ["zqforced", "zqloginforced"] },
  quitter: { as: "anonymous", own: ["zqquitter", "zqmailquitter"] },
  quitterEverywhere: { as: "anonymous", own: ["zqquitall", "zqmailquitall"] },
  plainQuitter: { as: "anonymous", own: ["zqplainquit", "zqmailplainquit"] },
  deleter: { as: "anonymous", own: ["zqdeleter", "zqmaildeleter"] },
};

export type MatrixContext = {
  baseUrl: string;
  world: World;
  /** The fingerprint of the world during phase 1 (a change is undone at once, so it never moves). */
  baseline?: Fingerprint;
  build: BuildEntryPoints;
  cookies: Partial<Record<Caller, string>>;
  database: DatabaseProbe;
};

export type CallRecord = {
  entry: string;
  caller: Caller;
  phase: 1 | 2;
  call: string;
  status: number;
  location: string | null;
  said: string | null;
  changed: string[];
  problems: string[];
  /** Forms of the page with a password field that a browser would send with GET (the password in the URL). */
  secretFormsByGet: number;
};

/** A form with a password field is sent in the URL unless it says method="post" (forms of server actions do). */
export function secretFormsSentByGet(html: string): number {
  let count = 0;
  for (const [, attributes, inner] of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    if (/type="password"/i.test(inner) && !/method="post"/i.test(attributes)) count++;
  }
  return count;
}

/** What the answer says to the user, in short (an action's French message, or a page's title), for the report. */
function saidIn(body: string): string | null {
  const message = /"message":"((?:[^"\\]|\\.)*)"/.exec(body)?.[1] ?? /<title>([^<]*)<\/title>/.exec(body)?.[1] ?? /<h1[^>]*>(.*?)<\/h1>/.exec(body)?.[1];
  return message ? message.replace(/<[^>]+>/g, "").slice(0, 160) : null;
}

export function describeCall(call: Call): string {
  if ("signIn" in call) return `connexion ${call.signIn} (${Object.keys(call.fields).join(", ")})`;
  if ("page" in call) return `GET ${call.page}`;
  if ("route" in call) return `${call.method} ${call.route}`;
  return `${call.noJs ? "sans JS " : ""}action ${call.action} depuis ${call.from}${call.origin ? ` (envoyée par ${call.origin})` : ""}`;
}

function actionId(context: MatrixContext, key: string): string {
  const found = context.build.actions.find((action) => action.key === key);
  if (!found) throw new Error(`Action absente de la build : ${key}`);
  return found.id;
}

async function send(context: MatrixContext, call: Call, caller: Caller): Promise<HttpResult> {
  const cookie = caller === "anonymous" ? undefined : context.cookies[caller];
  if (caller !== "anonymous" && !cookie) throw new Error(`Pas de session pour ${caller}.`);
  if ("signIn" in call) return signIn(context.baseUrl, call.signIn, call.fields, cookie);
  if ("page" in call) return getPage(context.baseUrl, call.page, cookie);
  if ("route" in call) return callRoute(context.baseUrl, { method: call.method, path: call.route, body: call.body, headers: call.headers }, cookie);
  const input = { id: actionId(context, call.action), path: call.from, args: call.args, origin: call.origin };
  return call.noJs ? postActionWithoutJavaScript(context.baseUrl, input, cookie) : callAction(context.baseUrl, input, cookie);
}

/** Markers typed by the caller (a name in an identity form…) may come back in the answer: that is no leak. */
async function markersSent(call: Call): Promise<string[]> {
  const parts: string[] = ["signIn" in call ? JSON.stringify(call.fields) : "page" in call ? call.page : "route" in call ? `${call.route} ${String(call.body ?? "")}` : call.from];
  if ("args" in call) {
    for (const arg of call.args) {
      if (arg instanceof FormData) for (const [, value] of arg.entries()) parts.push(typeof value === "string" ? value : `${value.name} ${await value.text()}`);
      else parts.push(JSON.stringify(arg));
    }
  }
  const sent = parts.join(" ").toLowerCase();
  return Object.keys(MARKERS).filter((marker) => sent.includes(marker));
}

function opensSession(result: HttpResult): boolean {
  return result.headers.getSetCookie().some((cookie) => /^next-auth\.session-token=[^;]/.test(cookie));
}

function locationOf(result: HttpResult): string {
  return result.location ?? "";
}

/** A refused call: no 5xx, no marker the caller may not see, nothing changed. */
export async function expectRefused(context: MatrixContext, entry: string, caller: ActorName, call: Call, refusal: Refusal | undefined): Promise<CallRecord> {
  await context.database.forgetRateLimits();
  const before = context.baseline ?? (await context.database.fingerprint());
  const result = await send(context, call, caller);
  const changed = changedTables(before, await context.database.fingerprint());
  if (changed.length) await context.database.restore(changed);
  const problems: string[] = [];
  if (result.status >= 500) problems.push(`HTTP ${result.status}`);
  const leaks = leakedMarkers(caller, `${locationOf(result)}\n${result.body}`, [...(await markersSent(call)), ...(refusal?.mayShow ?? [])]);
  if (leaks.length) problems.push(`données d'autrui dans la réponse : ${leaks.join(", ")}`);
  if (changed.length) problems.push(`base modifiée : ${changed.join(", ")}`);
  if (opensSession(result)) problems.push("une session a été ouverte");
  if (refusal?.status && !refusal.status.includes(result.status)) problems.push(`HTTP ${result.status}, attendu ${refusal.status.join(" ou ")}`);
  if (refusal?.redirect && !refusal.redirect.test(locationOf(result))) problems.push(`redirection « ${locationOf(result)} », attendu ${refusal.redirect}`);
  return { entry, caller, phase: 1, call: describeCall(call), status: result.status, location: result.location, said: saidIn(result.body), changed, problems, secretFormsByGet: secretFormsSentByGet(result.body) };
}

/** An allowed call: it works as the proof says, and still shows nothing the caller may not see. */
export async function expectAllowed(context: MatrixContext, entry: string, caller: Caller, call: Call, proof: Proof): Promise<CallRecord> {
  await context.database.forgetRateLimits();
  const before = await context.database.fingerprint();
  const result = await send(context, call, caller);
  const changed = changedTables(before, await context.database.fingerprint());
  const problems: string[] = [];
  if (result.status >= 500) problems.push(`HTTP ${result.status}`);
  const view = HELPER_VIEWS[caller as HelperName] ?? { as: caller as ActorName, own: [] };
  const leaks = leakedMarkers(view.as, `${locationOf(result)}\n${result.body}`, [...(await markersSent(call)), ...view.own, ...(proof.mayShow ?? [])]);
  if (leaks.length) problems.push(`données d'autrui dans la réponse : ${leaks.join(", ")}`);
  if (proof.status !== undefined && result.status !== proof.status) problems.push(`HTTP ${result.status}, attendu ${proof.status}`);
  // React writes an apostrophe as &#x27;: texts are compared as the page reads.
  const read = result.body.replaceAll("&#x27;", "'").replaceAll("&amp;", "&").toLowerCase();
  for (const text of proof.shows ?? []) if (!read.includes(text.toLowerCase())) problems.push(`la réponse ne contient pas « ${text} »`);
  for (const text of proof.hides ?? []) if (read.includes(text.toLowerCase())) problems.push(`la réponse contient « ${text} »`);
  if (proof.redirect && !proof.redirect.test(locationOf(result))) problems.push(`redirection « ${locationOf(result)} », attendu ${proof.redirect}`);
  if (proof.opensSession && !opensSession(result)) problems.push("aucune session ouverte");
  for (const table of proof.changes ?? []) if (!changed.includes(table)) problems.push(`la table ${table} n'a pas changé (changées : ${changed.join(", ") || "aucune"})`);
  if ("page" in call && changed.length && !proof.changes && !proof.mayWrite) problems.push(`une page lue (GET) a modifié la base : ${changed.join(", ")}`);
  const verdict = proof.verify ? await proof.verify(context.world, (text, values) => context.database.sql(text, values)) : null;
  if (verdict) problems.push(verdict);
  return { entry, caller, phase: 2, call: describeCall(call), status: result.status, location: result.location, said: saidIn(result.body), changed, problems, secretFormsByGet: secretFormsSentByGet(result.body) };
}
