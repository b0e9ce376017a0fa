import { afterEach, describe, expect, it } from "vitest";
import { createServer, type Server } from "node:http";
import { rawPost, type RawReply } from "../support/raw-post";
import type { AddressInfo } from "node:net";
import { AnswerGate, type AnswerGateOptions, type AnswerGateSettings } from "@/lib/server/answer-gate";
import { ARRIVAL_FIELD, ARRIVAL_HEADER, gateArrivalProver, provenArrival } from "@/lib/server/arrival-proof";
import { BUSY_MESSAGE } from "@/lib/domain/shared/errors";

/**
 * Issue 15: a pupil without JavaScript posts the question's form as a plain form (no X-Pix-Flow). Refused by the
 * answer gate, they used to get a bare text/plain 503: no page, no way back but the browser's back button, the answer
 * gone. Now a French page that keeps the answer in a form re-posting it as it was sent (« Renvoyer ma réponse »),
 * with its signed first arrival; the script's refusal stays the text it reads. Real sockets, as scripts/server.ts.
 */
let server: Server | undefined;
const KEY = "clé-de-test-0123456789-0123456789";
const COOKIE = "next-auth.session-token";
const PAGE = "/campagnes/ABCDEF123/evaluation";

function saturatedGate(options: AnswerGateOptions = { proveArrival: gateArrivalProver(KEY, COOKIE) }, settings: Partial<AnswerGateSettings> = {}) {
  const gate = new AnswerGate({ concurrency: 1, queue: 0, queueMs: 1_000, retryAfterSeconds: 2, ...settings }, options);
  const inside: (() => void)[] = [];
  server = createServer((req, res) => {
    void gate.enter(req, res).then((release) => {
      if (!release) return;
      req.resume();
      inside.push(() => res.end("réponse enregistrée"));
    });
  });
  return {
    gate,
    inside,
    listen: () => new Promise<number>((resolve) => server!.listen(0, "127.0.0.1", () => resolve((server!.address() as AddressInfo).port))),
  };
}
afterEach(() => new Promise<void>((resolve) => (server ? (server.closeAllConnections(), server.close(() => resolve())) : resolve())));

