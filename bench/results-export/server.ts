/**
 * The export as a teacher gets it: the production server (scripts/server.ts on the `next build` output) on
 * the bench database made by generate.ts, the CSV downloaded over HTTP with the bench teacher's session,
 * and the memory of the whole server (every process of the server, read from /proc every 10 ms).
 * Targets: ≥ 20,000 rows/s, first byte < 1 s, peak memory ≤ 250 MB.
 *   npm run build && npx tsx bench/results-export/server.ts [--participants 100000] [--runs 2]
 * run.ts measures the same export inside one process (rows per CPU second, no HTTP).
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { freePort, startEmbeddedPostgres } from "../../scripts/db/embedded-postgres";
import { localProductionEnv } from "../../scripts/setup/local-production-env";
import { BENCH_DATABASE, BENCH_TEACHER_EMAIL, benchCampaignName } from "./bench-data";

const MEGABYTE = 1024 * 1024;
const NEWLINE = 0x0a;
const TARGETS = { rowsPerSecond: 20_000, firstByteMs: 1_000, peakMemoryMb: 250 };
const SECRET = "bench-secret-bench-secret-bench-secret-0123";

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

/** The server's process and its descendants (tsx and Next.js may fork workers). */
function processTree(root: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid …": comm may hold spaces, read after the last ")".
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended meanwhile
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(parents.get(tree[i]) ?? []));
  return tree;
}

function residentBytes(pids: number[]): number {
  let total = 0;
  for (const pid of pids) {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      if (match) total += Number(match[1]) * 1024;
    } catch {
      // ended
    }
  }
  return total;
}

function startSampler(root: number): { stop: () => number } {
  const pids = processTree(root);
  let peak = residentBytes(pids);
  const timer = setInterval(() => (peak = Math.max(peak, residentBytes(pids))), 10);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, residentBytes(pids));
    },
  };
}

async function waitForHealth(url: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("Le serveur n'a pas répondu en 60 s");
}

async function download(url: string, cookie: string) {
  const start = performance.now();
  const response = await fetch(url, { headers: { cookie } });
  if (!response.ok || !response.body) throw new Error(`Export refusé : HTTP ${response.status}`);
  let firstByteMs = Number.NaN;
  let bytes = 0;
  let lines = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    if (Number.isNaN(firstByteMs) && chunk.length > 0) firstByteMs = performance.now() - start;
    bytes += chunk.length;
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === NEWLINE) lines++;
  }
  const seconds = (performance.now() - start) / 1000;
  return { rows: lines - 1, bytes, seconds, firstByteMs, rowsPerSecond: (lines - 1) / seconds };
}

async function main(): Promise<void> {
  const participants = argument("participants", 100_000);
  const runs = argument("runs", 2);
  if (!existsSync(path.join(".next", "BUILD_ID"))) throw new Error("Aucune build : lancez d'abord npm run build");
  const database = await startEmbeddedPostgres({ ...BENCH_DATABASE, quiet: true });
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const campaigns = await client.query<{ id: number; name: string }>("SELECT id, name FROM campaigns WHERE name LIKE 'Bench export %'");
  const teacher = await client.query<{ id: number; session_version: number }>("SELECT id, session_version FROM users WHERE email = $1", [BENCH_TEACHER_EMAIL]);
  await client.end();
  const campaignId = campaigns.rows.find((c) => c.name === benchCampaignName(participants))?.id;
  const warmUpId = campaigns.rows.find((c) => c.name !== benchCampaignName(participants))?.id;
  if (campaignId === undefined || !teacher.rows[0]) throw new Error("Données absentes : lancez d'abord npx tsx --conditions=react-server bench/results-export/generate.ts");

  const port = await freePort();
  const appUrl = `http://localhost:${port}`;
  const server = spawn(path.join("node_modules", ".bin", "tsx"), ["scripts/server.ts"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...localProductionEnv({ appUrl, databaseUrl: database.url, secret: SECRET }), PORT: String(port) },
  });
  try {
    await waitForHealth(appUrl);
    // The session cookie the app sets after the teacher signed in (lib/auth/session-token.ts: same claims, same secret).
    const { id, session_version: sv } = teacher.rows[0];
    const token = await encode({ token: { sub: String(id), userId: id, sv, signedInAt: Math.floor(Date.now() / 1000), sid: "bench-export" }, secret: SECRET });
    const cookie = `next-auth.session-token=${token}`;
    const idle = residentBytes(processTree(server.pid!));
    console.log(`node ${process.version}, ${os.cpus().length} CPU, charge ${os.loadavg()[0].toFixed(1)} ; serveur de production au repos : ${(idle / MEGABYTE).toFixed(0)} Mo`);
    if (warmUpId !== undefined) {
      const sampler = startSampler(server.pid!);
      const warm = await download(`${appUrl}/api/campagnes/${warmUpId}/export`, cookie);
      console.log(`chauffe (première requête du serveur) : ${warm.rows} lignes en ${warm.seconds.toFixed(2)} s, premier octet ${warm.firstByteMs.toFixed(0)} ms, mémoire max ${(sampler.stop() / MEGABYTE).toFixed(0)} Mo`);
    }
    for (let run = 1; run <= runs; run++) {
      const before = residentBytes(processTree(server.pid!));
      const sampler = startSampler(server.pid!);
      const m = await download(`${appUrl}/api/campagnes/${campaignId}/export`, cookie);
      const peak = sampler.stop();
      const verdict = (ok: boolean) => (ok ? "OK" : "HORS CIBLE");
      console.log(`essai ${run} : ${m.rows} lignes, ${(m.bytes / MEGABYTE).toFixed(1)} Mo en ${m.seconds.toFixed(2)} s`);
      console.log(`  débit          ${Math.round(m.rowsPerSecond).toLocaleString("fr-FR")} lignes/s (cible ≥ ${TARGETS.rowsPerSecond.toLocaleString("fr-FR")}) ${verdict(m.rowsPerSecond >= TARGETS.rowsPerSecond)}`);
      console.log(`  premier octet  ${m.firstByteMs.toFixed(0)} ms (cible < ${TARGETS.firstByteMs} ms) ${verdict(m.firstByteMs < TARGETS.firstByteMs)}`);
      console.log(`  mémoire max du serveur ${(peak / MEGABYTE).toFixed(0)} Mo (avant l'export ${(before / MEGABYTE).toFixed(0)} Mo ; cible ≤ ${TARGETS.peakMemoryMb} Mo) ${verdict(peak / MEGABYTE <= TARGETS.peakMemoryMb)}`);
      if (m.rows !== participants) console.log(`  ATTENTION : ${participants} lignes attendues`);
    }
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
    await database.stop();
  }
}

await main();
