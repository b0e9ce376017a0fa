/**
 * « Suivi en direct » under load (issue 17 §1): 200 simulated pupils answering (the answer-load bench's template,
 * recording and open-loop replay, bench/answer-load) while 20 teachers watch over server-sent events, 5 per campaign
 * of the template's first four (it has eight). Prints the update delay (the pupil's answer acknowledged → each watching teacher's event
 * showing it) p50 / p95, the app's CPU, and the PostgreSQL connections (pg_stat_activity: the single LISTEN one).
 *   npm run build && npm run bench:live -- [--pupils 200] [--teachers 20] [--rate 8] [--duration 60] [--processes 1]
 */
import { performance } from "node:perf_hooks";
import pg from "pg";
import { OpenLoop, percentile } from "../answer-load/open-loop";
import { machineLine, prepareLoad } from "../answer-load/prepare-load";
import { Pupil } from "../answer-load/pupil";
import { numberArgument } from "../answer-load/run-setup";
import { logIn } from "../answer-load/sessions";
import { settleStats } from "../answer-load/metrics";
import { errorText } from "../answer-load/report";
import { LIVE_VIEW_OF_PARTICIPANTS_SQL } from "../../lib/db/queries/live-view-sql";
import { watchLiveView, type TeacherStream } from "./teacher-stream";

const teachers = numberArgument("teachers", 20);
const rate = numberArgument("rate", 8);
const duration = numberArgument("duration", 60);
const processes = numberArgument("processes", 1);
if (!process.argv.includes("--pupils")) process.argv.push("--pupils", "200");
// The teachers are sessions of one account: lift the per-account cap on streams (6 in production, lib/env.ts).
process.argv.push("--env", `LIVE_VIEW_STREAMS_PER_USER=${Math.max(6, teachers)}`);
const TEACHER_EMAIL = "bench.reponses.enseignant@example.org";

// When each answer was acknowledged (the response that led past the question reached the pupil).
const acknowledgements: { assessmentId: number; challengeId: string; at: number }[] = [];
const cycle = Pupil.prototype.cycle;
Pupil.prototype.cycle = async function (this: Pupil, ...args: Parameters<typeof cycle>) {
  const result = await cycle.apply(this, args);
  if (result.ok && result.acknowledged) acknowledgements.push({ ...result.acknowledged, at: performance.now() });
  return result;
};

