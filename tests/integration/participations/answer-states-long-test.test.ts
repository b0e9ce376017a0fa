import { describe, expect, it } from "vitest";
import { answerStates, RememberedState } from "@/lib/db/repositories/answer-states";
import { runAnswer, STATE_CALL, SUBMIT_CALL, type AnswerSnapshot } from "@/lib/db/repositories/answer-transaction";
import { engineContentOfCampaign } from "@/lib/db/repositories/assessment-repository";
import { answerAndContinue } from "@/lib/use-cases/participations/answer-and-continue";
import { openCampaign } from "../support/answer-world";
import { bySkill, pupilIn, statementsOf } from "../support/answer-states-world";

/**
 * The remembered state over a whole test (review, 07/12): each answer links to the previous state and every 8th copies
 * the lists (answer-states.ts, RememberedState). Compared with the database's read after every answer without
 * breaking the chain (the comparison's read replaces the entry: the chain's state is put back), so that the links and
 * the copies are checked against PostgreSQL, not only against the unit tests' oracle.
 */
describe("a remembered state over a long test", () => {
  it("linked answer after answer and copied every 8 answers, it is at each answer what a read returns", async () => {
    const campaign = await openCampaign({ warm: true, targetProfileId: "tp-rentree-3e" });
    const { claims, first } = await pupilIn(campaign);
    const skills = (await engineContentOfCampaign(campaign.id)).skills.map((s) => s.id);
    let challengeId = first;
    const links: number[] = [];
    for (let i = 0; i < 40; i++) {
      const { value: outcome, log } = await statementsOf(() => answerAndContinue({ claims, code: campaign.code, challengeId, answer: i % 3 ? null : { kind: "fields", values: { reponse: "x" } } }));
      // Decided from the chain's state: one statement, accepted by the database's checks.
      expect(log).toEqual(i === 0 ? [STATE_CALL, SUBMIT_CALL] : [SUBMIT_CALL]);
      if (outcome.kind !== "answered" || !outcome.next) break;
      const remembered = answerStates.get(claims.userId, campaign.code);
      expect(remembered).toBeInstanceOf(RememberedState);
      links.push((remembered as RememberedState).held().links);
      const seen: AnswerSnapshot[] = [];
      await runAnswer(claims, campaign.code, skills, (snap) => (seen.push(snap), { write: null, decision: null }), new Date());
      expect(seen).toHaveLength(2);
      expect(bySkill(seen[0])).toEqual(bySkill(remembered!.snapshot));
      expect(bySkill(seen[0])).toEqual(bySkill(seen[1]));
      answerStates.set(claims.userId, campaign.code, remembered!);
      challengeId = outcome.next.challengeId;
    }
    // The chain grew, and was copied at least once (a state without links after the first answer).
    expect(Math.max(...links)).toBeGreaterThan(1);
    expect(links.slice(1).some((n) => n === 0)).toBe(true);
  });
});
