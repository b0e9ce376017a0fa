/**
 * Where the answer-load bench keeps its data and which ports it uses: 22 ports from `--ports` (default 3310, so
 * 3310–3331; `npm test` uses E2E_PORT, by default 3100, so both can run on one machine). Two people benching on
 * one machine give different bases (each worktree has its own data under .data/).
 */
import path from "node:path";

const portsArgument = process.argv.indexOf("--ports");
const PORT_BASE = portsArgument >= 0 ? Number(process.argv[portsArgument + 1]) : 3310;
if (!Number.isInteger(PORT_BASE) || PORT_BASE < 1024 || PORT_BASE > 65_000) throw new Error("--ports : le premier port de la plage (22 ports), par exemple 3310");

/** The embedded PostgreSQL of the bench (`.data/postgres-answers`), on a fixed port so that a restart keeps it. */
export const BENCH_POSTGRES = { name: "answers", port: PORT_BASE + 21 } as const;
/** Generated once; every run starts from a copy of it, so that runs are comparable. */
export const TEMPLATE_DATABASE = "pix_answers_template";
export const RUN_DATABASE = "pix_answers_run";
export const FLOOR_DATABASE = "pix_answers_floor";

export const PORTS = {
  /** The load balancer (nginx) when the runner starts several processes. */
  balancer: PORT_BASE,
  /** App process i listens on firstApp + i. */
  firstApp: PORT_BASE + 1,
  maxProcesses: 16,
  pgbouncer: PORT_BASE + 20,
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
  // Four more (07/12): four campaigns held ~86 answers per pupil, too few for the soak (warm-up + 10 min at 100/s).
  { code: "BNCHRE235", targetProfileId: "tp-rentree-1ere", name: "Bench réponses – Rentrée 1ère" },
  { code: "BNCHRF236", targetProfileId: "tp-rentree-5e", name: "Bench réponses – Rentrée 5e" },
  { code: "BNCHRG237", targetProfileId: "tp-rentree-terminale", name: "Bench réponses – Rentrée Terminale" },
  { code: "BNCHRH238", targetProfileId: "tp-rentree-post-bac", name: "Bench réponses – Rentrée Post-bac" },
] as const;

/**
 * The recorder's own campaign: a short parcours (one competence), so that the recorder reaches the end of a
 * test and records it, with pupils that the load never uses.
 */
export const RECORDER_CAMPAIGN = { code: "BNCHRZ239", targetProfileId: "tp-competence-2-2", name: "Bench réponses – enregistrement" } as const;
export const RECORDER_PUPILS = 3;

export const pupilEmail = (index: number) => `eleve.bench.${String(index + 1).padStart(5, "0")}@example.org`;
export const recorderEmail = (index: number) => `enregistreur.bench.${index + 1}@example.org`;
