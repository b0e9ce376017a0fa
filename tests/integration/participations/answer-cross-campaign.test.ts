import { describe, expect, it } from "vitest";
import { db, pgPool } from "@/lib/db/client";
import { runAnswer, type AnswerSnapshot, type AnswerWrite } from "@/lib/db/repositories/answer-transaction";
import { engineContentOfCampaign } from "@/lib/db/repositories/assessment-repository";
import { openCampaign } from "../support/answer-world";
import { pupilIn } from "../support/answer-states-world";
import { settledOrWaiting, submitUncommitted } from "../support/user-lock-world";

/**
 * Knowledge carries over between campaigns: pix_answer_submit accepts an answer only if the user's count of knowledge
 * elements is still the one the decision was made from. Two answers of one pupil in two campaigns at the same instant
 * touch two different assessments (no common row lock), so that count must be read after the other answer has
 * committed: the submits of one user are serialized (ADR 0013 « 07/12 (13) »), and the second one is refused as stale,
 * read and decided again with the first one's knowledge elements. Pupils never wait for each other.
 */

const skipWrite = (next: string): AnswerWrite => ({ value: { kind: "skip" }, result: "ABAND", timeSpent: 1, knowledgeElements: [], next: { challengeId: next } });

describe("one pupil answering in two campaigns at the same instant (issue 15, review15c)", () => {
  it("the second answer waits for the first and is decided again from its knowledge elements, never accepted from the stale count", async () => {
    const a = await openCampaign({ warm: true, name: "A" });
    const b = await openCampaign({ warm: true, name: "B" });
    const inA = await pupilIn(a);
    const inB = await pupilIn(b, inA.pupil);
    const userId = inA.pupil.id;
    const skillsOfA = (await engineContentOfCampaign(a.id)).skills;
    const skillsOfB = (await engineContentOfCampaign(b.id)).skills;
    // A skill both campaigns assess: what campaign A's answer learns about it is what campaign B's engine must read.
    const shared = skillsOfB.find((s) => skillsOfA.some((t) => t.id === s.id))!;
    expect(shared).toBeDefined();

    const tabA = await pgPool().connect();
    try {
      await tabA.query("BEGIN");
      expect(await submitUncommitted(tabA, userId, a.code, skillsOfA.map((s) => s.id), shared)).not.toBeNull();
      // Campaign A's answer is written, not yet committed; campaign B's arrives now, from the same knowledge count.
      const seen: AnswerSnapshot[] = [];
      const inCampaignB = runAnswer(inB.claims, b.code, skillsOfB.map((s) => s.id), (snap) => {
        seen.push(snap);
        return { write: skipWrite(`ch-decision-${seen.length}`), decision: seen.length };
      }, new Date());
      const before = await settledOrWaiting(inCampaignB, "the second submit");
      await tabA.query("COMMIT");
      const outcome = await inCampaignB;

      // Decided first without A's element (not committed when read), refused, read again with it, then written.
      expect(seen.map((s) => s.knowledge.some((k) => k.skillId === shared.id && k.status === "INVALIDATED"))).toEqual([false, true]);
      expect(outcome).toMatchObject({ kind: "done", decision: 2 });
      expect(before).toBe("waiting");
      expect(outcome.kind === "done" && outcome.answerId).not.toBeNull();
    } finally {
      await tabA.query("ROLLBACK").catch(() => undefined);
      tabA.release();
    }
    const assessments = await db.assessment.findMany({ where: { userId }, orderBy: { id: "asc" }, select: { currentChallengeId: true, answersCount: true } });
    expect(assessments).toEqual([{ currentChallengeId: "ch-apres-a", answersCount: 1 }, { currentChallengeId: "ch-decision-2", answersCount: 1 }]);
  });

  it("another pupil's answer does not wait for this pupil's open answer", async () => {
    const campaign = await openCampaign({ warm: true });
    const first = await pupilIn(campaign);
    const other = await pupilIn(campaign);
    const skills = (await engineContentOfCampaign(campaign.id)).skills;
    const tab = await pgPool().connect();
    try {
      await tab.query("BEGIN");
      expect(await submitUncommitted(tab, first.pupil.id, campaign.code, skills.map((s) => s.id), skills[0])).not.toBeNull();
      const elsewhere = runAnswer(other.claims, campaign.code, skills.map((s) => s.id), () => ({ write: skipWrite("ch-autre-eleve"), decision: null }), new Date());
      expect(await settledOrWaiting(elsewhere, "the second submit")).toBe("settled");
      expect(await elsewhere).toMatchObject({ kind: "done", answerId: expect.any(Number) });
      await tab.query("COMMIT");
    } finally {
      await tab.query("ROLLBACK").catch(() => undefined);
      tab.release();
    }
    expect(await db.answer.count({ where: { assessment: { userId: { in: [first.pupil.id, other.pupil.id] } } } })).toBe(2);
  });
});
