/**
 * A short HTTP fuzz of every entry point of the build: malformed or hostile bodies, paths and queries must get a
 * 4xx (or a page saying what is wrong in French), never a 5xx and never a hang. Structure-aware inputs start from the
 * matrix's own calls (the fields each action really reads) and mutate their values with fast-check; the seed is
 * fixed, so `npm test` sends the same requests every time.
 */
import fc from "fast-check";
import { createRequire } from "node:module";
import type { Row } from "./matrix";
import type { World } from "./world";

const require = createRequire(import.meta.url);
const flightClient = require("next/dist/compiled/react-server-dom-webpack/client.node.js") as { encodeReply: (value: unknown[]) => Promise<string | FormData> };

export type FuzzRequest = { what: string; path: string; init: RequestInit };

const SEED = 20_261_206;
const MEGABYTE = 1024 * 1024;

/** Values that break naive parsing: numbers out of range, wrong types, control characters, broken Unicode, huge text. */
const HOSTILE_VALUES = [
  "",
  " ",
  "-1",
  "0",
  "1.5",
  "1e309",
  "NaN",
  "99999999999999999999",
  "2147483648",
  "null",
  "[object Object]",
  "\u0000",
  "\ud800",
  "%E0%A4%A",
  "<script>alert(1)</script>",
  "=cmd|' /C calc'!A0",
  "a".repeat(200_000),
];

const hostileString = fc.oneof(fc.constantFrom(...HOSTILE_VALUES), fc.string({ unit: "binary", maxLength: 300 }), fc.string({ unit: "grapheme", maxLength: 60 }));

function fieldsOf(call: unknown): [string, FormDataEntryValue][] {
  const args = (call as { args?: unknown[] } | undefined)?.args;
  const form = args?.at(-1);
  return form instanceof FormData ? [...form.entries()] : [];
}

function fieldsToFormData(fields: [string, FormDataEntryValue][]): FormData {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  return form;
}

/** Mutations of a real form: each field gets a hostile value, is dropped, doubled, or becomes a file. */
function mutatedForms(fields: [string, FormDataEntryValue][], count: number, seed: number): FormData[] {
  const names = fields.map(([name]) => name);
  if (names.length === 0) return [];
  const mutation = fc.record({
    values: fc.array(hostileString, { minLength: names.length, maxLength: names.length }),
    kinds: fc.array(fc.constantFrom("value", "value", "drop", "twice", "file"), { minLength: names.length, maxLength: names.length }),
  });
  return fc.sample(mutation, { numRuns: count, seed }).map(({ values, kinds }) => {
    const form = new FormData();
    names.forEach((name, i) => {
      if (kinds[i] === "drop") return;
      if (kinds[i] === "file") form.append(name, new File([values[i]], "fichier.bin"));
      else form.append(name, values[i]);
      if (kinds[i] === "twice") form.append(name, values[i]);
    });
    return form;
  });
}

function actionRequest(what: string, path: string, id: string, body: BodyInit, contentType?: string): FuzzRequest {
  return { what, path, init: { method: "POST", body, headers: { accept: "text/x-component", "next-action": id, ...(contentType ? { "content-type": contentType } : {}) } } };
}

