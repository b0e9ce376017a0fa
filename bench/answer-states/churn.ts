/**
 * What the remembered answer states cost the garbage collector (issue 15): `pupils` pupils answer in turn, each answer
 * doing with its pupil's entry what the answer path does with it (the decision's lists taken once from the entry, read
 * the way the decision reads them, then the next state computed and remembered), for `seconds` seconds; then the V8
 * collections of that time by kind (count, total pause) and the heap used. Its own process, no database, no server:
 * only the remembered states' share of the garbage, not the whole answer path's. Answers come at `rate` per second
 * (0: as fast as it can), so that an entry lives as long as in the app (1,200 pupils at 325/s: 3.7 s, dozens of
 * scavenges: promoted); `--filler KB` adds that much short-lived garbage per answer (the rest of a request's).
 * With node's --trace-gc-nvp, the « promoted= » of each scavenge is what outlived the young generation.
 *
 *   node --import tsx bench/answer-states/churn.ts [--pupils 1200] [--answers 60] [--skills 60] [--seconds 20] [--rate 325] [--filler 0] [--module PATH]
 *
 * `--module` takes another implementation of lib/db/repositories/answer-states.ts written next to it, to compare two
 * under the same load, e.g. main's before the links (remove the copy afterwards):
 *   git show 3de57bb:lib/db/repositories/answer-states.ts > lib/db/repositories/answer-states-before.ts
 */
import path from "node:path";
import { PerformanceObserver } from "node:perf_hooks";
import { parseArgs } from "node:util";
import type { AnswerState } from "../../lib/db/repositories/answer-states";
import type { AnswerWrite } from "../../lib/db/repositories/answer-transaction";

process.env.DATABASE_URL ??= "postgresql://localhost/bench";
process.env.ANSWER_STATES_MB = "4096";
const { values } = parseArgs({ options: {
  pupils: { type: "string", default: "1200" }, answers: { type: "string", default: "60" }, skills: { type: "string", default: "60" },
  seconds: { type: "string", default: "20" }, module: { type: "string" }, rate: { type: "string", default: "325" }, filler: { type: "string", default: "0" },
} });
const pupils = Number(values.pupils);
const answers = Number(values.answers);
const skills = Number(values.skills);
const modulePath = values.module ? path.resolve(values.module) : "../../lib/db/repositories/answer-states";
const { answerStates, stateAfter } = (await import(modulePath)) as typeof import("../../lib/db/repositories/answer-states");

const skillIds = Array.from({ length: skills }, (_, i) => `skill${i}`);
function fresh(user: number): AnswerState {
  return {
    snapshot: {
      assessment: { id: user, userId: user, state: "STARTED", currentChallengeId: "rec0", currentAskedAt: new Date(), isTimerStarted: false, answersCount: 0, participationId: user, campaignId: 1, campaignArchived: false, ignoreInvalidatedBefore: null, assessmentMethod: "SMART_RANDOM", precisionTarget: 80 },
      campaign: { id: 1, code: "CAMPAGNE1", name: "Rentrée 3e", title: null },
      answers: [],
      knowledge: [],
    },
    knowledgeCount: 0,
  };
}

const gc: Record<string, { n: number; ms: number; max: number }> = {};
const KINDS: Record<number, string> = { 1: "scavenge", 2: "minor-ms", 4: "mark-compact", 8: "incremental", 16: "weak-callbacks" };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const kind = KINDS[(entry as { detail?: { kind?: number } }).detail?.kind ?? 0] ?? "other";
    const k = (gc[kind] ??= { n: 0, ms: 0, max: 0 });
    k.n++;
    k.ms += entry.duration;
    k.max = Math.max(k.max, entry.duration);
  }
}).observe({ entryTypes: ["gc"] });

for (let user = 1; user <= pupils; user++) answerStates.set(user, "C", fresh(user));
const until = performance.now() + Number(values.seconds) * 1000;
let served = 0;
let sink = 0;
const started = performance.now();
const rate = Number(values.rate);
const filler = Number(values.filler) * 1024;
let user = 0;
function answerOne(): void {
  user = (user % pupils) + 1;
  const known = answerStates.get(user, "C")!;
  // The decision's view, taken once (as fromMemory does), and read as the decision reads it.
  const snapshot = known.snapshot;
  if (snapshot.answers.some((a) => a.challengeId === "none")) sink++;
  sink += snapshot.knowledge.filter((k) => k.status !== "RESET").length;
  // The rest of a request's garbage, dead at its end.
  const garbage: number[][] = [];
  for (let bytes = 0; bytes < filler; bytes += 128) garbage.push([bytes, bytes, bytes, bytes, bytes, bytes, bytes, bytes]);
  sink += garbage.length & 1;
  const i = snapshot.assessment.answersCount;
  const write: AnswerWrite = {
    value: { kind: "skip" }, result: i % 3 ? "OK" : "KO", timeSpent: 10,
    knowledgeElements: [i % skills, (i * 7 + 3) % skills].map((s) => ({ skillId: skillIds[s], competenceId: "1.1", status: "VALIDATED" as const, source: "DIRECT" as const, earnedPix: 1.5 })),
    next: { challengeId: `rec${i + 1}` },
  };
  const after = i + 1 < answers ? stateAfter(known, write, user * 1000 + i, new Date()) : fresh(user);
  answerStates.set(user, "C", after!);
  served++;
}
while (performance.now() < until) {
  // Every 10 ms, the answers due by then (or a batch of 1,000 at full speed).
  const due = rate > 0 ? Math.floor(((performance.now() - started) / 1000) * rate) - served : 1000;
  for (let k = 0; k < due; k++) answerOne();
  await new Promise((resolve) => (rate > 0 ? setTimeout(resolve, 10) : setImmediate(resolve)));
}
const elapsed = (performance.now() - started) / 1000;
const f = (k: string) => gc[k] ? `${gc[k].n} (${(gc[k].n / elapsed).toFixed(1)}/s, ${(gc[k].ms / elapsed).toFixed(1)} ms/s, longest ${gc[k].max.toFixed(1)} ms)` : "0";
console.log(`${values.module ?? "answer-states.ts"} : ${served} réponses en ${elapsed.toFixed(1)} s (${Math.round(served / elapsed)}/s${rate > 0 ? "" : `, ${((1e6 * elapsed) / served).toFixed(1)} µs chacune`}) ; ` +
  `scavenges ${f("scavenge")} ; mark-compacts ${f("mark-compact")} ; tas ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} Mo ${sink > 0 ? "" : "."}`);
