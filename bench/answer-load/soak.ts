/**
 * The soak: a steady open-loop load, printing every 30 s the cycles, errors, latency, the resident memory of the app
 * processes and what holds it (V8 heap used, external buffers, from the bench's probe), PostgreSQL's, the remembered
 * answer states (count and estimated bytes, lib/db/repositories/answer-states.ts) and the tests finished; then the
 * trends of the measured window (whole and second half) with their 95 % confidence intervals, and the heap after a
 * full collection at rest: « flat » is stated only when the interval allows it (trend.ts).
 *
 * The measured window follows a warm-up at the same rate, printed row by row with its own slopes but not measured:
 * each process remembers every pupil's test state, which grows by one answer per cycle until tests end, so memory
 * fills for about one test before its steady state. By default the warm-up lasts the time each pupil takes to answer
 * WARMUP_ANSWERS times (8 min for 1,200 pupils at 100/s); `--warmup-minutes N` declares another before the run.
 *   npm run build && npm run bench:answers:soak -- [--rate 100] [--minutes 10] [--processes 1] [--warmup-minutes N] [--heap-snapshots]
 */
import { NO_FREE_PUPIL, OpenLoop, percentile } from "./open-loop";
import { machineLine, prepareLoad } from "./prepare-load";
import { LOAD_CAMPAIGNS } from "./settings";
import { proportionalBytes } from "./proc-stats";
import { errorCount, errorText } from "./report";
import { argument, flag, numberArgument } from "./run-setup";
import { memoryLine, memoryReports, MEMORY_DIR, MEMORY_HEADER, statesByCopy, statesOf } from "./memory";
import { trendOf, trendText } from "./trend";
import { NATIVE_HEADER, nativeRow, nativeTrends, type NativeSample } from "./soak-native";

// A sustainable rate: about a third of one process's capacity on this machine (bench/RESULTS.md).
const rate = numberArgument("rate", 100);
const minutes = numberArgument("minutes", 10);
const processes = numberArgument("processes", 1);
// Answers per pupil before the measure: about the length of a first test of the load's campaigns (the first soak with
// the states' column, bench/results/answer-soak-2026-12-07-r5-*: the states' fill ended after 6.5–7 min at 100/s
// with 1,200 pupils, 33–35 answers each, as the first tests ended).
const WARMUP_ANSWERS = 40;
// What the load's data offers. With the first four campaigns each pupil held about 86 answers in all (r5: 4,800 tests
// finished after about 103,000 answers; the later tests are shorter, the knowledge carrying over). The eight campaigns
// since 07/12 cover 297 skill levels against 167 (settings.ts): about 86 × 297 / 167 ≈ 150 answers if the answers follow
// the skills (an estimate, checked against the r6 soak in bench/RESULTS.md). Past that the pupils have nothing left to
// answer and every arrival is « aucun élève libre ».
const ANSWERS_PER_PUPIL_AVAILABLE = 150;
// Minutes at the soak's rate before the measure (not measured, printed): declared before the run (the option or the
// rule above), never cut from a run after the fact.
const warmupArgument = argument("warmup-minutes");
// A heap snapshot of each serving process at rest before and after the load (heap-diff.ts compares them).
const snapshots = flag("heap-snapshots");
const WINDOW_SECONDS = 30;
const WARMUP_REASON = "chaque processus retient l'état du test de chaque élève (lib/db/repositories/answer-states.ts) : ces états grandissent d'une réponse à chaque cycle jusqu'à la fin des tests, la mémoire se remplit donc pendant la durée d'un test avant d'atteindre son régime ; la croissance de l'échauffement est imprimée ci-dessous, pas cachée";
const MEGABYTE = 2 ** 20;

