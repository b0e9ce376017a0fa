import { z } from "zod";
import { certificatePem } from "./saml/certificate";
import { certificateMatchesKey, privateKeyPem } from "./saml/sp-key-pair";

/** An optional setting: an empty or blank value (common in compose files) counts as unset. */
const optionalSetting = <T extends z.ZodType>(type: T) =>
  z.preprocess((value) => (typeof value === "string" ? value.trim() || undefined : value), type.optional());

const ANSWER_STATES_MB_MESSAGE = "ANSWER_STATES_MB doit être un nombre entier de mégaoctets entre 0 et 4096.";

/**
 * The only reader of process.env. Validated once; a wrong setting stops the app with a clear message.
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "DATABASE_URL doit être une URL postgresql://…"),
  /**
   * A direct connection to the primary (not PgBouncer in transaction mode) for the one LISTEN connection of each app
   * process (« Suivi en direct »): a LISTEN needs a session that stays on one backend. Defaults to DATABASE_URL.
   */
  DATABASE_DIRECT_URL: optionalSetting(z.string().regex(/^postgres(ql)?:\/\//, "DATABASE_DIRECT_URL doit être une URL postgresql://…")),
  /** Database connections of each app process (its pool). Behind PgBouncer, many processes share few server connections. */
  DATABASE_POOL_SIZE: z.coerce.number("DATABASE_POOL_SIZE doit être un nombre entier.").int().min(1).max(200).default(10),
  /**
   * The answer path's queue deadline: how long an answer waits for a pool connection before the server answers « Trop
   * de monde en même temps » (nothing recorded, the page tries again by itself). Short, so that an overload is refused fast.
   */
  DATABASE_QUEUE_DEADLINE_MS: z.coerce.number("DATABASE_QUEUE_DEADLINE_MS doit être un nombre entier.").int().min(50).max(60_000).default(1_000),
  /**
   * "1" (the default): the answer path sends its two calls as named prepared statements, planned once per
   * connection instead of at every answer (planning was three quarters of their time: bench/RESULTS.md, 07/12/2026).
   * "0" behind a pooler that loses them in transaction mode (PgBouncer < 1.21, or without max_prepared_statements,
   * docs/deploy.md). Should it be left on there, the first lost statement turns them off for the process, the answer
   * being run again without them (lib/db/repositories/answer-transaction.ts).
   */
  DATABASE_PREPARED_STATEMENTS: z.enum(["0", "1"], "DATABASE_PREPARED_STATEMENTS vaut 0 ou 1.").default("1"),
  /** What any other request (a page) waits for a pool connection before failing: bounds the queue, longer than the answer's. */
  DATABASE_POOL_WAIT_MS: z.coerce.number("DATABASE_POOL_WAIT_MS doit être un nombre entier.").int().min(100).max(600_000).default(15_000),
  /**
   * The answer gate of scripts/server.ts (lib/server/answer-gate.ts): answers handed to Next.js at once by one process,
   * answers waiting for a slot, and how long one may wait; past them the answer is refused at once (503, Retry-After,
   * « Trop de monde en même temps… ») and the page sends it again by itself.
   */
  ANSWER_GATE_CONCURRENCY: z.coerce.number("ANSWER_GATE_CONCURRENCY doit être un nombre entier.").int().min(1).max(1_000).default(8),
  ANSWER_GATE_QUEUE: z.coerce.number("ANSWER_GATE_QUEUE doit être un nombre entier.").int().min(0).max(100_000).default(64),
  ANSWER_GATE_QUEUE_MS: z.coerce.number("ANSWER_GATE_QUEUE_MS doit être un nombre entier.").int().min(10).max(60_000).default(1_000),
  /**
   * Answers of one pupil (signed-in user) inside the gate and waiting at once; beyond, refused at once like a full
   * queue (ADR 0013 « 07/12 (18) »). 2: two tabs, or a double click. An answer without a valid session takes no slot.
   */
  ANSWER_GATE_PER_PUPIL: z.coerce.number("ANSWER_GATE_PER_PUPIL doit être un nombre entier.").int().min(1).max(1_000).default(2),
  /**
   * "1": the question page's script's answers (X-Pix-Flow) are served by scripts/server.ts without entering Next.js,
   * with a pool of their own of min(DATABASE_POOL_SIZE, ANSWER_GATE_CONCURRENCY) connections (docs/adr/0018-answer-outside-next.md).
   * "0": Next.js's route handler serves them (same code); so does `npm run dev` whatever this says.
   */
  ANSWER_FAST_PATH: z.enum(["0", "1"], "ANSWER_FAST_PATH vaut 0 ou 1.").default("1"),
  /**
   * "1" (the default): the answer path is warmed before the port opens (lib/db/repositories/answer-warm-up.ts, ADR 0013
   * « 07/12 (6) »). "0" to measure a cold start (bench/answer-load/cold.ts --env ANSWER_WARM_UP=0).
   */
  ANSWER_WARM_UP: z.enum(["0", "1"], "ANSWER_WARM_UP vaut 0 ou 1.").default("1"),
  /**
   * Memory (megabytes) one process gives to the last written state of pupils' tests (lib/db/repositories/answer-states.ts,
   * ADR 0013 « 07/12 (8) »): a remembered pupil's next answer is one statement instead of two. 9 to 22 KB per test in
   * progress: 64 MB keep about 3,000 to 7,000. 0 turns it off (every answer reads first).
   */
  ANSWER_STATES_MB: z.coerce.number(ANSWER_STATES_MB_MESSAGE).int(ANSWER_STATES_MB_MESSAGE).min(0, ANSWER_STATES_MB_MESSAGE).max(4_096, ANSWER_STATES_MB_MESSAGE).default(64),
  /**
   * « Suivi en direct » streams one account may hold open at once in one process (lib/server/live-view-slots.ts): a
   * teacher's few tabs and devices fit in 6; beyond, 429 and the page polls. Raised only by the live-view bench,
   * whose teachers are sessions of one account.
   */
  LIVE_VIEW_STREAMS_PER_USER: z.coerce.number("LIVE_VIEW_STREAMS_PER_USER doit être un nombre entier.").int().min(1).max(1_000).default(6),
  /**
   * How long an idle keep-alive connection stays open on the app's side. Longer than the reverse proxy's own idle
   * timeout for its upstream connections (nginx: `keepalive_timeout` in the upstream block, 60 s by default), so that the
   * proxy, not the app, closes them: otherwise the proxy may send a request on a connection the app is closing (a 502).
   */
  /**
   * After this long without any request, a process whose heap grew since its last collection runs a full garbage
   * collection (lib/server/idle-collector.ts): memory back to its resting level after a burst. 0: never.
   */
  IDLE_GC_AFTER_MS: z.coerce.number("IDLE_GC_AFTER_MS doit être un nombre entier.").int().min(0).max(3_600_000).default(10_000),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number("HTTP_KEEP_ALIVE_TIMEOUT_MS doit être un nombre entier.").int().min(1_000).max(600_000).default(75_000),
  /** Public address of the student app, used in links and e-mails (e.g. https://app.example.fr). */
  APP_URL: z.url().default("http://localhost:3000"),
  /** Optional separate host for the teacher space (e.g. https://orga.example.fr → /orga). */
  ORGA_URL: z.url().optional(),
  /** next-auth's base URL; its scheme decides whether cookies are `Secure` (`__Secure-` names). Defaults to APP_URL. */
  NEXTAUTH_URL: optionalSetting(z.url("NEXTAUTH_URL doit être une URL (https://…).")),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET doit faire au moins 32 caractères").optional(),
  /**
   * How many reverse proxies (load balancer, TLS proxy) stand in front of the app and append the address they saw to
   * X-Forwarded-For. 0: the app faces the clients, the socket's address counts and X-Forwarded-For is ignored.
   */
  TRUSTED_PROXY_HOPS: z.coerce.number("TRUSTED_PROXY_HOPS doit être un nombre entier (0, 1, 2…).").int("TRUSTED_PROXY_HOPS doit être un nombre entier (0, 1, 2…).").min(0, "TRUSTED_PROXY_HOPS ne peut pas être négatif.").max(10, "TRUSTED_PROXY_HOPS : 10 au plus.").default(0),
  /** smtp://user:pass@host:port or smtps://… ; without it, mails go to the development outbox. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "SMTP_URL doit commencer par smtp:// ou smtps://").optional(),
  MAIL_FROM: z.string().default("Pix Libre <ne-pas-repondre@pix-libre.local>"),
  INVITATION_VALIDITY_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** "1" shows the development outbox (/dev/mails) even in production mode: only for the e2e suite. */
  MAIL_OUTBOX_PAGE: z.enum(["0", "1"]).default("0"),
  /** Who publishes this instance, how to reach them, who hosts it: shown by « Mentions légales », « Accessibilité », « Données personnelles ». */
  SITE_PUBLISHER: optionalSetting(z.string().max(300, "SITE_PUBLISHER : 300 caractères au plus.")),
  SITE_CONTACT_EMAIL: optionalSetting(z.email("SITE_CONTACT_EMAIL doit être une adresse e-mail.")),
  SITE_HOSTING: optionalSetting(z.string().max(300, "SITE_HOSTING : 300 caractères au plus.")),
  /** GAR (Médiacentre): the identity provider's SSO address (HTTP-Redirect binding). GAR is on when this and the certificate are set. */
  SAML_IDP_ENTRY_POINT: optionalSetting(z.url("SAML_IDP_ENTRY_POINT doit être une URL (https://…).")),
  /** GAR: the identity provider's signing certificate, PEM (line breaks may be written as a literal backslash-n) or its base64 body. */
  SAML_IDP_CERT: optionalSetting(
    z.string().transform((value, ctx) => {
      const pem = certificatePem(value);
      if (!pem) ctx.addIssue({ code: "custom", message: "SAML_IDP_CERT doit être le certificat X.509 de signature du GAR (PEM ou base64)." });
      return pem ?? z.NEVER;
    }),
  ),
  /** GAR: the identity provider's entity id (entityID of its metadata); every assertion's Issuer must be exactly this. */
  SAML_IDP_ENTITY_ID: optionalSetting(z.string().max(1024, "SAML_IDP_ENTITY_ID est trop long.")),
  /** GAR: our service provider's entity id, the audience the assertions must name; defaults to `${APP_URL}/api/saml/metadata`. */
  SAML_SP_ENTITY_ID: optionalSetting(z.string()),
  /** GAR: our RSA private key (PEM), to decrypt encrypted assertions and sign our AuthnRequests; goes with SAML_SP_CERT. */
  SAML_SP_PRIVATE_KEY: optionalSetting(
    z.string().transform((value, ctx) => {
      const pem = privateKeyPem(value);
      if (!pem) ctx.addIssue({ code: "custom", message: "SAML_SP_PRIVATE_KEY doit être une clé privée RSA non chiffrée, au format PEM (BEGIN PRIVATE KEY ou BEGIN RSA PRIVATE KEY)." });
      return pem ?? z.NEVER;
    }),
  ),
  /** GAR: the certificate of that key, published in our metadata (KeyDescriptor signing and encryption). */
  SAML_SP_CERT: optionalSetting(
    z.string().transform((value, ctx) => {
      const pem = certificatePem(value);
      if (!pem) ctx.addIssue({ code: "custom", message: "SAML_SP_CERT doit être le certificat X.509 de la clé SAML_SP_PRIVATE_KEY (PEM ou base64)." });
      return pem ?? z.NEVER;
    }),
  ),
  /** GAR: "true" accepts assertions signed with SHA-1 (refused by default: SHA-1 collisions are within reach). */
  SAML_ALLOW_SHA1: optionalSetting(z.enum(["true", "false"], "SAML_ALLOW_SHA1 vaut true ou false.")),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnvironment(process.env);
  return cached;
}

/** The settings read from an environment, or a French error naming what is wrong (also used by tests). */
export function parseEnvironment(source: Readonly<Record<string, string | undefined>>): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Configuration invalide :\n${lines}\nVoir la table « Configuration » du README.`);
  }
  if (parsed.data.NODE_ENV === "production" && !parsed.data.NEXTAUTH_SECRET) {
    throw new Error("Configuration invalide : NEXTAUTH_SECRET est obligatoire en production.");
  }
  if (Boolean(parsed.data.SAML_IDP_ENTRY_POINT) !== Boolean(parsed.data.SAML_IDP_CERT)) {
    // Half a GAR configuration would silently turn the Médiacentre access off: say so at start-up instead.
    throw new Error("Configuration invalide : SAML_IDP_ENTRY_POINT et SAML_IDP_CERT vont ensemble (les deux pour activer le GAR, aucun sinon).");
  }
  const garProblem = garSettingsProblem(parsed.data);
  if (garProblem) throw new Error(`Configuration invalide : ${garProblem}`);
  return parsed.data;
}

/** What is wrong with the GAR settings taken together (each one alone was validated by the schema), or null. */
function garSettingsProblem(settings: Env): string | null {
  if (settings.SAML_IDP_ENTRY_POINT && !settings.SAML_IDP_ENTITY_ID) {
    // Without it the Issuer could not be checked: an assertion of another platform signed with the same key would pass.
    return "SAML_IDP_ENTITY_ID est obligatoire avec le GAR : c'est l'entityID de ses métadonnées, que chaque assertion doit porter (Issuer).";
  }
  if (Boolean(settings.SAML_SP_PRIVATE_KEY) !== Boolean(settings.SAML_SP_CERT)) {
    return "SAML_SP_PRIVATE_KEY et SAML_SP_CERT vont ensemble (les deux pour déchiffrer les assertions et signer les demandes, aucun sinon).";
  }
  if (settings.SAML_SP_PRIVATE_KEY && settings.SAML_SP_CERT && !certificateMatchesKey(settings.SAML_SP_CERT, settings.SAML_SP_PRIVATE_KEY)) {
    return "SAML_SP_CERT n'est pas le certificat de la clé SAML_SP_PRIVATE_KEY : nos métadonnées publieraient une clé que nous ne savons pas utiliser.";
  }
  return null;
}

export const isProduction = () => env().NODE_ENV === "production";

/** GAR access (SAML) is on when the identity provider's address and certificate are both configured. */
export const isGarEnabled = () => Boolean(env().SAML_IDP_ENTRY_POINT && env().SAML_IDP_CERT);

/** The outbox page lists every mail sent without SMTP: never on a real deployment. */
export const isOutboxPageEnabled = () => !isProduction() || env().MAIL_OUTBOX_PAGE === "1";
