/**
 * What one remembered answer state costs in memory (lib/db/repositories/answer-states.ts, ADR 0013 « 07/12 (8) »): fills
 * entries as the answer path leaves them (stateAfter after each answer of a test) and prints the V8 heap used per
 * entry after a full collection, next to bytesOf's estimate (which the memory bound ANSWER_STATES_MB counts). Pessimistic: every entry's strings are its own (in the app, challenge and
 * skill ids read from one database row are separate strings too, but those from memory are shared).
 *
 *   node --expose-gc --import tsx bench/answer-states/memory.ts [--entries 5000] [--answers 60] [--skills 60]
 */
import { parseArgs } from "node:util";
import type { AnswerState } from "../../lib/db/repositories/answer-states";
import type { AnswerWrite } from "../../lib/db/repositories/answer-transaction";

process.env.DATABASE_URL ??= "postgresql://localhost/bench";
const { values } = parseArgs({ options: { entries: { type: "string", default: "5000" }, answers: { type: "string", default: "60" }, skills: { type: "string", default: "60" } } });
const entries = Number(values.entries);
const answers = Number(values.answers);
const skills = Number(values.skills);
process.env.ANSWER_STATES_MB = "4096";
const { answerStates, bytesOf, stateAfter } = await import("../../lib/db/repositories/answer-states");
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("node --expose-gc, s'il vous plaît");

const id = (kind: string, user: number, i: number) => `${kind}${String(user).padStart(7, "0")}${String(i).padStart(7, "0")}`;
function test(user: number): AnswerState {
  const now = new Date();
  let state: AnswerState = {
    snapshot: {
      assessment: { id: user, userId: user, state: "STARTED", currentChallengeId: id("rec", user, 0), currentAskedAt: now, isTimerStarted: false, answersCount: 0, participationId: user, campaignId: 1, campaignArchived: false, ignoreInvalidatedBefore: null, assessmentMethod: "SMART_RANDOM", precisionTarget: 80 },
      campaign: { id: 1, code: "CAMPAGNE1", name: "Rentrée 3e", title: null },
      answers: [],
      knowledge: [],
    },
    knowledgeCount: 0,
  };
  for (let i = 0; i < answers; i++) {
    const write: AnswerWrite = {
      value: { kind: "skip" }, result: i % 3 ? "OK" : "KO", timeSpent: 10,
      knowledgeElements: [i % skills, (i * 7 + 3) % skills].map((s) => ({ skillId: id("skill", user, s), competenceId: "1.1", status: "VALIDATED", source: "DIRECT", earnedPix: 1.5 })),
      next: { challengeId: id("rec", user, i + 1) },
    };
    state = stateAfter(state, write, user * 1000 + i, new Date(now.getTime() + i))!;
  }
  return state;
}

gc();
const before = process.memoryUsage().heapUsed;
for (let user = 1; user <= entries; user++) answerStates.set(user, "CAMPAGNE1", test(user));
gc();
const after = process.memoryUsage().heapUsed;
const sample = answerStates.get(1, "CAMPAGNE1")!;
console.log(`${answerStates.size()} états retenus (${sample.snapshot.answers.length} réponses, ${sample.snapshot.knowledge.length} compétences connues chacun) : ` +
  `${((after - before) / 1024 / 1024).toFixed(1)} Mo de tas, ${Math.round((after - before) / answerStates.size())} octets par état ; ` +
  `estimation comptée par la borne (bytesOf) : ${bytesOf(sample)} octets`);
