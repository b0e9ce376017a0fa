/**
 * The answer-load bench's data: one school, eight assessment campaigns on eight parcours (LOAD_CAMPAIGNS), N pupils
 * (1,200 by default) who have each started all eight (the load moves a pupil to the next campaign when one ends), and a
 * short recorder campaign with its own pupils. Written once into a template database; each run copies it.
 *   npx tsx --conditions=react-server bench/answer-load/generate.ts [--pupils 1200]   (run.ts calls it when needed)
 * Users and campaigns are plain INSERTs (the campaign skills frozen as createCampaign freezes them); the
 * participations go through the product's own use case (startParticipation), as a pupil's first visit does.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { hashPassword } from "../../lib/auth/password-hashing";
import { prepareDatabase } from "../../scripts/setup/prepare-database";
import { openBenchPostgres, recreateDatabase, urlOf } from "./bench-postgres";
import { GENERATOR_VERSION, templateFingerprint, type TemplateStamp } from "./template-stamp";
import {
  LOAD_CAMPAIGNS,
  PUPIL_PASSWORD,
  RECORDER_CAMPAIGN,
  RECORDER_PUPILS,
  STATE_DIR,
  TEMPLATE_DATABASE,
  TEMPLATE_STAMP_FILE,
  pupilEmail,
  recorderEmail,
} from "./settings";

const FIRST_NAMES = ["Léa", "Hugo", "Chloé", "Lucas", "Inès", "Noé", "Zoé", "Adam", "Jade", "Théo", "Anaïs", "Maël"];
const LAST_NAMES = ["Martin", "Bernard", "Dubois", "Lefèvre", "N'Diaye", "Moreau", "Nguyen", "Petit", "Faure", "Garçon"];

async function insertSchool(client: pg.Client): Promise<{ establishmentId: number; teacherId: number }> {
  const school = await client.query<{ id: number }>(
    `INSERT INTO establishments (name, uai, type, is_managing_students) VALUES ('Collège du Bench des réponses', '0759997X', 'SCO', false) RETURNING id`,
  );
  const teacher = await client.query<{ id: number }>(
    `INSERT INTO users (email, first_name, last_name, updated_at) VALUES ('bench.reponses.enseignant@example.org', 'Bench', 'Enseignant', now()) RETURNING id`,
  );
  await client.query(`INSERT INTO memberships (establishment_id, user_id, role, updated_at) VALUES ($1, $2, 'ADMIN', now())`, [school.rows[0].id, teacher.rows[0].id]);
  return { establishmentId: school.rows[0].id, teacherId: teacher.rows[0].id };
}

async function insertCampaign(client: pg.Client, school: { establishmentId: number; teacherId: number }, campaign: { code: string; targetProfileId: string; name: string }): Promise<void> {
  const row = await client.query<{ id: number }>(
    `INSERT INTO campaigns (code, name, type, target_profile_id, establishment_id, creator_id, owner_id) VALUES ($1, $2, 'ASSESSMENT', $3, $4, $5, $5) RETURNING id`,
    [campaign.code, campaign.name, campaign.targetProfileId, school.establishmentId, school.teacherId],
  );
  // Frozen as createCampaign does: the active skills of the parcours' tubes, up to each tube's level.
  await client.query(
    `INSERT INTO campaign_skills (campaign_id, skill_id)
     SELECT $1, s.id FROM target_profile_tubes t JOIN skills s ON s.tube_id = t.tube_id AND s.level <= t.level AND s.retired_at IS NULL
     WHERE t.target_profile_id = $2`,
    [row.rows[0].id, campaign.targetProfileId],
  );
}

async function insertPupils(client: pg.Client, emails: string[], passwordHash: string): Promise<number[]> {
  const result = await client.query<{ id: number }>(
    `INSERT INTO users (email, password_hash, first_name, last_name, terms_accepted_at, updated_at)
     SELECT e, $2, ($3::text[])[1 + (n - 1) % $4], ($5::text[])[1 + (n - 1) / $4 % $6], now(), now()
     FROM unnest($1::text[]) WITH ORDINALITY AS u(e, n) ORDER BY n RETURNING id`,
    [emails, passwordHash, FIRST_NAMES, FIRST_NAMES.length, LAST_NAMES, LAST_NAMES.length],
  );
  return result.rows.map((r) => r.id);
}

/**
 * Every pupil starts every campaign, in an order rotated per pupil so that the load spreads over campaigns, and
 * gets the first question of each picked as their first visit of the question page would pick it (so that a run
 * need not open 1,200 pages before it measures).
 */