type Reply = RawReply;
function post(port: number, body: string, headers: Record<string, string> = {}): Promise<Reply> {
  // What a browser sends with a form of the page: the page's origin.
  return rawPost({ port, path: PAGE, body, headers: { cookie: `${COOKIE}=jeton-de-test`, host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}`, ...headers } }).done;
}

/** The slot taken by an answer that stays inside until the test ends it. */
async function holdTheSlot(port: number, inside: (() => void)[]) {
  const held = post(port, "code=ABCDEF123&challengeId=rec-autre&intent=skip", { "x-pix-flow": "1" });
  for (let i = 0; i < 200 && inside.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
  expect(inside).toHaveLength(1);
  return async () => {
    inside[0]();
    expect((await held).status).toBe(200);
  };
}

/** What a browser reads back from a hidden input's attribute values (the page escapes; this undoes it). */
const decode = (text: string) =>
  text.replace(/&(#(\d+)|#x([0-9a-f]+)|amp|lt|gt|quot|apos);/gi, (_, entity: string, dec?: string, hex?: string) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" } as Record<string, string>)[entity.toLowerCase()],
  );
function hiddenFields(html: string): [string, string][] {
  return [...html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)"\s*\/?>/g)].map((m) => [decode(m[1]), decode(m[2])]);
}
const formTag = (html: string) => /<form\b[^>]*>/.exec(html)?.[0] ?? "";

describe("the answer gate's refusal of a plain form post (no JavaScript)", () => {
  it("is a French page (503, Retry-After, not cacheable) whose form re-posts the exact answer, escaped, with its first arrival", async () => {
    const { inside, listen } = saturatedGate();
    const port = await listen();
    const release = await holdTheSlot(port, inside);
    const answer = new URLSearchParams([
      ["code", "ABCDEF123"],
      ["challengeId", "rec-chrono"],
      ["kind", "fields"],
      ["timedOut", "0"],
      ["field:reponse", `"><script>alert('x')</script> & </form><img src=x onerror=alert(1)>`],
      ["field:\"><b>autre", "deux\r\nlignes é ü"],
      ["intent", "answer"],
    ]);
    const before = Date.now();
    const refused = await post(port, answer.toString(), { origin: `http://127.0.0.1:${port}` });

    expect(refused.status).toBe(503);
    expect(refused.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(refused.headers["cache-control"]).toBe("no-store");
    expect(refused.headers["retry-after"]).toBe("2");
    expect(Number(refused.headers["content-length"])).toBe(Buffer.byteLength(refused.body));
    const html = refused.body;
    expect(html).toMatch(/^<!DOCTYPE html><html lang="fr">/);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1"');
    expect(html).toMatch(/<h1[^>]*>Trop de monde en même temps<\/h1>/);
    expect(html).toMatch(new RegExp(`<p role="alert"[^>]*>[^<]*votre réponse n'a pas été perdue`));
    // The request's data never comes back as markup.
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>");
    // The answer in words above the button (ADR 0013 « 07/12 (21) »): what was typed, as text (the `[^<]*` match: no
    // markup inside), read back as typed.
    const summary = /<p [^>]*data-answer-summary="">([^<]*)<\/p>/.exec(html)?.[1] ?? "";
    expect(decode(summary)).toBe(`Votre réponse\u202f: «\u202f${answer.get("field:reponse")}\u202f», «\u202f${answer.get('field:"><b>autre')}\u202f».`);
    // Elsewhere, outside attribute values (an escaped value holds no raw quote), no handler: the text stayed text.
    expect(html.replace(summary, "").replace(/"[^"]*"/g, '""')).not.toMatch(/onerror|alert/);
    // One form: the same address and method, the answer's fields in order, then its proof of first arrival.
    expect(html.match(/<form\b/g)).toHaveLength(1);
    expect(formTag(html)).toBe(`<form method="post" action="${PAGE}">`);
    const fields = hiddenFields(html);
    expect(fields.slice(0, -1)).toEqual([...answer.entries()]);
    const [name, proof] = fields.at(-1)!;
    expect(name).toBe(ARRIVAL_FIELD);
    const arrivedAt = provenArrival(KEY, proof, { campaignCode: "ABCDEF123", sessionToken: "jeton-de-test", form: answer }, Date.now())!;
    expect(arrivedAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(html).toMatch(/<button type="submit"[^>]*>Renvoyer ma réponse<\/button>/);
    expect(html).toMatch(new RegExp(`<a href="${PAGE}"[^>]*>Revenir à la question</a>`));
    // The proof travels in the form only: never in an address.
    expect(html).not.toMatch(/href="[^"]*\?/);
    await release();
  });

  it("a re-post refused again keeps its first arrival (the page's proof), not the later one", async () => {
    const { inside, listen } = saturatedGate();
    const port = await listen();
    const release = await holdTheSlot(port, inside);
    const answer = new URLSearchParams({ code: "ABCDEF123", challengeId: "rec-chrono", kind: "choices", choice: "2", intent: "answer" });
    const first = hiddenFields((await post(port, answer.toString())).body);
    const proof = first.at(-1)![1];
    await new Promise((r) => setTimeout(r, 20));
    const again = hiddenFields((await post(port, new URLSearchParams([...first]).toString())).body);
    expect(again).toEqual(first);
    expect(provenArrival(KEY, proof, { campaignCode: "ABCDEF123", sessionToken: "jeton-de-test", form: answer }, Date.now())).not.toBeNull();
    // A forged or foreign proof is not kept: the page carries a new one, of this arrival.
    const forged = hiddenFields((await post(port, `${answer.toString()}&${ARRIVAL_FIELD}=1765000000000.faux`)).body);
    expect(forged.slice(0, -1)).toEqual([...answer.entries()]);
    expect(forged.at(-1)![1]).not.toBe("1765000000000.faux");
    expect(provenArrival(KEY, forged.at(-1)![1], { campaignCode: "ABCDEF123", sessionToken: "jeton-de-test", form: answer }, Date.now())).not.toBeNull();
    await release();
  });

  it("the script's post (X-Pix-Flow) keeps today's text reply exactly", async () => {
    const { inside, listen } = saturatedGate();
    const port = await listen();
    const release = await holdTheSlot(port, inside);
    const refused = await post(port, "code=ABCDEF123&challengeId=rec&intent=skip", { "x-pix-flow": "1" });
    expect(refused.status).toBe(503);
    expect(refused.body).toBe(`${BUSY_MESSAGE}\n`);
    expect(refused.headers["content-type"]).toBe("text/plain; charset=utf-8");
    expect(refused.headers["retry-after"]).toBe("2");
    expect(refused.headers[ARRIVAL_HEADER]).toEqual(expect.any(String));
    await release();
  });

  it("an answer too big to keep: the page says plainly that it must be given again, and keeps nothing", async () => {
    const { inside, listen } = saturatedGate();
    const port = await listen();
    const release = await holdTheSlot(port, inside);
    const refused = await post(port, `code=ABCDEF123&challengeId=rec&kind=fields&field%3Areponse=${"a".repeat(20_000)}&intent=answer`);
    expect(refused.status).toBe(503);
    expect(refused.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(refused.body).not.toContain("n'a pas été perdue");
    expect(refused.body).toMatch(/<p role="alert"[^>]*>[^<]*votre réponse n'a pas pu être gardée/);
    expect(refused.body).not.toContain("<form");
    expect(refused.body).not.toContain("aaaa");
    expect(refused.body).toMatch(new RegExp(`<a href="${PAGE}"[^>]*>Revenir à la question</a>`));
    await release();
  });

  it("without a prover the answer is still kept, without a proof", async () => {
    const { inside, listen } = saturatedGate({});
    const port = await listen();
    const release = await holdTheSlot(port, inside);
    const answer = new URLSearchParams({ code: "ABCDEF123", challengeId: "rec", kind: "choices", choice: "1", intent: "answer" });
    const refused = await post(port, answer.toString());
    expect(hiddenFields(refused.body)).toEqual([...answer.entries()]);
    await release();
  });

  it("a post from another site gets no page echoing its fields: the cross-origin refusal, as the app gives it", async () => {
    const { inside, listen } = saturatedGate();
    const port = await listen();
    const release = await holdTheSlot(port, inside);
    const refused = await post(port, "code=ABCDEF123&challengeId=rec&kind=choices&choice=1&intent=answer", { origin: "https://ailleurs.example" });
    expect(refused.status).toBe(403);
    expect(refused.body).toBe("Requête refusée : ce formulaire doit être envoyé depuis une page de Pix Libre.\n");
    expect(refused.body).not.toContain("choice");
    await release();
  });

  it("a post whose origin is not shown (missing, or « null » from a sandboxed frame) gets the page without its fields", async () => {
    const { inside, listen } = saturatedGate();
    const port = await listen();
    const release = await holdTheSlot(port, inside);
    for (const origin of ["null", undefined]) {
      const headers: Record<string, string> = origin === undefined ? {} : { origin };
      const body = "code=ABCDEF123&challengeId=rec&kind=choices&choice=3&intent=answer";
      const refused = await rawPost({ port, path: PAGE, body, headers }).done;
      expect(refused.status, String(origin)).toBe(503);
      expect(refused.body).not.toContain("<form");
      expect(refused.body).not.toContain("choice");
      expect(refused.body).toContain("votre réponse n'a pas pu être gardée");
    }
    await release();
  });
});
