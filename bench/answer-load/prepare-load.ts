/**
 * Everything a load command sets up before it measures, in order: the template (generated if needed), the
 * run database (a fresh copy), the floor (before any app process runs), the app as `npm start` runs it (N
 * processes, nginx and PgBouncer when asked), the recorded shape of this build (recorded now if missing), the
 * pupils with their sessions from the real login, and the load context.
 */
import os from "node:os";
import pg from "pg";
import { startCluster, type Cluster } from "./app-cluster";
import { createAgent } from "./http-client";
import type { BenchPostgres } from "./bench-postgres";
import { measureFloor, type Floor } from "./floor";
import { Metrics } from "./metrics";
import { seededRandom } from "./open-loop";
import { Pupil, type LoadContext } from "./pupil";
import { recordShape, saveShape } from "./record";
import { selfCheck } from "./self-check";
import { ensureTemplate, extraEnv, flag, numberArgument, openRunDatabase } from "./run-setup";
import { obtainSessions } from "./sessions";
import { RUN_DATABASE } from "./settings";
import { currentBuildId, loadShape } from "./shape";
import { onShutdown } from "./shutdown";
import type { Decision } from "./answer-form";
import type { ChallengeSource } from "../../lib/domain/learning-content/schema";

export type Load = {
  postgres: BenchPostgres;
  databaseUrl: string;
  cluster: Cluster;
  context: LoadContext;
  pupils: Pupil[];
  metrics: Metrics;
  floor: Floor | null;
  stop: () => Promise<void>;
};

export function machineLine(): string {
  const cpu = os.cpus();
  return `${cpu[0]?.model ?? "CPU"} × ${cpu.length}, ${Math.round(os.totalmem() / 2 ** 30)} Go, node ${process.version}, charge ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")} (1 / 5 / 15 min), ${new Date().toLocaleString("fr-FR", { timeZone: "Europe/Paris" })}`;
}

/** The right / wrong / « Je passe » mix, e.g. --mix 60,30,10 (percent). */
function decisionDrawer(seed: number): () => Decision {
  const [right, wrong] = (process.argv.includes("--mix") ? process.argv[process.argv.indexOf("--mix") + 1] : "60,30,10").split(",").map(Number);
  const random = seededRandom(seed);
  return () => {
    const x = random() * 100;
    return x < right ? "right" : x < right + wrong ? "wrong" : "skip";
  };
}

async function loadPupils(databaseUrl: string, limit: number) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // The campaigns in the order each pupil started them (the generator rotates it per pupil).
    // The campaigns in the order each pupil started them (the generator rotates it per pupil), with the question
    // their page shows: the one the database holds as current, unless it is a timed one not started yet (its page
    // shows the warning: those pupils open their page over HTTP first).
    const rows = await client.query<{ user_id: number; email: string; code: string; assessment_id: number; shown: string | null }>(
      `SELECT u.id AS user_id, u.email, c.code, a.id AS assessment_id,
              CASE WHEN a.state = 'STARTED' AND (ch.timer IS NULL OR a.is_timer_started) THEN a.current_challenge_id END AS shown
       FROM users u JOIN participations p ON p.user_id = u.id JOIN campaigns c ON c.id = p.campaign_id JOIN assessments a ON a.participation_id = p.id
       LEFT JOIN challenges ch ON ch.id = a.current_challenge_id
       WHERE u.email LIKE 'eleve.bench.%' ORDER BY u.id, p.id`,
    );
    const byEmail = new Map<string, { userId: number; campaigns: { code: string; assessmentId: number; shown: string | null }[] }>();
    for (const r of rows.rows) {
      const pupil = byEmail.get(r.email) ?? { userId: r.user_id, campaigns: [] };
      pupil.campaigns.push({ code: r.code, assessmentId: r.assessment_id, shown: r.shown });
      byEmail.set(r.email, pupil);
    }
    const content = await client.query<{ id: string; content: ChallengeSource }>("SELECT id, content FROM challenges");
    return { pupils: [...byEmail].slice(0, limit), content: new Map(content.rows.map((r) => [r.id, r.content])) };
  } finally {
    await client.end();
  }
}

export async function prepareLoad(options: { processes: number; withFloor: boolean; retry?: LoadContext["retry"]; exposeUpstream?: boolean }): Promise<Load> {
  const pupilsWanted = numberArgument("pupils", 1200);
  ensureTemplate({ pupils: pupilsWanted, regenerate: flag("regenerate") });
  const { postgres, url } = await openRunDatabase();
  onShutdown(() => postgres.stop());
  let cluster: Cluster | null = null;
  try {
    const floor = options.withFloor ? await measureFloor(postgres, { clients: numberArgument("floor-clients", 50), seconds: numberArgument("floor-seconds", 20) }) : null;
    if (floor) console.log(`Plancher (SQL minimal d'une réponse, ${floor.clients} clients, pgbench) : ${Math.round(floor.transactionsPerSecond)} transactions/s`);
    const multi = options.processes > 1;
    cluster = await startCluster({
      processes: options.processes,
      databaseUrl: url,
      balancer: !flag("no-balancer") && (multi || flag("balancer")),
      pgbouncer: !flag("no-pgbouncer") && (multi || flag("pgbouncer")),
      // As deployed (docs/deploy.md): the LISTEN of « Suivi en direct » goes straight to PostgreSQL, never PgBouncer.
      env: { DATABASE_DIRECT_URL: url, ...extraEnv() },
      exposeUpstream: options.exposeUpstream,
    });
    console.log(`Application : ${cluster.describe}`);
    const buildId = currentBuildId();
    let shape = flag("record") ? null : loadShape(buildId);
    if (!shape) {
      shape = await recordShape({ baseUrl: cluster.url, databaseUrl: url });
      await selfCheck({ baseUrl: cluster.url, databaseUrl: url, shape });
      saveShape(shape);
    }
    const { pupils: accounts, content } = await loadPupils(url, pupilsWanted);
    const agent = createAgent();
    const baseUrl = new URL(cluster.url);
    const sessions = await obtainSessions({ agent, baseUrl, shape, accounts: accounts.map(([email, a]) => ({ email, userId: a.userId })), fresh: flag("relogin") });
    const pupils = accounts.map(([email, a]) => {
      const pupil = new Pupil(email, sessions.get(email)!, a.campaigns, a.userId);
      const shown = a.campaigns[0]?.shown;
      if (shown) pupil.showing(shown);
      return pupil;
    });
    const context: LoadContext = {
      agent,
      baseUrl,
      shape,
      content,
      timeoutMs: numberArgument("timeout", 30) * 1000,
      decide: decisionDrawer(42),
      retry: options.retry,
    };
    const metrics = await Metrics.open(cluster, postgres, RUN_DATABASE);
    const running = cluster;
    return {
      postgres, databaseUrl: url, cluster: running, context, pupils, metrics, floor,
      stop: async () => {
        context.agent.destroy();
        await metrics.close();
        await running.stop();
        await postgres.stop();
      },
    };
  } catch (error) {
    await cluster?.stop();
    await postgres.stop();
    throw error;
  }
}
