import { describe, expect, it } from "vitest";
import { db, pgPool } from "@/lib/db/client";
import { CAMPAIGN_ACTIVITY_CHANNEL } from "@/lib/db/live/campaign-activity-notify";
import { CHECKPOINT_EVERY } from "@/lib/domain/participations/checkpoint";
import { answerAndContinue } from "@/lib/use-cases/participations/answer-and-continue";
import { openCampaign, pupilIn } from "../support/answer-world";

/**
 * A double click or two tabs sending the very same answer at once, at every question of a whole test, checkpoints and
 * the end included (the read and the conditional write of ADR 0013 « 07/12 (5) »): each answer recorded once, both
 * replies show the same next screen and the same checkpoint (« 07/12 (21) »), « Suivi en direct » hears one NOTIFY per recorded answer.
 */
describe("the same answer sent twice at once, through a whole test", () => {
  it("records each answer once, one checkpoint every five (shown by both replies), one NOTIFY per answer, and the test ends once", async () => {
    const campaign = await openCampaign({ warm: true });
    const { pupil, first } = await pupilIn(campaign);
    const claims = { userId: pupil.id, sessionId: `s-${pupil.id}`, sessionVersion: 0 };
    const listener = await pgPool().connect();
    const heard: string[] = [];
    listener.on("notification", (n) => {
      if (n.channel === CAMPAIGN_ACTIVITY_CHANNEL) heard.push(n.payload ?? "");
    });
    await listener.query(`LISTEN ${CAMPAIGN_ACTIVITY_CHANNEL}`);
    try {
      let current: string | null = first;
      let steps = 0;
      let checkpoints = 0;
      while (current && steps < 80) {
        steps++;
        const challengeId: string = current;
        const both = await Promise.all([0, 1].map(() => answerAndContinue({ claims, code: campaign.code, challengeId, answer: null })));
        const answered = both.map((o) => (o.kind === "answered" ? o : null));
        expect(answered.every(Boolean)).toBe(true);
        expect(answered.filter((o) => o!.result === "ALREADY_RECORDED")).toHaveLength(1);
        expect(answered[0]!.next?.challengeId ?? null).toBe(answered[1]!.next?.challengeId ?? null);
        // Both replies show the same screens: the checkpoint too (ADR 0013 « 07/12 (21) »: the one the pupil keeps may
        // be the « already recorded » one).
        const shown = answered.filter((o) => o!.checkpoint !== null);
        expect(shown.length).toBe(steps % CHECKPOINT_EVERY === 0 || answered[0]!.next === null ? 2 : 0);
        expect(answered[0]!.checkpoint).toEqual(answered[1]!.checkpoint);
        if (shown.length) checkpoints++;
        current = answered[0]!.next?.challengeId ?? null;
      }
      expect(current).toBeNull();
      const answers = await db.answer.findMany({ where: { assessment: { userId: pupil.id } }, select: { challengeId: true } });
      expect(answers).toHaveLength(steps);
      expect(new Set(answers.map((a) => a.challengeId)).size).toBe(steps);
      expect(checkpoints).toBe(Math.floor(steps / CHECKPOINT_EVERY) + (steps % CHECKPOINT_EVERY === 0 ? 0 : 1));
      expect((await db.participation.findFirstOrThrow({ where: { userId: pupil.id }, select: { status: true } })).status).toBe("TO_SHARE");
      // NOTIFY is delivered at each call's commit; give the last one the time to arrive.
      for (let i = 0; i < 50 && heard.length < steps; i++) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(heard).toEqual(Array.from({ length: steps }, () => String(campaign.id)));
    } finally {
      await listener.query(`UNLISTEN ${CAMPAIGN_ACTIVITY_CHANNEL}`);
      listener.release();
    }
  });
});
