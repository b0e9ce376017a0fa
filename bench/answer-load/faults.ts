/**
 * The fault bench: an open-loop load during which one app process is killed (kill -9; the runner restarts it,
 * as a supervisor would) and PostgreSQL is restarted (stopped and started on the same data and port). The
 * client behaves as the browser will: an answer without a response, or refused for load, is sent again
 * (answers are idempotent), and the retries are counted. Then it prints the answers acknowledged to the
 * client, stored, lost (acknowledged but not stored: must be 0), duplicated (must be 0), and how many pupils
 * find the right question when they reload their page.
 *   npm run build && npm run bench:answers:faults -- [--processes 2] [--rate 15] [--duration 90]
 *     [--kill-at 20] [--kill-salvo 16] [--kill-delay-ms 5] [--restart-db-at 50] [--attempts 20] [--timeout 10]
 *
 * The kill must cut answers in flight, or it only shows that new requests go elsewhere: at 15/s with answers of about
 * 10 ms, one process is idle most of the time, and the arrivals are seeded (the same every run), so a kill at a fixed
 * instant fell in the same gap every run (no arrival between 19.88 s and 20.08 s: 0 resends in every kill window of
 * every run up to r8, review15d). So the kill is preceded by a salvo of `--kill-salvo` answers sent at once, spread
 * over the processes, and comes `--kill-delay-ms` later, while the killed process holds some of them (received, in
 * PostgreSQL, or committed and not yet acknowledged); the salvo's answers are checked like the others and its resends
 * printed: 0 resends means the kill cut nothing, and the run says so.
 */
import pg from "pg";
import { emptyStats, OpenLoop, percentile } from "./open-loop";
import { machineLine, prepareLoad } from "./prepare-load";
import { errorText } from "./report";
import { numberArgument } from "./run-setup";
import type { Pupil } from "./pupil";

const processes = numberArgument("processes", 2);
const rate = numberArgument("rate", 15);
const duration = numberArgument("duration", 90);
const killAt = numberArgument("kill-at", 20);
const killSalvo = numberArgument("kill-salvo", 16);
const killDelayMs = numberArgument("kill-delay-ms", 5);
const restartAt = numberArgument("restart-db-at", 50);
if (!process.argv.includes("--timeout")) process.argv.push("--timeout", "10");

console.log(`Machine : ${machineLine()}`);
const load = await prepareLoad({ processes, withFloor: false, retry: { maxAttempts: numberArgument("attempts", 20), backoffMs: 250 } });
let started = performance.now();
const at = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;

async function storedAnswers(url: string, assessmentIds: number[]) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const answers = await client.query<{ assessment_id: number; challenge_id: string; n: string }>(
      "SELECT assessment_id, challenge_id, count(*) AS n FROM answers WHERE assessment_id = ANY($1) GROUP BY 1, 2",
      [assessmentIds],
    );
    const elements = await client.query<{ n: string }>(
      // Per assessment: an answer's element for a skill twice, or a skill inferred twice at the end of one test (answer_id
      // NULL: grouped by answer_id alone, every pupil's inferred elements of one skill would count as one duplicate).
      "SELECT count(*) AS n FROM (SELECT assessment_id, answer_id, skill_id FROM knowledge_elements WHERE assessment_id = ANY($1) GROUP BY 1, 2, 3 HAVING count(*) > 1) d",
      [assessmentIds],
    );
    const counters = await client.query<{ n: string }>(
      "SELECT count(*) AS n FROM assessments a WHERE a.id = ANY($1) AND a.answers_count <> (SELECT count(*) FROM answers WHERE assessment_id = a.id)",
      [assessmentIds],
    );
    const current = await client.query<{ id: number; current_challenge_id: string | null; state: string }>("SELECT id, current_challenge_id, state FROM assessments WHERE id = ANY($1)", [assessmentIds]);
    return { answers: answers.rows, duplicatedElements: Number(elements.rows[0].n), wrongCounters: Number(counters.rows[0].n), current: new Map(current.rows.map((r) => [r.id, r])) };
  } finally {
    await client.end();
  }
}

/** Each pupil reloads their question page; the question shown must be the one the database holds as current. */
async function resumeCheck(pupils: Pupil[], current: Map<number, { current_challenge_id: string | null; state: string }>) {
  let right = 0;
  const wrong: string[] = [];
  const queue = pupils.filter((p) => !p.isDone);
  const total = queue.length;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let pupil = queue.shift(); pupil; pupil = queue.shift()) {
        const before = pupil.campaign!;
        try {
          await pupil.arrive(load.context);
        } catch (error) {
          wrong.push(`${pupil.email} : ${String(error)}`);
          continue;
        }
        const expected = current.get(before.assessmentId);
        const shown = pupil.state.kind === "question" ? pupil.state.challengeId : null;
        // A pupil whose test ended meanwhile moved on to the next campaign: the ended one must be COMPLETED.
        const isRight = pupil.campaign?.assessmentId === before.assessmentId ? shown === expected?.current_challenge_id : expected?.state === "COMPLETED";
        if (isRight) right++;
        else wrong.push(`${pupil.email} : page ${shown ?? pupil.state.kind}, base ${expected?.current_challenge_id ?? expected?.state}`);
      }
    }),
  );
  return { right, total, wrong };
}

