/**
 * The fault bench: an open-loop load during which one app process is killed (kill -9; the runner restarts it,
 * as a supervisor would) and PostgreSQL is restarted (stopped and started on the same data and port). The
 * client behaves as the browser will: an answer without a response, or refused for load, is sent again
 * (answers are idempotent), and the retries are counted. Then it prints the answers acknowledged to the
 * client, stored, lost (acknowledged but not stored: must be 0), duplicated (must be 0), and how many pupils
 * find the right question when they reload their page.
 *   npm run build && npm run bench:answers:faults -- [--processes 2] [--rate 15] [--duration 90]
 *     [--kill-at 20] [--kill-salvo 6] [--release-after-ms 300] [--restart-db-at 50] [--attempts 20] [--timeout 10]
 *
 * The kill must cut answers in flight, or it only shows that new requests go elsewhere. At 15/s with answers of about
 * 10 ms a process is idle most of the time, so a kill at a fixed instant fell in a gap (0 resends in every kill window
 * up to r8, review15d); a salvo sent 5 ms before the kill (r9) did not help either: it went to both processes, and the
 * kill hit the tree's leaf, esbuild's service under tsx, not the server (r9: 0 restarts). Now (r10) the kill is aimed
 * and proven (kill-cut.ts): the process killed is the one listening on the app's port; the salvo is `--kill-salvo`
 * answers of pupils that process serves (nginx names the process in X-Pix-Upstream), whose answer locks the bench
 * holds from its own connection to PostgreSQL, so that their answers wait inside their transaction, in PostgreSQL;
 * the kill comes once pg_stat_activity shows them waiting there, and the bench releases the locks
 * `--release-after-ms` later (the resends queue behind them meanwhile). It prints how many answers were inside their
 * transaction at the kill, what became of those backends, how many were re-sent (and why), and for each cut answer
 * which transaction stored it: the killed process's own (committed after the kill, its reply never left) or a resend.
 * `--kill-salvo 0`: the kill alone.
 * The release comes before the answer functions' lock_timeout (500 ms, ADR 0013 « 07/12 (17) »): held longer (the
 * default was 1,500 ms until review15e), every cut transaction gave up its wait at 500 ms and rolled back, so the
 * bench only ever showed the « written by a resend » fate, never the cut transaction that commits after the kill
 * (`answer-faults-2026-12-07-r11-review15e-*.txt`).
 */
import pg from "pg";
import { emptyStats, OpenLoop, percentile, type PhaseStats } from "./open-loop";
import { machineLine, prepareLoad } from "./prepare-load";
import { errorText } from "./report";
import { nginxErrorsSince, nginxLogOffset } from "./proxies";
import { aimSalvo, AnswerLockHold, cutAnswersStored, upstreamOf, whoWroteTheCut } from "./kill-cut";
import { numberArgument } from "./run-setup";
import type { CycleResult, Pupil } from "./pupil";

const processes = numberArgument("processes", 2);
const rate = numberArgument("rate", 15);
const duration = numberArgument("duration", 90);
const killAt = numberArgument("kill-at", 20);
const killSalvo = numberArgument("kill-salvo", 6);
const releaseAfterMs = numberArgument("release-after-ms", 300);
const restartAt = numberArgument("restart-db-at", 50);
if (!process.argv.includes("--timeout")) process.argv.push("--timeout", "10");

