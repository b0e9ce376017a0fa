import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { expectedAnswer } from "@/lib/domain/learning-content/check-answer";
import { answerChallenge, startTimedChallenge } from "@/lib/use-cases/participations/answer-challenge";
import { checkpointView } from "@/lib/use-cases/participations/checkpoint-view";
import { openCampaign, pupilIn, skipToATimedQuestion } from "../support/answer-world";

describe("timed questions", () => {
  it("a right answer after the timer (measured by the server from « Commencer ») is TIMEDOUT; in time it is OK", async () => {
    const campaign = await openCampaign({ name: "Chrono" });
    const campaignId = campaign.id;
    const outcomes: string[] = [];
    for (const late of [true, false]) {
      const { pupil } = await pupilIn(campaign);
      const { challengeId, timer, source } = await skipToATimedQuestion(pupil.id, campaignId);
      const started = new Date();
      await startTimedChallenge({ userId: pupil.id, campaignId, challengeId, now: started });
      const answeredAt = new Date(started.getTime() + (late ? timer + 10 : 2) * 1000);
      const result = await answerChallenge({ userId: pupil.id, campaignId, challengeId, answer: expectedAnswer(source.content), now: answeredAt });
      outcomes.push(String(result.result));
    }
    expect(outcomes).toEqual(["TIMEDOUT", "OK"]);
    expect(await db.answer.count({ where: { result: "TIMEDOUT" } })).toBe(1);
  });

  it("the page's own submit at zero, with nothing ticked, shows « Temps dépassé » at the checkpoint", async () => {
    const campaign = await openCampaign({ name: "Chrono vide" });
    const campaignId = campaign.id;
    const { pupil } = await pupilIn(campaign);
    const { challengeId, timer } = await skipToATimedQuestion(pupil.id, campaignId);
    const started = new Date();
    await startTimedChallenge({ userId: pupil.id, campaignId, challengeId, now: started });
    const atZero = new Date(started.getTime() + timer * 1000);
    const result = await answerChallenge({ userId: pupil.id, campaignId, challengeId, answer: null, isTimeUp: true, now: atZero });
    expect(result.result).toBe("TIMEDOUT");
    const view = await checkpointView({ userId: pupil.id, campaignId });
    expect(view.items.at(-1)?.resultLabel).toBe("Temps dépassé");
  });
});