console.log(`Machine : ${machineLine()}`);
const load = await prepareLoad({ processes, withFloor: false });
const db = new pg.Client({ connectionString: load.databaseUrl });
await db.connect();
const streams: TeacherStream[] = [];
try {
  // The template's teacher has no password: the run database (a fresh copy) gives it the pupils' one, and each
  // teacher signs in through the recorded login like the pupils (20 sessions of one ADMIN account).
  await db.query(`UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE email LIKE 'eleve.bench.%' LIMIT 1) WHERE email = $1`, [TEACHER_EMAIL]);
  // The template's first four campaigns, as before it had eight (07/12), so that 20 teachers are still 5 per campaign
  // (the pupils' answers now spread over eight: about half land in a watched campaign).
  const campaigns = (await db.query<{ id: number }>(`SELECT c.id FROM campaigns c JOIN participations p ON p.campaign_id = c.id GROUP BY c.id HAVING count(*) > 10 ORDER BY c.id LIMIT 4`)).rows.map((r) => r.id);
  const loop = new OpenLoop(load.context, load.pupils);
  let failedArrivals = 0;
  await loop.arriveAll(8, () => failedArrivals++);
  await loop.run(Math.min(rate, 10), 10); // warm-up (JIT, caches), not measured
  for (let i = 0; i < teachers; i++) {
    const cookies = await logIn({ agent: load.context.agent, baseUrl: load.context.baseUrl, shape: load.context.shape, login: TEACHER_EMAIL });
    streams.push(await watchLiveView({ baseUrl: load.cluster.url, campaignId: campaigns[i % campaigns.length], cookies }));
  }
  await settleStats(2);
  acknowledgements.length = 0;
  const before = await load.metrics.snapshot();
  const total = await loop.run(rate, duration);
  await settleStats(3); // the last answers' events
  const after = await load.metrics.snapshot();
  const connections = await db.query<{ application_name: string; state: string | null; query: string; n: string }>(
    `SELECT application_name, state, CASE WHEN application_name = 'pix-libre-live' THEN 'dernière instruction : ' || query ELSE '' END AS query, count(*) AS n
     FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() GROUP BY 1, 2, 3 ORDER BY 1, 2`,
  );

  // Each acknowledged answer is the n-th of its assessment: the delay is until a teacher's snapshot shows n answers.
  const ordinals = await db.query<{ assessment_id: number; challenge_id: string; n: string; participation_id: number; campaign_id: number }>(
    `SELECT a.assessment_id, a.challenge_id, row_number() OVER (PARTITION BY a.assessment_id ORDER BY a.id) AS n, s.participation_id, p.campaign_id
     FROM answers a JOIN assessments s ON s.id = a.assessment_id JOIN participations p ON p.id = s.participation_id`,
  );
  const byAnswer = new Map(ordinals.rows.map((r) => [`${r.assessment_id}:${r.challenge_id}`, r]));
  const delays: number[] = [];
  let missed = 0;
  let beforeAck = 0;
  for (const ack of acknowledgements) {
    const answer = byAnswer.get(`${ack.assessmentId}:${ack.challengeId}`);
    if (!answer) continue;
    for (const stream of streams.filter((s) => s.campaignId === answer.campaign_id)) {
      const seenAt = stream.firstSeen(`p${answer.participation_id}`, Number(answer.n));
      if (seenAt === null) missed++;
      else {
        if (seenAt < ack.at) beforeAck++;
        delays.push(Math.max(0, seenAt - ack.at));
      }
    }
  }
  delays.sort((a, b) => a - b);
  const seconds = (after.at - before.at) / 1000;
  const events = streams.reduce((sum, s) => sum + s.events, 0);
  console.log(`\n${load.pupils.length} élèves, ${total.ok} réponses en ${duration} s (${rate}/s offertes, erreurs : ${errorText(total)}), ${teachers} enseignants sur ${campaigns.length} campagnes (${events} événements reçus).`);
  console.log(`Délai réponse acquittée → événement de l'enseignant : p50 ${Math.round(percentile(delays, 50))} ms, p95 ${Math.round(percentile(delays, 95))} ms, max ${Math.round(delays.at(-1) ?? NaN)} ms (${delays.length} mesures ; ${beforeAck} déjà vues avant l'acquittement, comptées 0 ms ; ${missed} jamais vues).`);
  console.log(`CPU de l'application : ${((after.appCpuMs - before.appCpuMs) / seconds / 10).toFixed(0)} % d'un cœur en moyenne ; PostgreSQL ${((after.postgresCpuMs - before.postgresCpuMs) / seconds / 10).toFixed(0)} %.`);
  console.log("Connexions PostgreSQL (pg_stat_activity, base du bench) :");
  for (const r of connections.rows) console.log(`  ${r.n} × ${r.application_name || "(sans nom)"} ${r.state ?? ""} ${r.query}`);
  // The page's statement on the busiest campaign: its plan (index scans, no sequential scan of answers) and time.
  type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: PlanNode[] };
  const [{ "QUERY PLAN": [plan] }] = (await db.query<{ "QUERY PLAN": [{ Plan: PlanNode; "Execution Time": number }] }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${LIVE_VIEW_OF_PARTICIPANTS_SQL}`, [campaigns[0]])).rows;
  const scans: string[] = [];
  const walk = (node: PlanNode) => {
    if (node["Relation Name"]) scans.push(`${node["Node Type"]} ${node["Relation Name"]}${node["Index Name"] ? ` (${node["Index Name"]})` : ""}`);
    node.Plans?.forEach(walk);
  };
  walk(plan.Plan);
  const lines = (await db.query<{ n: string }>(`SELECT count(*) AS n FROM participations WHERE campaign_id = $1`, [campaigns[0]])).rows[0].n;
  console.log(`Requête de la page (${lines} participants) : ${plan["Execution Time"].toFixed(1)} ms ; ${scans.join(", ")}.`);
  console.log(`Machine en fin de mesure : ${machineLine()}`);
} finally {
  for (const stream of streams) stream.close();
  await db.end();
  await load.stop();
}
process.exit(0);