console.log(`Machine : ${machineLine()}`);
const load = await prepareLoad({ processes, withFloor: false });
try {
  const loop = new OpenLoop(load.context, load.pupils);
  let failedArrivals = 0;
  const opened = await loop.arriveAll(8, () => failedArrivals++);
  await loop.run(Math.min(rate, 10), 10); // the server's first minutes (JIT, caches) are not the steady state
  const step = WINDOW_SECONDS / 60; // one sample per window, slopes per minute
  const warmupMinutes = warmupArgument !== undefined ? Number(warmupArgument) : Math.ceil((WARMUP_ANSWERS * load.pupils.length) / rate / 60);
  const warmupWhy = warmupArgument !== undefined ? "durée demandée (--warmup-minutes)" : `par défaut, le temps que chacun des ${load.pupils.length} élèves réponde ${WARMUP_ANSWERS} fois à ce rythme, la longueur d'un premier test`;
  // What is referenced before the load, to compare with the same reading at the end (a leak is what stays). Taken
  // before the warm-up when there is one: the full collection (and a heap snapshot's native memory, seconds of a
  // stopped process) then disturbs the warm-up, not the measured window.
  const readBefore = () => memoryReports(load.cluster.appRoots(), { afterGc: true, snapshot: snapshots });
  const needed = (100 + (warmupMinutes + minutes) * 60 * rate) / load.pupils.length;
  if (needed > 0.9 * ANSWERS_PER_PUPIL_AVAILABLE)
    console.log(`ATTENTION : échauffement et mesure demandent ${Math.round(needed)} réponses par élève ; les ${LOAD_CAMPAIGNS.length} campagnes de la charge en offrent environ ${ANSWERS_PER_PUPIL_AVAILABLE}. ` +
      `Les élèves finiront leurs tests vers la minute ${((ANSWERS_PER_PUPIL_AVAILABLE * load.pupils.length) / rate / 60).toFixed(1)} : la fin de la mesure ne sera plus une charge stable (moins d'états, puis « aucun élève libre »).`);
  let before = warmupMinutes > 0 ? await readBefore() : null;
  if (snapshots) console.log("Instantanés du tas demandés : écrire un instantané laisse des centaines de Mo de mémoire native au processus (RSS hors V8) ; la RSS de cette course ne se compare pas à celle d'une course sans.");
  const columns = "| minute | cycles | erreurs | p50 | p95 | RSS app | tas V8 utilisé | external | PSS PostgreSQL | états retenus | états estimés | tests finis |\n|---|---|---|---|---|---|---|---|---|---|---|---|";
  let warmup: Phase | null = null;
  if (warmupMinutes > 0) {
    console.log(`Échauffement : ${warmupMinutes} min à ${rate} réponses/s (${warmupWhy}), imprimé mais non mesuré — ${WARMUP_REASON}\n${columns}`);
    warmup = await phase(loop, load, rate, warmupMinutes, "échauffement ");
    const fill = (series: number[]) => trendText(trendOf(series, step), "Mo/min");
    if (warmup.exhaustedAt !== null) console.log(`LA CHARGE S'EST ÉPUISÉE pendant l'échauffement (minute ${warmup.exhaustedAt}) : la mesure qui suit n'en est pas une.`);
    console.log(`Échauffement : ${warmup.cycles} cycles, ${warmup.errors} erreurs ; RSS app ${Math.round(warmup.rss[0])} → ${Math.round(warmup.rss.at(-1)!)} Mo, ` +
      `tas V8 utilisé ${Math.round(warmup.heap[0])} → ${Math.round(warmup.heap.at(-1)!)} Mo, états retenus ${warmup.statesCount.at(-1)} (${warmup.states[0].toFixed(1)} → ${warmup.states.at(-1)!.toFixed(1)} Mo estimés)`);
    console.log(`Pente pendant l'échauffement, RSS app : ${fill(warmup.rss)}`);
    console.log(`Pente pendant l'échauffement, états estimés : ${fill(warmup.states)}`);
    const lastHalf = warmup.states.slice(Math.floor(warmup.states.length / 2));
    console.log(`Pente sur la seconde moitié de l'échauffement, états estimés : ${fill(lastHalf)}`);
    // Where the memory lay during the warm-up too: whether V8's reserved heap is still rising when the measure starts.
    console.log(`\nÉchauffement, où est la mémoire :\n${NATIVE_HEADER}\n${warmup.native.filter((row) => row !== undefined).map((row) => row.line).join("\n")}\n`);
  }
  const idle = load.metrics.appRss() / MEGABYTE;
  before ??= await readBefore();
  const restBefore = memoryLine(`au repos avant ${warmupMinutes > 0 ? "l'échauffement" : "l'endurance"}, après une collecte complète`, before);
  console.log(`${load.pupils.length} élèves devant leur question (${opened} pages ouvertes, ${failedArrivals} échecs) ; RSS app ${warmupMinutes > 0 ? "en fin d'échauffement" : "au repos"} ${Math.round(idle)} Mo. Endurance mesurée : ${rate} réponses/s pendant ${minutes} min${warmupMinutes > 0 ? `, à la suite de ${warmupMinutes} min au même rythme non mesurées (ci-dessus, ${warmupWhy})` : " (sans échauffement : la mesure contient le remplissage des états retenus)"}.`);
  console.log(columns);
  const measured = await phase(loop, load, rate, minutes, "");
  const { rss: rssSeries, heap: heapSeries, external: externalSeries, native: nativeSeries, states: statesSeries } = measured;
  const half = Math.floor(rssSeries.length / 2);
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  console.log(
    `\n${measured.cycles} cycles, ${measured.errors} erreurs ; RSS app : repos ${Math.round(idle)} Mo, première moitié ${Math.round(mean(rssSeries.slice(0, half)))} Mo, seconde moitié ${Math.round(mean(rssSeries.slice(half)))} Mo, fin ${Math.round(rssSeries.at(-1) ?? 0)} Mo`,
  );
  if (measured.exhaustedAt !== null)
    console.log(`LA CHARGE S'EST ÉPUISÉE à la minute ${measured.exhaustedAt} de la mesure (« aucun élève libre » : les élèves ont fini leurs tests) : ces erreurs ne sont pas du serveur, et les pentes ci-dessous mêlent la fin de la charge ; seules les minutes d'avant mesurent une endurance.`);
  console.log(`Pente sur toute la durée mesurée, RSS app : ${trendText(trendOf(rssSeries, step), "Mo/min")}`);
  console.log(`Pente sur toute la durée mesurée, états retenus estimés : ${trendText(trendOf(statesSeries, step), "Mo/min")}`);
  console.log(`Pente sur la seconde moitié, RSS app : ${trendText(trendOf(rssSeries.slice(half), step), "Mo/min")}`);
  console.log(`Pente sur la seconde moitié, tas V8 utilisé : ${trendText(trendOf(heapSeries.slice(half), step), "Mo/min")}`);
  console.log(`Pente sur la seconde moitié, external : ${trendText(trendOf(externalSeries.slice(half), step), "Mo/min")}`);
  console.log(`Pente sur la seconde moitié, états retenus estimés : ${trendText(trendOf(statesSeries.slice(half), step), "Mo/min")}`);
  // Where the resident memory of the serving processes lies, window by window (soak-native.ts), and the trends of each part.
  console.log(`\n${NATIVE_HEADER}\n${nativeSeries.map((row) => row.line).join("\n")}`);
  for (const line of nativeTrends(nativeSeries, step)) console.log(line);
  // At rest, after a full collection: what is still referenced (a leak stays, garbage and caches' churn go).
  await new Promise((r) => setTimeout(r, 5_000));
  const after = await memoryReports(load.cluster.appRoots(), { afterGc: true, snapshot: snapshots });
  console.log(`\n${MEMORY_HEADER}\n${restBefore}\n${memoryLine("au repos après l'endurance, après une collecte complète", after)}`);
  // bytesOf against the heap: what the live heap gained beside what the states' estimate gained (both after a full collection).
  const heapGain = (after.reduce((s, r) => s + r.heapUsed, 0) - before.reduce((s, r) => s + r.heapUsed, 0)) / MEGABYTE;
  const statesGain = statesOf(after).megabytes - statesOf(before).megabytes;
  console.log(`Au repos, après collecte : tas utilisé ${heapGain >= 0 ? "+" : "−"}${Math.abs(heapGain).toFixed(1)} Mo, états retenus estimés ${statesGain >= 0 ? "+" : "−"}${Math.abs(statesGain).toFixed(1)} Mo ` +
    `(${statesOf(before).count} → ${statesOf(after).count} états) ; reste hors états ${heapGain - statesGain >= 0 ? "+" : "−"}${Math.abs(heapGain - statesGain).toFixed(1)} Mo`);
  if (snapshots) console.log(`Instantanés du tas : ${MEMORY_DIR} (npx tsx bench/answer-load/heap-diff.ts AVANT APRÈS)`);
  console.log(`Machine en fin de mesure : ${machineLine()}`);
} finally {
  await load.stop();
}
process.exit(0);

