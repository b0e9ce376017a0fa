/**
 * Where the answer-load bench keeps its data and which ports it uses (3300–3349 are this bench's range;
 * `npm test` uses E2E_PORT, by default 3100, so both can run on one machine).
 */
import path from "node:path";

/** The first port of the range: BENCH_PORT_BASE moves it (a copy of the project beside another, e.g. bench:live). */
const PORT_BASE = Number(process.env.BENCH_PORT_BASE ?? 3300);

/** The embedded PostgreSQL of the bench (`.data/postgres-answers`), on a fixed port so that a restart keeps it. */
export const BENCH_POSTGRES = { name: "answers", port: PORT_BASE + 31 } as const;
/** Generated once; every run starts from a copy of it, so that runs are comparable. */
export const TEMPLATE_DATABASE = "pix_answers_template";
export const RUN_DATABASE = "pix_answers_run";
export const FLOOR_DATABASE = "pix_answers_floor";

export const PORTS = {
  /** The load balancer (nginx) when the runner starts several processes. */
  balancer: PORT_BASE + 10,
  /** App process i listens on firstApp + i. */
  firstApp: PORT_BASE + 11,
  maxProcesses: 16,
  pgbouncer: PORT_BASE + 30,
} as const;

/** The bench's own secret: sessions minted by the real login of one run stay valid for the next (12 h). */
export const BENCH_SECRET = "bench-answers-secret-0123456789-abcdefghijklmnop";
export const PUPIL_PASSWORD = "Bench-Reponses-2026";

export const STATE_DIR = path.join(".data", "bench-answers");
export const TEMPLATE_STAMP_FILE = path.join(STATE_DIR, "template.json");
export const SESSIONS_FILE = path.join(STATE_DIR, "sessions.json");
export const shapeFile = (buildId: string) => path.join(STATE_DIR, `shape-${buildId}.json`);

/** Campaigns every bench pupil has started, one per parcours (codes: 6 letters, 3 digits). */
export const LOAD_CAMPAIGNS = [
  { code: "BNCHRA231", targetProfileId: "tp-rentree-3e", name: "Bench réponses – Rentrée 3e" },
  { code: "BNCHRB232", targetProfileId: "tp-rentree-2nde", name: "Bench réponses – Rentrée 2nde" },
  { code: "BNCHRC233", targetProfileId: "tp-snt", name: "Bench réponses – SNT" },
  { code: "BNCHRD234", targetProfileId: "tp-rentree-4e", name: "Bench réponses – Rentrée 4e" },
] as const;

/**
 * The recorder's own campaign: a short parcours (one competence), so that the recorder reaches the end of a
 * test and records it, with pupils that the load never uses.
 */
export const RECORDER_CAMPAIGN = { code: "BNCHRZ239", targetProfileId: "tp-competence-2-2", name: "Bench réponses – enregistrement" } as const;
export const RECORDER_PUPILS = 3;

export const pupilEmail = (index: number) => `eleve.bench.${String(index + 1).padStart(5, "0")}@example.org`;
export const recorderEmail = (index: number) => `enregistreur.bench.${index + 1}@example.org`;
