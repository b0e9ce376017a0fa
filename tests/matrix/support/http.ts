/**
 * The matrix talks to the production server the way a browser (or an attacker) does: plain HTTP, session cookies
 * from the real login, server actions posted with the `Next-Action` header and their arguments encoded by React's
 * own client (`encodeReply`), forms posted without JavaScript as multipart bodies.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
/** React's client for server functions, as bundled inside next (the same encoder the browser runs). */
const flightClient = require("next/dist/compiled/react-server-dom-webpack/client.node.js") as {
  encodeReply: (value: unknown[]) => Promise<string | FormData>;
};

export type HttpResult = { status: number; location: string | null; headers: Headers; body: string };

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
}

const SIGN_IN_ACTION = "lib/actions/session-actions.ts#signInAction";

/**
 * Signs in the way the login form does (the login server action, under the real login limits: each account signs in
 * once per run, and only failures count) and returns the session cookie.
 */
export async function logIn(baseUrl: string, login: string, password: string, build: { actions: { key: string; id: string }[] }): Promise<string> {
  const action = build.actions.find((candidate) => candidate.key === SIGN_IN_ACTION);
  if (!action) throw new Error(`La build n'a pas d'action de connexion ${SIGN_IN_ACTION} : la matrice se connecte comme le formulaire.`);
  const form = new FormData();
  form.append("login", login);
  form.append("password", password);
  const response = await callAction(baseUrl, { id: action.id, path: "/connexion", args: [{ ok: false }, form] }, undefined);
  const session = response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]).find((cookie) => /^next-auth\.session-token=./.test(cookie));
  if (!session) throw new Error(`La connexion de ${login} a échoué (HTTP ${response.status}) : la matrice a besoin d'une vraie session.`);
  return session;
}

/** next-auth's way in, still used after a GAR sign-in: CSRF token, then the provider's callback (the single-use token). */
export async function signIn(baseUrl: string, provider: string, fields: Record<string, string>, cookie: string | undefined): Promise<HttpResult> {
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`, { headers: cookie ? { cookie } : {} });
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const jar = [...(cookie ? [cookie] : []), ...cookiesOf(csrfResponse)];
  return send(`${baseUrl}/api/auth/callback/${provider}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; "), origin: baseUrl },
    body: new URLSearchParams({ csrfToken, json: "true", callbackUrl: baseUrl, ...fields }),
  });
}

async function send(url: string, init: RequestInit): Promise<HttpResult> {
  const response = await fetch(url, { ...init, redirect: "manual", signal: AbortSignal.timeout(30_000) });
  // A server action's redirect comes as `x-action-redirect: /path;push` (or ;replace).
  const actionRedirect = response.headers.get("x-action-redirect")?.replace(/;(push|replace)$/, "") ?? null;
  return { status: response.status, location: response.headers.get("location") ?? actionRedirect, headers: response.headers, body: await bodyOf(response) };
}

/** The whole body; of an event stream (which never ends by itself), the first event with data, then the stream is closed. */
export async function bodyOf(response: Response): Promise<string> {
  if (!response.headers.get("content-type")?.startsWith("text/event-stream") || !response.body) return response.text();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let text = "";
  try {
    while (!/\ndata: [^\n]*\n\n/.test(text)) {
      const { value, done } = await reader.read();
      if (done) break;
      text += value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return text;
}

export function getPage(baseUrl: string, path: string, cookie: string | undefined): Promise<HttpResult> {
  return send(`${baseUrl}${path}`, { headers: cookie ? { cookie } : {} });
}

export function callRoute(baseUrl: string, input: { method: string; path: string; body?: BodyInit; headers?: Record<string, string> }, cookie: string | undefined): Promise<HttpResult> {
  return send(`${baseUrl}${input.path}`, {
    method: input.method,
    body: input.body,
    headers: { origin: baseUrl, ...(cookie ? { cookie } : {}), ...input.headers },
  });
}

/** A server action called as the client router calls it (fetch with `Next-Action`), from the page at `path`. */
export async function callAction(baseUrl: string, input: { id: string; path: string; args: unknown[]; origin?: string }, cookie: string | undefined): Promise<HttpResult> {
  const body = await flightClient.encodeReply(input.args);
  return send(`${baseUrl}${input.path}`, {
    method: "POST",
    body,
    headers: {
      accept: "text/x-component",
      "next-action": input.id,
      origin: input.origin ?? baseUrl,
      ...(typeof body === "string" ? { "content-type": "text/plain;charset=UTF-8" } : {}),
      ...(cookie ? { cookie } : {}),
    },
  });
}

/**
 * The same action posted by a browser without JavaScript (or before hydration): a multipart form whose hidden fields
 * name the action the way React renders them. With useActionState, the previous state is bound as the first argument
 * (`$ACTION_REF_1`, `$ACTION_1:0`, `$ACTION_1:1`); a plain `<form action={fn}>` sends `$ACTION_ID_<id>`.
 */
export function postActionWithoutJavaScript(baseUrl: string, input: { id: string; path: string; args: unknown[]; origin?: string }, cookie: string | undefined): Promise<HttpResult> {
  const form = new FormData();
  const fields = input.args.at(-1);
  if (!(fields instanceof FormData)) throw new Error("Un formulaire sans JavaScript n'envoie qu'un FormData.");
  const bound = input.args.slice(0, -1);
  if (bound.length === 0) {
    form.append(`$ACTION_ID_${input.id}`, "");
  } else {
    form.append("$ACTION_REF_1", "");
    form.append("$ACTION_1:0", JSON.stringify({ id: input.id, bound: "$@1" }));
    form.append("$ACTION_1:1", JSON.stringify(bound));
    form.append("$ACTION_KEY", "k0matrice");
  }
  for (const [name, value] of fields.entries()) form.append(name, value);
  return send(`${baseUrl}${input.path}`, { method: "POST", body: form, headers: { origin: input.origin ?? baseUrl, ...(cookie ? { cookie } : {}) } });
}
