import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { answerSummary, busyPage, busyShowPage, escapeHtml } from "@/lib/pupil-flow/busy-page";
import { ARRIVAL_FIELD } from "@/lib/server/arrival-proof";

/**
 * The page a plain form post gets past capacity (issue 15) echoes the request's fields: whatever they hold, they stay
 * attribute values (no markup, no attribute of their own), and the browser reads back exactly what was sent.
 */
const decode = (text: string) =>
  text.replace(/&(#(\d+)|amp|lt|gt|quot);/g, (_, entity: string, dec?: string) => (dec ? String.fromCodePoint(Number(dec)) : ({ amp: "&", lt: "<", gt: ">", quot: '"' } as Record<string, string>)[entity]));
const hidden = (html: string) => [...html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)"\/>/g)].map((m) => [decode(m[1]), decode(m[2])]);
const page = (form: URLSearchParams | null, arrival: string | null = null) => busyPage({ action: "/campagnes/ABC123/evaluation", form, arrival, stylesheets: ["/_next/static/chunks/app.css"] });

describe("the page of an answer refused past capacity, without JavaScript", () => {
  it("any field names and values come back as sent, as attribute values only", () => {
    const text = fc.string({ unit: fc.oneof(fc.constantFrom("<", ">", '"', "'", "&", "\r", "\n", "\t", "=", "/", " ", "é", "&#"), fc.string({ minLength: 1, maxLength: 1, unit: "grapheme" })), maxLength: 40 });
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { maxLength: 6 }), (entries) => {
        const html = page(new URLSearchParams(entries), "1765000000000.preuve");
        expect(hidden(html)).toEqual([...entries, [ARRIVAL_FIELD, "1765000000000.preuve"]]);
        // Outside the quoted values, only the page's own markup: one form, no other element from the request.
        const markup = html.replace(/"[^"]*"/g, '""');
        expect(markup.match(/<input /g)?.length ?? 0).toBe(entries.length + 1);
        expect(markup.match(/<form /g)).toHaveLength(1);
      }),
    );
  });

  it("escapes what breaks out of text or a double-quoted attribute, and the line breaks the parser would fold", () => {
    expect(escapeHtml(`"><script>a&b</script>\r\n`)).toBe("&quot;&gt;&lt;script&gt;a&amp;b&lt;/script&gt;&#13;&#10;");
  });

  it("an answer not kept: no form, and never « n'a pas été perdue »", () => {
    const html = page(null);
    expect(html).not.toContain("<form");
    expect(html).not.toContain("n'a pas été perdue");
    expect(html).toContain("votre réponse n'a pas pu être gardée");
  });

  it("« Commencer » refused: no answer to speak of, the timer has not started, the button tries again", () => {
    const html = page(new URLSearchParams({ intent: "start-timer", code: "ABC123", challengeId: "rec" }), null);
    expect(html).toContain("la question chronométrée n'a pas encore commencé");
    expect(html).toMatch(/<button type="submit"[^>]*>Réessayer<\/button>/);
    expect(html).not.toContain("votre réponse");
  });

  it("the question page itself not shown (a GET, no answer involved): says so, no form, a link that loads it again", () => {
    const html = busyShowPage({ action: "/campagnes/ABC123/evaluation", stylesheets: [] });
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain("la question n'a pas pu être affichée");
    expect(html).not.toContain("<form");
    expect(html).not.toContain("votre réponse");
    expect(html).toMatch(/<a href="\/campagnes\/ABC123\/evaluation"[^>]*>Réessayer<\/a>/);
  });
});

describe("the answer the busy page will send again, in words (ADR 0013 « 07/12 (21) »)", () => {
  const summary = (html: string) => /<p [^>]*data-answer-summary="">([^<]*)<\/p>/.exec(html)?.[1] ?? null;
  const N = "\u202f";

  it("typed text, shown as typed (escaped), above « Renvoyer ma réponse »", () => {
    const html = page(new URLSearchParams([["code", "ABC123"], ["challengeId", "rec"], ["kind", "fields"], ["timedOut", "0"], ["field:reponse", `"><script>alert(1)</script> 3 : 4`]]));
    expect(summary(html)).toBe(`Votre réponse${N}: «${N}&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt; 3 : 4${N}».`);
    expect(html.indexOf("data-answer-summary")).toBeLessThan(html.indexOf("Renvoyer ma réponse"));
    expect(html).not.toContain("<script");
    // Several fields: each one, in the form's order; empty ones left out.
    expect(answerSummary(new URLSearchParams([["kind", "fields"], ["field:a", "12"], ["field:b", " "], ["field:c", "mot"]]))).toBe(`Votre réponse${N}: «${N}12${N}», «${N}mot${N}».`);
    expect(answerSummary(new URLSearchParams([["kind", "fields"], ["field:a", ""]]))).toBe(`Votre réponse${N}: vide.`);
  });

  it("the positions ticked, in the order shown", () => {
    expect(answerSummary(new URLSearchParams([["kind", "choices"], ["choice", "2"]]))).toBe(`Votre réponse${N}: la proposition n° 2, dans l'ordre où elles sont affichées.`);
    expect(answerSummary(new URLSearchParams([["kind", "choices"], ["choice", "1"], ["choice", "3"], ["choice", "4"]]))).toBe(`Votre réponse${N}: les propositions n° 1, 3 et 4, dans l'ordre où elles sont affichées.`);
    expect(answerSummary(new URLSearchParams([["kind", "choices"], ["choice", "<b>"]]))).toBe(`Votre réponse${N}: aucune proposition cochée.`);
  });

  it("« Je passe », and the countdown's own send", () => {
    expect(answerSummary(new URLSearchParams([["kind", "fields"], ["intent", "skip"], ["field:reponse", "x"]]))).toBe(`Votre réponse${N}: vous passez cette question.`);
    expect(answerSummary(new URLSearchParams([["kind", "choices"], ["timedOut", "1"]]))).toBe(`Votre réponse${N}: aucune proposition cochée (temps écoulé).`);
  });

  it("« Commencer » has no answer to show", () => {
    expect(answerSummary(new URLSearchParams({ intent: "start-timer" }))).toBeNull();
    expect(page(new URLSearchParams({ intent: "start-timer", code: "ABC123", challengeId: "rec" }))).not.toContain("data-answer-summary");
  });

  it("a long text is shown up to what the answer keeps (500 characters)", () => {
    const long = "a".repeat(800);
    expect(answerSummary(new URLSearchParams([["kind", "fields"], ["field:reponse", long]]))).toBe(`Votre réponse${N}: «${N}${"a".repeat(500)}${N}».`);
  });
});
