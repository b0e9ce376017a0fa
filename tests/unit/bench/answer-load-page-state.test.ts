import { describe, expect, it } from "vitest";
import { readPageState } from "@/bench/answer-load/page-state";

// The answer-load bench reads what the pupil would see from the reply's body: a misreading is counted as an error.
const ANCHORS = ['lengeId\\" value=\\"'];
const reply = (show: string, after?: string) => JSON.stringify({ ok: true, show: { html: show }, after: after && { html: after } });
const answerList = '<h2>Réponses et tutos</h2><ol><li><p>Sur ce bandeau, quel choix permet de refuser les cookies ?</p><p>Bonne réponse : Le lien « Continuer sans accepter »</p></li></ol>';

describe("the answer-load bench's reading of a reply", () => {
  it("reads the end of the test even when a quoted question holds the word « Continuer »", () => {
    const end = `<h1>Fin de votre évaluation</h1>${answerList}<a href="/campagnes/X/resultats">Voir mes résultats</a>`;
    expect(readPageState(reply(end), ANCHORS)).toEqual({ kind: "end" });
  });

  it("reads a checkpoint and the question that came with it", () => {
    const checkpoint = `<h1>Avancement</h1>${answerList}<a href="#">Continuer</a>`;
    const question = '<form><input type="hidden" name="challengeId" value="chal-42"/></form>';
    expect(readPageState(reply(checkpoint, question), ANCHORS)).toEqual({ kind: "checkpoint", next: { kind: "question", challengeId: "chal-42" } });
  });
});