async function startParticipations(url: string, pupilIds: number[], recorderIds: number[]): Promise<void> {
  process.env.DATABASE_URL = url;
  const { startParticipation } = await import("../../lib/use-cases/participations/pupil-campaign");
  const { currentQuestion } = await import("../../lib/use-cases/participations/answer-challenge");
  const codes: string[] = LOAD_CAMPAIGNS.map((c) => c.code);
  const isLoadPupil = new Set(pupilIds);
  let done = 0;
  const queue = pupilIds.map((userId, index) => ({ userId, codes: codes.map((_, k) => codes[(index + k) % codes.length]) }));
  queue.push(...recorderIds.map((userId) => ({ userId, codes: [RECORDER_CAMPAIGN.code, ...codes] })));
  // A few at a time: the use case's own transaction per participation, as concurrent first visits would.
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      for (const code of next.codes) {
        const { campaign } = await startParticipation({ userId: next.userId, code, externalId: null });
        if (isLoadPupil.has(next.userId)) await currentQuestion({ userId: next.userId, campaignId: campaign.id });
      }
      if (++done % 200 === 0) console.log(`  ${done} élèves inscrits à leurs campagnes`);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
}

export async function generateTemplate(pupils: number): Promise<void> {
  const started = performance.now();
  const database = await openBenchPostgres();
  try {
    await recreateDatabase(database, TEMPLATE_DATABASE);
    const url = urlOf(database, TEMPLATE_DATABASE);
    await prepareDatabase(url, { demo: false, log: (m) => console.log(m) });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    let pupilIds: number[];
    let recorderIds: number[];
    try {
      const school = await insertSchool(client);
      for (const campaign of [...LOAD_CAMPAIGNS, RECORDER_CAMPAIGN]) await insertCampaign(client, school, campaign);
      const passwordHash = await hashPassword(PUPIL_PASSWORD);
      pupilIds = await insertPupils(client, Array.from({ length: pupils }, (_, i) => pupilEmail(i)), passwordHash);
      recorderIds = await insertPupils(client, Array.from({ length: RECORDER_PUPILS }, (_, i) => recorderEmail(i)), passwordHash);
    } finally {
      await client.end();
    }
    await startParticipations(url, pupilIds, recorderIds);
    const { db, pgPool } = await import("../../lib/db/client");
    await db.$disconnect();
    await pgPool().end();
    await database.vacuumAnalyze(TEMPLATE_DATABASE);
    mkdirSync(STATE_DIR, { recursive: true });
    const stamp: TemplateStamp = { version: GENERATOR_VERSION, pupils, campaigns: LOAD_CAMPAIGNS.length, fingerprint: templateFingerprint(), generatedAt: new Date().toISOString() };
    writeFileSync(TEMPLATE_STAMP_FILE, JSON.stringify(stamp, null, 2));
    console.log(`Base modèle prête : ${pupils} élèves × ${LOAD_CAMPAIGNS.length} campagnes en ${((performance.now() - started) / 1000).toFixed(0)} s.`);
  } finally {
    await database.stop();
  }
}

if (import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const index = process.argv.indexOf("--pupils");
  const pupils = index >= 0 ? Number(process.argv[index + 1]) : 1200;
  generateTemplate(pupils).then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