try {
  const loop = new OpenLoop(load.context, load.pupils);
  let failedArrivals = 0;
  const opened = await loop.arriveAll(8, () => failedArrivals++);
  const warm = await loop.run(Math.min(rate, 10), 10); // warm-up, as in the sweep (its answers are checked too)
  console.log(`${load.pupils.length} élèves devant leur question (${opened} pages ouvertes, ${failedArrivals} échecs). Charge : ${rate} réponses/s pendant ${duration} s ; kill -9 d'un processus à ${killAt} s, redémarrage de PostgreSQL à ${restartAt} s.`);
  started = performance.now();
  // The answers sent at once just before the kill (counted apart from the windows, checked with the others).
  const salvo = emptyStats(0, 0);
  const timers: NodeJS.Timeout[] = [];
  timers.push(
    setTimeout(() => {
      const launched = loop.salvo(killSalvo, salvo);
      timers.push(setTimeout(() => {
        const inFlight = loop.cyclesInFlight;
        const pid = load.cluster.killApp(0);
        console.log(`[${at()}] kill -9 du processus ${pid} : ${inFlight} cycle(s) en cours (une salve de ${launched} réponse(s) envoyée(s) ${killDelayMs} ms avant)`);
        void load.cluster.waitHealthy().then(() => console.log(`[${at()}] processus redémarré et en bonne santé`));
      }, killDelayMs));
    }, killAt * 1000),
    setTimeout(() => {
      console.log(`[${at()}] arrêt de PostgreSQL`);
      void load.postgres.restart().then(() => console.log(`[${at()}] PostgreSQL redémarré`), (e) => console.log(`[${at()}] PostgreSQL n'a pas redémarré : ${String(e)}`));
    }, restartAt * 1000),
  );
  const stats = await loop.run(rate, duration, {
    seconds: 10,
    onWindow: (index, w) => console.log(`  ${index * 10}–${index * 10 + 10} s : ${w.arrivals} arrivées, ${w.ok} cycles réussis, p95 ${Math.round(percentile(w.latencies.slice().sort((a, b) => a - b), 95))} ms, ${w.retries} renvois, erreurs ${errorText(w)}`),
  });
  timers.forEach(clearTimeout);
  const assessmentIds = load.pupils.flatMap((p) => p.campaigns.map((c) => c.assessmentId));
  const stored = await storedAnswers(load.databaseUrl, assessmentIds);
  const storedKeys = new Set(stored.answers.map((a) => `${a.assessment_id}:${a.challenge_id}`));
  const acknowledgedKeys = new Set([...warm.acknowledged, ...stats.acknowledged, ...salvo.acknowledged].map((a) => `${a.assessmentId}:${a.challengeId}`));
  const lost = [...acknowledgedKeys].filter((k) => !storedKeys.has(k));
  const duplicated = stored.answers.filter((a) => Number(a.n) > 1).length;
  const resume = await resumeCheck(load.pupils, stored.current);
  console.log(`\nRéponses acquittées au client : ${acknowledgedKeys.size} (chauffe comprise ; pendant les pannes ${stats.ok} cycles réussis sur ${stats.arrivals} arrivées, ${stats.retries} renvois)`);
  console.log(`Réponses enregistrées : ${storedKeys.size} (dont ${[...storedKeys].filter((k) => !acknowledgedKeys.has(k)).length} jamais acquittées au client)`);
  console.log(`Perdues (acquittées, absentes de la base) : ${lost.length}${lost.length ? ` — ${lost.slice(0, 5).join(", ")}` : ""}`);
  console.log(`En double : ${duplicated} réponse(s), ${stored.duplicatedElements} élément(s) de connaissance ; compteurs de réponses faux : ${stored.wrongCounters}`);
  console.log(`Échecs définitifs (après renvois) : ${errorText(stats)}${salvo.arrivals ? ` ; salve du kill : ${errorText(salvo)}` : ""}`);
  if (salvo.arrivals) {
    console.log(`Salve du kill : ${salvo.arrivals} réponses envoyées ensemble, ${salvo.ok} cycles réussis, ${salvo.retries} renvois (dont ${salvo.gateRefusals} refus 503 du portier)`);
    // A resend of the salvo is an answer the kill cut (or one refused while the other process took the load).
    if (salvo.retries === 0) console.log("  Attention : aucune réponse de la salve n'a dû être renvoyée, le kill -9 n'a coupé aucune réponse en cours (relancer, par exemple avec --kill-delay-ms 2 ou 10).");
  }
  console.log(`Reprise : ${resume.right} élèves sur ${resume.total} retrouvent la bonne question${resume.wrong.length ? `\n  ${resume.wrong.slice(0, 10).join("\n  ")}` : ""}`);
  console.log(`Redémarrages de processus : ${load.cluster.restarts()} ; machine en fin de mesure : ${machineLine()}`);
} finally {
  await load.stop();
}
process.exit(0);