console.log(`Machine : ${machineLine()}`);
const load = await prepareLoad({ processes, withFloor: false, retry: { maxAttempts: numberArgument("attempts", 20), backoffMs: 250 }, exposeUpstream: true });
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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const causes = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ×${n}`).join(", ") || "aucune";

/**
 * The aimed salvo and the kill (see the header): pupils served by the process to kill, their answer locks held,
 * their answers sent, the kill once PostgreSQL shows them waiting inside their transaction, the locks released
 * `releaseAfterMs` later; then, once the run is over, what became of each cut answer.
 */
class KillCut {
  private killedAt: number | null = null;
  private sent: { pupil: Pupil; assessmentId: number; challengeId: string }[] = [];
  private readonly results = new Map<Pupil, CycleResult>();
  private inTransaction = 0;
  private aimedAt = "";
  private nginxFrom = 0;
  private checkInterval = "?";

  constructor(
    private readonly loop: OpenLoop,
    private readonly salvo: PhaseStats,
  ) {}

  async run(): Promise<void> {
    const victimPort = load.cluster.appPort(0);
    const victim = `127.0.0.1:${victimPort}`;
    if (killSalvo === 0) return this.kill(0, 0);
    let lock: AnswerLockHold | null = null;
    try {
      // Free pupils with a question on screen; behind nginx, those whose requests it sends to the victim.
      const candidates = this.loop.freeList().filter((p) => !p.needsArrival && p.state.kind === "question" && p.campaign).slice(0, killSalvo * 8);
      const balanced = load.cluster.url !== `http://localhost:${victimPort}`;
      const probed = await Promise.all(candidates.map(async (pupil) => ({ pupil, upstream: balanced ? await upstreamOf(load.context, pupil).catch(() => null) : victim })));
      const aimed = aimSalvo(probed, victim, killSalvo);
      this.aimedAt = `${aimed.length} élève(s) servis par ${victim} parmi ${probed.length} sondé(s) (${probed.filter((p) => p.upstream === victim).length} sur ce processus)`;
      lock = await AnswerLockHold.open(load.databaseUrl);
      this.checkInterval = await lock.setting("client_connection_check_interval");
      await lock.hold(aimed.map((p) => p.userId));
      const aimedSet = new Set(aimed);
      const launched = this.loop.salvo(
        aimed.length,
        this.salvo,
        (pupil) => {
          if (!aimedSet.has(pupil) || pupil.state.kind !== "question") return false;
          this.sent.push({ pupil, assessmentId: pupil.campaign!.assessmentId, challengeId: pupil.state.challengeId });
          return true;
        },
        (pupil, result) => this.results.set(pupil, result),
      );
      const waiting = await lock.waitFor(launched, 3_000);
      this.inTransaction = waiting.filter((w) => w.xactStart !== null && /pix_answer_submit/.test(w.query)).length;
      this.kill(launched, this.inTransaction);
      const pids = waiting.map((w) => w.pid);
      await sleep(200);
      const after = await lock.alive(pids);
      const stillWaiting = after.filter((a) => a.waitEvent === "advisory").length;
      console.log(
        `[${at()}] 200 ms après le kill : ${after.length} des ${pids.length} backend(s) de ces transactions toujours là (${stillWaiting} en attente du verrou) — ` +
          (after.length === 0 ? "PostgreSQL a vu leur client disparu et les a arrêtés (transactions annulées)" : `leur client est mort, PostgreSQL ne le voit pas tant qu'ils attendent (client_connection_check_interval = ${this.checkInterval})`),
      );
      await sleep(Math.max(0, releaseAfterMs - 200));
      const queued = await lock.waiting();
      await lock.release();
      console.log(`[${at()}] verrous relâchés : ${queued.length} transaction(s) attendaient (${queued.filter((q) => pids.includes(q.pid)).length} coupées par le kill, ${queued.filter((q) => !pids.includes(q.pid)).length} renvois)`);
      await sleep(1_000);
      const left = await lock.alive(pids);
      console.log(`[${at()}] 1 s plus tard : ${left.length} backend(s) coupé(s) encore là${left.length ? ` (${left.map((l) => `${l.pid} ${l.state}/${l.waitEvent ?? "-"}`).join(", ")})` : ""}`);
      // What the cut requests got from nginx: « upstream prematurely closed » is a 502 to the client, the POST not
      // passed to the other process (nginx does not retry a non-idempotent request once sent).
      const nginx = [...nginxErrorsSince(this.nginxFrom)].map(([kind, n]) => `${kind} ×${n}`);
      if (nginx.length) console.log(`[${at()}] nginx depuis le kill : ${nginx.join(" ; ")}`);
    } catch (error) {
      console.log(`[${at()}] salve visée impossible : ${(error as Error).message}`);
      if (this.killedAt === null) this.kill(0, 0);
    } finally {
      await lock?.release().catch(() => undefined);
      await lock?.close();
    }
  }

  private kill(launched: number, inTransaction: number): void {
    const inFlight = this.loop.cyclesInFlight;
    const restartsBefore = load.cluster.restarts();
    this.killedAt = Date.now();
    this.nginxFrom = nginxLogOffset();
    const pid = load.cluster.killApp(0);
    console.log(`[${at()}] kill -9 du processus ${pid} (le serveur à l'écoute sur le port ${load.cluster.appPort(0)}) : ${inFlight} cycle(s) en cours${launched ? `, une salve de ${launched} réponse(s) visée(s) — ${this.aimedAt} ; réponses dans leur transaction au moment du kill : ${inTransaction} (PostgreSQL : client_connection_check_interval = ${this.checkInterval})` : ""}`);
    void load.cluster.waitHealthy().then(() => console.log(`[${at()}] processus redémarré et en bonne santé (${load.cluster.restarts() - restartsBefore} redémarrage(s))`));
  }

  async report(): Promise<void> {
    const s = this.salvo;
    console.log(`Salve du kill : ${s.arrivals} réponses envoyées ensemble, ${s.ok} cycles réussis, ${s.retries} renvois (dont ${s.gateRefusals} refus 503 du portier) ; causes des renvois : ${causes(s.resendCauses)}`);
    console.log(`  Réponses dans leur transaction au moment du kill : ${this.inTransaction}`);
    // A cut answer: one of the salvo that had to be re-sent.
    const cutOnes = this.sent.filter((x) => (this.results.get(x.pupil)?.retries ?? 0) > 0);
    console.log(`  Réponses coupées (sans réponse du processus tué, renvoyées) : ${cutOnes.length} sur ${this.sent.length}`);
    if (cutOnes.length && this.killedAt !== null) {
      const stored = await cutAnswersStored(load.databaseUrl, cutOnes);
      const who = whoWroteTheCut(stored.createdAt, this.killedAt);
      console.log(`  Écrites par la transaction coupée, validée après le kill (sa réponse n'a jamais quitté le processus tué) : ${who.byCutTransaction}`);
      console.log(`  Écrites par un renvoi (la transaction coupée n'a rien écrit) : ${who.byResend}`);
      console.log(`  Absentes de la base : ${who.missing} ; en double : ${stored.copies.filter((n) => n > 1).length}`);
    }
    if (s.retries === 0) console.log("  Attention : aucune réponse de la salve n'a dû être renvoyée, le kill -9 n'a coupé aucune réponse en cours.");
  }
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
  const cut = new KillCut(loop, salvo);
  const timers: NodeJS.Timeout[] = [];
  timers.push(
    setTimeout(() => void cut.run(), killAt * 1000),
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
  if (salvo.arrivals) await cut.report();
  console.log(`Reprise : ${resume.right} élèves sur ${resume.total} retrouvent la bonne question${resume.wrong.length ? `\n  ${resume.wrong.slice(0, 10).join("\n  ")}` : ""}`);
  console.log(`Redémarrages de processus : ${load.cluster.restarts()} ; machine en fin de mesure : ${machineLine()}`);
} finally {
  await load.stop();
}
process.exit(0);
