import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { roundTrips } from "@/lib/db/prisma-factory";
import { STATE_CALL, SUBMIT_CALL } from "@/lib/db/repositories/answer-transaction";
import { bumpSessionVersion } from "@/lib/db/repositories/session-repository";
import { sessionCookieName } from "@/lib/auth/session-token";
import { scriptScreen } from "@/lib/pupil-flow/flow-screen";
import { questionDocument } from "@/lib/pupil-flow/question-document";
import { answerAsForm, answerForScript, showQuestionPage } from "@/lib/pupil-flow/question-page";
import { currentQuestion } from "@/lib/use-cases/participations/answer-challenge";
import { createUser } from "../../support/factories";
import { openCampaign as openWarmCampaign, pupilIn, sessionTokenOf, skipForm } from "../support/answer-world";

/**
 * The question page served by a route handler (ADR 0017): its request logic on the real database. The route file
 * only turns these outcomes into responses; the e2e specs drive the same page in Chromium.
 */
const openCampaign = () => openWarmCampaign({ warm: true });
const signedIn = async (userId: number) => ({ [sessionCookieName()]: await sessionTokenOf(userId) });
const skip = skipForm;
const answersOf = (userId: number) => db.answer.count({ where: { assessment: { userId } } });

describe("the question page's route handler logic (ADR 0017)", () => {
  it("answers from the script with one read and one writing call, with the next question's markup, address and announcement", async () => {
    const { id: campaignId, code } = await openCampaign();
    const { pupil, cookies, first } = await pupilIn({ id: campaignId, code });
    roundTrips.log = [];
    let reply;
    try {
      reply = await answerForScript({ cookies, form: skip(code, first) });
    } finally {
      // A first answer: the read, then the writes in one call (ADR 0013, amendments « 07/12 (5) » and « 07/12 (8) »).
      expect(roundTrips.log).toEqual([STATE_CALL, SUBMIT_CALL]);
      roundTrips.log = null;
    }
    expect(reply.status).toBe(200);
    expect(reply.show?.kind).toBe("question");
    const screen = scriptScreen(reply.show!);
    expect(screen.path).toBe(`/campagnes/${code}/evaluation`);
    expect(screen.announce).toBe("Question 2 sur 5");
    const next = await currentQuestion({ userId: pupil.id, campaignId });
    if (next.kind !== "question") throw new Error("expected a question");
    expect(screen.html).toContain(`name="challengeId" value="${next.challengeId}"`);
    expect(screen.html).toContain(`action="/campagnes/${code}/evaluation"`);
    expect(await answersOf(pupil.id)).toBe(1);
    // The same form again (a double click, a retried request whose reply was lost): recorded once.
    const again = await answerForScript({ cookies, form: skip(code, first) });
    expect(again.show?.kind).toBe("question");
    expect(await answersOf(pupil.id)).toBe(1);
  });

  it("never answers in someone else's assessment, whatever code and challenge the form names", async () => {
    const { id: campaignId, code } = await openCampaign();
    const victim = await pupilIn({ id: campaignId, code });
    const outsider = await createUser();
    const reply = await answerForScript({ cookies: await signedIn(outsider.id), form: skip(code, victim.first) });
    expect(reply.show).toBeUndefined();
    expect(reply.message).toBeTruthy();
    const plain = await answerAsForm({ code, cookies: await signedIn(outsider.id), form: skip(code, victim.first) });
    expect(plain).toEqual({ kind: "redirect", to: `/campagnes/${code}` });
    expect(await answersOf(victim.pupil.id)).toBe(0);
    expect(await answersOf(outsider.id)).toBe(0);
  });

  it("refuses a session signed out everywhere, a missing one, and sends a one-time password to its change", async () => {
    const { id: campaignId, code } = await openCampaign();
    const { pupil, cookies, first } = await pupilIn({ id: campaignId, code });
    await bumpSessionVersion(pupil.id);
    expect(await answerForScript({ cookies, form: skip(code, first) })).toMatchObject({ goTo: `/connexion?retour=%2Fcampagnes%2F${code}` });
    expect(await showQuestionPage({ code, cookies })).toEqual({ kind: "redirect", to: `/connexion?retour=%2Fcampagnes%2F${code}` });
    expect(await answerAsForm({ code, cookies: {}, form: skip(code, first) })).toEqual({ kind: "redirect", to: `/connexion?retour=%2Fcampagnes%2F${code}` });
    await db.user.update({ where: { id: pupil.id }, data: { shouldChangePassword: true } });
    const forced = await signedIn(pupil.id);
    expect(await answerForScript({ cookies: forced, form: skip(code, first) })).toMatchObject({ goTo: "/changer-mot-de-passe" });
    expect(await showQuestionPage({ code, cookies: forced })).toMatchObject({ kind: "redirect", to: expect.stringMatching(/^\/changer-mot-de-passe\?retour=/) });
    expect(await answersOf(pupil.id)).toBe(0);
  });

  it("renders the whole page: header with the pupil's name, the question, the script with this response's nonce", async () => {
    const { id: campaignId, code } = await openCampaign();
    const { pupil, cookies } = await pupilIn({ id: campaignId, code });
    const outcome = await showQuestionPage({ code, cookies });
    if (outcome.kind !== "page") throw new Error(outcome.kind);
    const html = questionDocument({ userName: outcome.userName, screen: outcome.screen, message: "Pour valider, sélectionnez une réponse. Sinon, passez.", nonce: "bm9uY2U=", path: `/campagnes/${code}/evaluation` });
    expect(html.startsWith("<!DOCTYPE html><html lang=\"fr\">")).toBe(true);
    expect(html).toContain(`${pupil.firstName} ${pupil.lastName}`);
    expect(html).toContain("Question 1 sur 5");
    expect(html).toContain('<script nonce="bm9uY2U=" src="/scripts/answer-flow.js" defer=""></script>');
    expect(html).toContain('action="/deconnexion"');
    expect(html).toContain("Pour valider, sélectionnez une réponse. Sinon, passez.");
    expect(html).not.toMatch(/<script(?![^>]*nonce="bm9uY2U=")/);
  });
});