type Phase = { cycles: number; errors: number; exhaustedAt: number | null; rss: number[]; heap: number[]; external: number[]; states: number[]; statesCount: number[]; native: NativeSample[] };

/** `minutes` at `rate`, one table row every WINDOW_SECONDS (prefixed with `label`), and the series of each column. */
async function phase(loop: OpenLoop, load: Awaited<ReturnType<typeof prepareLoad>>, rate: number, minutes: number, label: string): Promise<Phase> {
  const out: Phase = { cycles: 0, errors: 0, exhaustedAt: null, rss: [], heap: [], external: [], states: [], statesCount: [], native: [] };
  const pending: Promise<void>[] = [];
  const total = await loop.run(rate, minutes * 60, {
    seconds: WINDOW_SECONDS,
    onWindow: (index, w) => {
      const sorted = w.latencies.slice().sort((a, b) => a - b);
      const rss = load.metrics.appRss() / MEGABYTE;
      out.rss.push(rss);
      out.errors += errorCount(w);
      const pgPss = proportionalBytes([load.postgres.postmasterPid()]) / MEGABYTE;
      const ms = (p: number) => (sorted.length ? `${Math.round(percentile(sorted, p))} ms` : "—");
      const minute = ((index + 1) * WINDOW_SECONDS) / 60;
      if (out.exhaustedAt === null && w.errors.has(NO_FREE_PUPIL)) out.exhaustedAt = minute;
      const line = `| ${label}${minute} | ${w.ok} | ${errorText(w)} | ${ms(50)} | ${ms(95)} | ${Math.round(rss)} Mo`;
      // Tests the pupils finished so far (each moves on to their next campaign): the states' fill ends with the first tests.
      const finished = load.pupils.reduce((sum, p) => sum + p.campaignIndex, 0);
      // The heap as it is (no collection forced: that would change what is measured), read by the probe, with the
      // remembered states' count and estimated bytes (their lru's calculatedSize).
      const slot = out.heap.length;
      for (const series of [out.heap, out.external, out.states, out.statesCount]) series.push(Number.NaN);
      pending.push(
        memoryReports(load.cluster.appRoots()).then((reports) => {
          out.heap[slot] = reports.reduce((sum, r) => sum + r.heapUsed, 0) / MEGABYTE;
          out.external[slot] = reports.reduce((sum, r) => sum + r.external, 0) / MEGABYTE;
          const states = statesOf(reports);
          out.states[slot] = states.megabytes;
          out.statesCount[slot] = states.count;
          out.native[slot] = nativeRow(minute, reports);
          console.log(`${line} | ${Math.round(out.heap[slot])} Mo | ${Math.round(out.external[slot])} Mo | ${Math.round(pgPss)} Mo | ${states.count} | ${states.megabytes.toFixed(1)} Mo${statesByCopy(reports) ? ` (${statesByCopy(reports)})` : ""} | ${finished} |`);
        }),
      );
    },
  });
  await Promise.all(pending);
  out.cycles = total.ok;
  return out;
}