/** Requests for one server action, from the matrix row that calls it. */
export async function actionFuzz(action: { key: string; id: string }, row: Row | undefined, world: World, index: number): Promise<FuzzRequest[]> {
  const probe = row ? [row.probe(world, "admin")].flat()[0] : undefined;
  const path = probe && "from" in probe ? probe.from : "/";
  const requests: FuzzRequest[] = [
    actionRequest("corps texte qui n'est pas du flight", path, action.id, "{{{ pas du JSON", "text/plain;charset=UTF-8"),
    actionRequest("JSON tronqué", path, action.id, '[{"ok":false},"$K1"', "text/plain;charset=UTF-8"),
    actionRequest("multipart sans fin", path, action.id, "--x\r\nContent-Disposition: form-data; name=\"0\"\r\n\r\n[", "multipart/form-data; boundary=x"),
    actionRequest("JSON au lieu d'un formulaire", path, action.id, JSON.stringify({ campaignId: 1 }), "application/json"),
  ];
  for (const args of [[], [null], ["texte"], [{ ok: false }, "pas un formulaire"], [{ ok: false }, { champ: 1 }], [{ ok: false }, 42, 43]]) {
    const body = await flightClient.encodeReply(args);
    requests.push(actionRequest(`arguments ${JSON.stringify(args)}`, path, action.id, body as BodyInit, typeof body === "string" ? "text/plain;charset=UTF-8" : undefined));
  }
  const bound = probe && "args" in probe ? probe.args.slice(0, -1) : [{ ok: false }];
  const fields = fieldsOf(probe);
  for (const [i, form] of mutatedForms(fields, 6, SEED + index).entries()) {
    const body = await flightClient.encodeReply([...bound, form]);
    requests.push(actionRequest(`formulaire muté n° ${i + 1}`, path, action.id, body as BodyInit));
  }
  // The real form, posted by another site (CSRF): with JavaScript's shape and as a plain form.
  const crossSite = { origin: "https://attacker.invalid" };
  const realBody = (await flightClient.encodeReply([...bound, fieldsToFormData(fields)])) as BodyInit;
  const crossSiteCall = actionRequest("envoyée par un autre site", path, action.id, realBody);
  requests.push({ ...crossSiteCall, init: { ...crossSiteCall.init, headers: { ...(crossSiteCall.init.headers as Record<string, string>), ...crossSite } } });
  const plainForm = fieldsToFormData(fields);
  plainForm.append(`$ACTION_ID_${action.id}`, "");
  requests.push({ what: "formulaire sans JS envoyé par un autre site", path, init: { method: "POST", body: plainForm, headers: crossSite } });
  const fileField = fields.find(([, value]) => typeof value !== "string")?.[0];
  if (fileField) {
    // Beyond the server actions' body limit (21 MB, next.config.ts): refused before the action runs.
    const form = new FormData();
    form.append(fileField, new File([new Uint8Array(25 * MEGABYTE)], "BEE_ELEVES.xml"));
    requests.push(actionRequest("fichier de 25 Mo", path, action.id, (await flightClient.encodeReply([...bound, form])) as BodyInit));
  }
  return requests;
}

/** Requests for one route handler method. */
export function routeFuzz(method: string, path: string): FuzzRequest[] {
  if (method === "GET") {
    return [
      { what: "requête cassée", path: `${path}?%E0%A4%A=%&x=${"a".repeat(8000)}`, init: { method } },
      { what: "requête répétée", path: `${path}?${Array.from({ length: 500 }, (_, i) => `p${i}=${i}`).join("&")}`, init: { method } },
    ];
  }
  return [
    { what: "JSON mal formé", path, init: { method, body: "{\"login\":", headers: { "content-type": "application/json" } } },
    { what: "multipart cassé", path, init: { method, body: "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb", headers: { "content-type": "multipart/form-data; boundary=x" } } },
    { what: "multipart sans boundary", path, init: { method, body: "a=b", headers: { "content-type": "multipart/form-data" } } },
    { what: "octets au hasard", path, init: { method, body: new Uint8Array(fc.sample(fc.integer({ min: 0, max: 255 }), { numRuns: 4096, seed: SEED })), headers: { "content-type": "application/octet-stream" } } },
    { what: "formulaire urlencodé invalide", path, init: { method, body: "%E0%A4%A=%&&==", headers: { "content-type": "application/x-www-form-urlencoded" } } },
    { what: "champ de 2 Mo", path, init: { method, body: new URLSearchParams({ SAMLResponse: "A".repeat(2 * MEGABYTE), action: "RESET_PASSWORD" }) } },
    { what: "corps de 30 Mo", path, init: { method, body: new Uint8Array(30 * MEGABYTE), headers: { "content-type": "multipart/form-data; boundary=x" } } },
  ];
}

/** Hostile values in every dynamic segment of a page, and broken queries on the page itself (`concrete`: real ids). */
export function pageFuzz(pattern: string, concrete: string): FuzzRequest[] {
  const query = { what: "requête cassée", path: `${concrete}?retour=%E0%A4%A&token=%&copie=-1&page=1e309&statut=%00&classe=${"x".repeat(3000)}`, init: { method: "GET" } };
  const pages = { what: "page=99999999999999999999", path: `${concrete}?page=99999999999999999999`, init: { method: "GET" } };
  if (!pattern.includes("[")) return [query, pages];
  const segments = ["%E0%A4%A", "%", "-1", "99999999999999999999", `..%2F${"x".repeat(5000)}`];
  return [query, pages, ...segments.map((value) => ({ what: `segment « ${value.slice(0, 30)} »`, path: pattern.replace(/\[[^\]]+\]/g, value), init: { method: "GET" } }))];
}
