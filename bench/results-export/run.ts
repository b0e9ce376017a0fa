/**
 * Results export of the 100,000-participant campaign made by generate.ts, read as a browser would:
 * rows per second, time to first byte, peak RSS (sampled every 10 ms) and the CPU time of this process
 * (the machine may be shared: rows per CPU second do not depend on the other processes).
 * Targets: ≥ 20,000 rows/s, first byte < 1 s, peak RSS ≤ 250 MB.
 *   npm run bench:export [-- --participants 100000 --runs 1]      (--collecte: the 10,000 profiles collection)
 * compiles this file with esbuild and runs it on plain Node, as the product runs (tsx's loader alone
 * adds about 70 MB of RSS). `npx tsx --conditions=react-server bench/results-export/run.ts` also works.
 * server.ts measures the same download through the production server (HTTP, compression, Next.js).
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { startEmbeddedPostgres } from "../../scripts/db/embedded-postgres";
import { startRssSampler } from "../support/rss-sampler";
import { BENCH_COLLECTION_NAME, BENCH_DATABASE, BENCH_TEACHER_EMAIL } from "./bench-data";

const MEGABYTE = 1024 * 1024;
const NEWLINE = 0x0a;
const TARGETS = { rowsPerSecond: 20_000, firstByteMs: 1_000, peakRssMb: 250 };

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

async function findBenchData(url: string): Promise<{ campaignIds: Map<number, number>; collectionId: number | null; teacherId: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const campaigns = await client.query<{ id: number; name: string }>("SELECT id, name FROM campaigns WHERE name LIKE 'Bench export %'");
    const collection = await client.query<{ id: number }>("SELECT id FROM campaigns WHERE name = $1", [BENCH_COLLECTION_NAME]);
    const teacher = await client.query<{ id: number }>("SELECT id FROM users WHERE email = $1", [BENCH_TEACHER_EMAIL]);
    if (campaigns.rows.length === 0 || !teacher.rows[0]) throw new Error("Données absentes : lancer d'abord npx tsx bench/results-export/generate.ts");
    const campaignIds = new Map(campaigns.rows.map((c) => [Number(c.name.replace("Bench export ", "")), c.id]));
    return { campaignIds, collectionId: collection.rows[0]?.id ?? null, teacherId: teacher.rows[0].id };
  } finally {
    await client.end();
  }
}

type ExportFunction = (input: { userId: number; campaignId: number; now: Date }) => Promise<{ stream: ReadableStream<Uint8Array> }>;

/** Reads the whole file as a browser would and measures it. */
async function measure(exportResults: ExportFunction, userId: number, campaignId: number) {
  (globalThis as { gc?: () => void }).gc?.();
  const baselineRss = process.memoryUsage.rss();
  const sampler = startRssSampler();
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const { stream } = await exportResults({ userId, campaignId, now: new Date() });
  const reader = stream.getReader();
  let firstByteMs = Number.NaN;
  let bytes = 0;
  let lines = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (Number.isNaN(firstByteMs) && value.length > 0) firstByteMs = performance.now() - start;
    bytes += value.length;
    for (let i = 0; i < value.length; i++) if (value[i] === NEWLINE) lines++;
  }
  const seconds = (performance.now() - start) / 1000;
  const peakRss = sampler.stop();
  const cpu = process.cpuUsage(cpuStart);
  return { rows: lines - 1, bytes, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, rowsPerSecond: (lines - 1) / seconds, firstByteMs, baselineRssMb: baselineRss / MEGABYTE, peakRssMb: peakRss / MEGABYTE };
}

function report(label: string, m: Awaited<ReturnType<typeof measure>>): void {
  const verdict = (ok: boolean) => (ok ? "OK" : "HORS CIBLE");
  console.log(`${label} : ${m.rows} lignes, ${(m.bytes / MEGABYTE).toFixed(1)} Mo en ${m.seconds.toFixed(2)} s`);
  console.log(`  débit          ${Math.round(m.rowsPerSecond).toLocaleString("fr-FR")} lignes/s (cible ≥ ${TARGETS.rowsPerSecond.toLocaleString("fr-FR")}) ${verdict(m.rowsPerSecond >= TARGETS.rowsPerSecond)}`);
  console.log(`  CPU du processus ${m.cpuSeconds.toFixed(2)} s, soit ${Math.round(m.rows / m.cpuSeconds).toLocaleString("fr-FR")} lignes par seconde de CPU (PostgreSQL en plus)`);
  console.log(`  premier octet  ${m.firstByteMs.toFixed(0)} ms (cible < ${TARGETS.firstByteMs} ms) ${verdict(m.firstByteMs < TARGETS.firstByteMs)}`);
  console.log(`  RSS max        ${m.peakRssMb.toFixed(0)} Mo (avant l'export ${m.baselineRssMb.toFixed(0)} Mo ; cible ≤ ${TARGETS.peakRssMb} Mo) ${verdict(m.peakRssMb <= TARGETS.peakRssMb)}`);
}

async function main(): Promise<void> {
  // --collecte: the "Collecter les profils" campaign (10,000 profiles) instead of an assessment one.
  const collecting = process.argv.includes("--collecte");
  const participants = collecting ? 10_000 : argument("participants", 100_000);
  const runs = argument("runs", 1);
  const database = await startEmbeddedPostgres(BENCH_DATABASE);
  try {
    const { campaignIds, collectionId, teacherId } = await findBenchData(database.url);
    const campaignId = collecting ? (collectionId ?? undefined) : campaignIds.get(participants);
    if (campaignId === undefined) throw new Error(`Pas de campagne de ${participants} participations`);
    // lib/env reads DATABASE_URL on first use: set it before the product's modules are loaded.
    process.env.DATABASE_URL = database.url;
    const { exportCampaignResults } = await import("../../lib/use-cases/campaigns/export-campaign-results");
    const { db } = await import("../../lib/db/client");
    console.log(`node ${process.version}, ${os.cpus().length} CPU, charge ${os.loadavg()[0].toFixed(1)} ; campagne ${campaignId} (${participants} participations)`);
    // A server is already warm (connections open, queries compiled): the smaller campaign warms this process up.
    // The profiles were sent by the pupils of the 10,000 campaign: it warms the same rows a school would have warm.
    const warmUpId = collecting ? campaignIds.get(10_000) : [...campaignIds].find(([size]) => size !== participants)?.[1];
    if (warmUpId !== undefined) report("à froid, campagne de chauffe", await measure(exportCampaignResults, teacherId, warmUpId));
    for (let run = 1; run <= runs; run++) {
      const measured = await measure(exportCampaignResults, teacherId, campaignId);
      report(`essai ${run}`, measured);
      if (measured.rows !== participants) console.log(`  ATTENTION : ${participants} lignes attendues`);
    }
    await db.$disconnect();
  } finally {
    await database.stop();
  }
}

await main();
