import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { answerAndContinue } from "@/lib/use-cases/participations/answer-and-continue";
import { currentQuestion } from "@/lib/use-cases/participations/answer-challenge";
import { openCampaign, pupilIn } from "../support/answer-world";

/**
 * The answer path calls exactly the migration's functions (public.pix_answer_state, which calls public.pix_answer_read, and public.pix_answer_submit), whatever
 * else a role that can create in a schema of the search_path has added (review of 07/12, finding F2).
 */
/** A pupil of the shared world (answer-world.ts) with four answers. */
async function world() {
  const campaign = await openCampaign({ name: "Revue" });
  const { pupil } = await pupilIn(campaign);
  const claims = { userId: pupil.id, sessionId: `s-${pupil.id}`, sessionVersion: 0 };
  for (let i = 0; i < 4; i++) {
    const q = await currentQuestion({ userId: pupil.id, campaignId: campaign.id });
    if (q.kind !== "question") break;
    await answerAndContinue({ claims, code: campaign.code, challengeId: q.challengeId, answer: null });
  }
  return { campaign, pupil, claims };
}

describe("the answer's function calls", () => {
  it("answers through the migration's functions even when a better-matching overload sits on the search_path", async () => {
    // PostgreSQL ≤ 14 lets every role create in `public` (CVE-2018-1058's pattern), and for untyped parameters it
    // prefers a candidate taking text: an overload of each name taking only texts would answer an unqualified call.
    // Alone in its file, and created before the first answer: no pool connection has the call prepared yet (a
    // prepared statement keeps the function it resolved when it was prepared).
    await db.$executeRawUnsafe(`CREATE FUNCTION public.pix_answer_read(text, text, text, text, text) RETURNS TABLE (hijacked boolean) LANGUAGE sql AS $$ SELECT true $$`);
    await db.$executeRawUnsafe(`CREATE FUNCTION public.pix_answer_state(text, text, text, text, text) RETURNS TABLE (hijacked boolean) LANGUAGE sql AS $$ SELECT true $$`);
    await db.$executeRawUnsafe(`CREATE FUNCTION public.pix_answer_submit(${Array(30).fill("text").join(", ")}) RETURNS integer LANGUAGE sql AS $$ SELECT NULL::integer $$`);
    try {
      const { campaign, pupil, claims } = await world();
      const q = await currentQuestion({ userId: pupil.id, campaignId: campaign.id });
      expect(q.kind).toBe("question");
      if (q.kind !== "question") return;
      const before = await db.answer.count({ where: { assessment: { userId: pupil.id } } });
      expect(before).toBe(4);
      await answerAndContinue({ claims, code: campaign.code, challengeId: q.challengeId, answer: null });
      expect(await db.answer.count({ where: { assessment: { userId: pupil.id } } })).toBe(5);
    } finally {
      await db.$executeRawUnsafe(`DROP FUNCTION public.pix_answer_read(text, text, text, text, text)`);
      await db.$executeRawUnsafe(`DROP FUNCTION public.pix_answer_state(text, text, text, text, text)`);
      await db.$executeRawUnsafe(`DROP FUNCTION public.pix_answer_submit(${Array(30).fill("text").join(", ")})`);
    }
  });

});
