/**
 * Data for the results-export bench: one school, two assessment campaigns on the "Parcours de rentrée 3e"
 * (96 skills, 32 tubes) with 10,000 and 100,000 shared participations. Every participant has a learner
 * (class), an external id (and, in the 10,000 campaign, a completed assessment with its answers), a knowledge snapshot (about 70 % of the
 * campaign skills assessed) and its 32 per-tube rows, both derived from the same deterministic pseudo-random answers, so they agree.
 *   npx tsx bench/results-export/generate.ts        (from the repository root; about a minute)
 *   npx tsx bench/results-export/generate.ts --tailles 10000   (only the 10,000 campaign and its collection: the
 *                                                              results-pages bench needs nothing more)
 * Plain batched INSERT … SELECT generate_series, 10,000 participants per statement; no COPY.
 */
import { performance } from "node:perf_hooks";
import pg from "pg";
import { startEmbeddedPostgres } from "../../scripts/db/embedded-postgres";
import { prepareDatabase } from "../../scripts/setup/prepare-database";

import { BENCH_COLLECTION_NAME, BENCH_DATABASE, BENCH_TEACHER_EMAIL, benchCampaignName } from "./bench-data";

const TARGET_PROFILE_ID = "tp-rentree-3e";
const sizesArgument = process.argv.indexOf("--tailles");
const CAMPAIGN_SIZES = sizesArgument >= 0 ? process.argv[sizesArgument + 1].split(",").map(Number) : [10_000, 100_000];
if (!CAMPAIGN_SIZES.includes(10_000) || CAMPAIGN_SIZES.some((size) => !Number.isInteger(size) || size <= 0)) {
  throw new Error("--tailles : des nombres entiers séparés par des virgules, dont 10000 (la collecte de profils en dépend).");
}
const CHUNK = 10_000;

const FIRST_NAMES = ["Léa", "Hugo", "Chloé", "Lucas", "Inès", "Noé", "Zoé", "Adam", "Jade", "Théo", "Anaïs", "Maël", "Éloïse", "Gaël"];
const LAST_NAMES = ["Martin", "Bernard", "Dubois", "Lefèvre", "N'Diaye", "D'Almeida", "Garçon", "Moreau", "Nguyen", "Rousseau-Lévêque", "Petit", "Faure"];
const sqlArray = (values: string[]) => `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(",")}]`;

async function setUpSchool(client: pg.Client): Promise<{ establishmentId: number; teacherId: number }> {
  const school = await client.query<{ id: number }>(
    `INSERT INTO establishments (name, uai, type, is_managing_students) VALUES ('Collège du Bench', '0759998Y', 'SCO', true) RETURNING id`,
  );
  const teacher = await client.query<{ id: number }>(
    `INSERT INTO users (email, first_name, last_name, updated_at) VALUES ($1, 'Bench', 'Professeur', now()) RETURNING id`,
    [BENCH_TEACHER_EMAIL],
  );
  const establishmentId = school.rows[0].id;
  const teacherId = teacher.rows[0].id;
  await client.query(`INSERT INTO memberships (establishment_id, user_id, role, updated_at) VALUES ($1, $2, 'ADMIN', now())`, [establishmentId, teacherId]);
  return { establishmentId, teacherId };
}

async function createCampaign(client: pg.Client, school: { establishmentId: number; teacherId: number }, participants: number): Promise<number> {
  const campaign = await client.query<{ id: number }>(
    `INSERT INTO campaigns (code, name, type, target_profile_id, establishment_id, creator_id, owner_id, external_id_label, external_id_type)
     VALUES ($1, $2, 'ASSESSMENT', $3, $4, $5, $5, 'Numéro d''élève', 'STRING') RETURNING id`,
    [`BENCH${String(participants).padStart(6, "0")}`, benchCampaignName(participants), TARGET_PROFILE_ID, school.establishmentId, school.teacherId],
  );
  const campaignId = campaign.rows[0].id;
  // The campaign's frozen skills, as createCampaign does: active skills of the capped tubes.
  await client.query(
    `INSERT INTO campaign_skills (campaign_id, skill_id)
     SELECT $1, s.id FROM target_profile_tubes t JOIN skills s ON s.tube_id = t.tube_id AND s.level <= t.level AND s.retired_at IS NULL
     WHERE t.target_profile_id = $2`,
    [campaignId, TARGET_PROFILE_ID],
  );
  return campaignId;
}

/** Users, learners and shared participations of one chunk; returns the participation id range. */
async function insertParticipants(client: pg.Client, campaignId: number, establishmentId: number, from: number, to: number): Promise<[number, number]> {
  const result = await client.query<{ first: number; last: number }>(
    `WITH new_users AS (
       INSERT INTO users (first_name, last_name, updated_at)
       SELECT (${sqlArray(FIRST_NAMES)})[1 + n % ${FIRST_NAMES.length}], (${sqlArray(LAST_NAMES)})[1 + (n / 7) % ${LAST_NAMES.length}], now()
       FROM generate_series($3::int, $4::int) AS n
       RETURNING id, first_name, last_name
     ), new_learners AS (
       INSERT INTO learners (establishment_id, user_id, first_name, last_name, division, updated_at)
       SELECT $2, id, first_name, last_name, (3 + id % 4)::text || 'e ' || chr(65 + id % 6), now() FROM new_users
       RETURNING id, user_id
     ), new_participations AS (
       INSERT INTO participations (campaign_id, user_id, learner_id, participant_external_id, status, created_at, shared_at)
       SELECT $1, user_id, id, 'INE' || lpad(user_id::text, 8, '0'), 'SHARED',
              -- UTC, as Prisma stores it. Starts spread over a month (43,200 minutes, about 2 per minute), sent 20 to 60 minutes later.
              timestamp '2026-09-01 06:00' + ((user_id::bigint * 7919) % 43200) * interval '1 minute' + (user_id % 60) * interval '1 second',
              timestamp '2026-09-01 06:00' + ((user_id::bigint * 7919) % 43200 + 20 + user_id % 40) * interval '1 minute'
       FROM new_learners
       RETURNING id
     )
     SELECT min(id) AS first, max(id) AS last FROM new_participations`,
    [campaignId, establishmentId, from, to],
  );
  return [result.rows[0].first, result.rows[0].last];
}

/**
 * Answers of the chunk, computed once into a temporary table: a skill is assessed 7 times out of 10 and
 * validated when its level is within the participant's ability (1..5) plus or minus one. Hashes make
 * the data repeatable from one generation to the next.
 */
async function insertResults(client: pg.Client, campaignId: number, [first, last]: [number, number], withAnswers: boolean): Promise<void> {
  await client.query("DROP TABLE IF EXISTS bench_answers");
  await client.query(
    `CREATE TEMP TABLE bench_answers AS
     SELECT p.id AS participation_id, s.id AS skill_id, s.tube_id, s.competence_id, s.level, s.pix_value,
            abs(hashtext(p.id::text || ':' || s.id)) % 10 < 7 AS is_assessed,
            s.level <= 1 + abs(hashtext(p.id::text)) % 5 + abs(hashtext(s.id || ':' || p.id::text)) % 3 - 1 AS is_validated
     FROM participations p
     JOIN campaign_skills cs ON cs.campaign_id = p.campaign_id
     JOIN skills s ON s.id = cs.skill_id
     WHERE p.campaign_id = $1 AND p.id BETWEEN $2 AND $3`,
    [campaignId, first, last],
  );
  // JSON written as text then cast once: three times faster than jsonb_agg(jsonb_build_object(…)).
  await client.query(
    `INSERT INTO participation_snapshots (participation_id, knowledge_elements, created_at)
     SELECT participation_id,
            ('[' || string_agg(format('{"skillId":"%s","status":"%s","source":"DIRECT","earnedPix":%s,"competenceId":"%s"}',
              skill_id, CASE WHEN is_validated THEN 'VALIDATED' ELSE 'INVALIDATED' END,
              CASE WHEN is_validated THEN pix_value ELSE 0 END, competence_id), ',') || ']')::jsonb,
            now()
     FROM bench_answers WHERE is_assessed GROUP BY participation_id`,
  );
  await client.query(
    `INSERT INTO participation_tube_results (participation_id, tube_id, competence_id, targeted_count, validated_count, highest_validated, lowest_not_validated)
     SELECT participation_id, tube_id, min(competence_id), count(*),
            count(*) FILTER (WHERE is_assessed AND is_validated),
            COALESCE(max(level) FILTER (WHERE is_assessed AND is_validated), 0),
            COALESCE(min(level) FILTER (WHERE NOT (is_assessed AND is_validated)), max(level))
     FROM bench_answers GROUP BY participation_id, tube_id`,
  );
  // The answers behind them (the Questions view of Analyse and the item report read these): one completed assessment
  // per participation, one answer per assessed skill on one of its challenges (picked by hash), right when the skill
  // is validated; a wrong answer names a wrong proposal (canonical numbers), one in ten is « Je passe ». Only for the
  // 10,000 campaign (6.7 million answers for the 100,000 one would only slow the export bench's generation down).
  if (withAnswers) await client.query(
    `WITH new_assessments AS (
       INSERT INTO assessments (user_id, participation_id, state, answers_count, created_at, updated_at)
       SELECT p.user_id, p.id, 'COMPLETED', 0, p.created_at, p.shared_at FROM participations p WHERE p.campaign_id = $1 AND p.id BETWEEN $2 AND $3
       RETURNING id, participation_id
     )
     INSERT INTO answers (assessment_id, challenge_id, value, result, time_spent, created_at)
     SELECT na.id, ch.id,
            CASE WHEN NOT b.is_validated AND h % 10 = 0 THEN 'null'::jsonb
                 WHEN ch.content->>'type' = 'QCU' THEN jsonb_build_object('kind', 'choices', 'selected', jsonb_build_array(
                   CASE WHEN b.is_validated THEN (ch.content->>'solution')::int
                        ELSE ((ch.content->>'solution')::int - 1 + 1 + h % (jsonb_array_length(ch.content->'proposals') - 1)) % jsonb_array_length(ch.content->'proposals') + 1 END))
                 WHEN ch.content->>'type' = 'QCM' THEN jsonb_build_object('kind', 'choices', 'selected',
                   CASE WHEN b.is_validated THEN ch.content->'solution' ELSE jsonb_build_array(1 + h % jsonb_array_length(ch.content->'proposals')) END)
                 ELSE '{"kind":"fields","values":{}}'::jsonb END,
            (CASE WHEN b.is_validated THEN 'OK' WHEN h % 10 = 0 THEN 'ABAND' ELSE 'KO' END)::"AnswerResult",
            10 + h % 80, now()
     FROM bench_answers b JOIN new_assessments na ON na.participation_id = b.participation_id
     CROSS JOIN LATERAL (SELECT abs(hashtext(b.skill_id || '#' || b.participation_id::text)) AS h) hashed
     CROSS JOIN LATERAL (SELECT c.id, c.content FROM challenges c WHERE c.skill_id = b.skill_id AND c.retired_at IS NULL
                         ORDER BY md5(c.id || b.participation_id::text) LIMIT 1) ch
     WHERE b.is_assessed`,
    [campaignId, first, last],
  );
  // Stars as the product stores them: thresholds 0 / 21 / 51 / 81 % of the parcours' four stages.
  await client.query(
    `UPDATE participations p SET validated_skills_count = t.validated, mastery_rate = t.validated::float / t.targeted,
            stage_reached = CASE WHEN t.validated * 100 >= 81 * t.targeted THEN 3 WHEN t.validated * 100 >= 51 * t.targeted THEN 2
                                 WHEN t.validated * 100 >= 21 * t.targeted THEN 1 ELSE 0 END,
            pix_score = t.pix, is_latest_shared = true, validated_by_competence = c.counts
     FROM (SELECT participation_id, count(*) FILTER (WHERE is_assessed AND is_validated)::int AS validated, count(*)::int AS targeted,
                  floor(COALESCE(sum(pix_value) FILTER (WHERE is_assessed AND is_validated), 0))::int AS pix
           FROM bench_answers GROUP BY participation_id) t,
          (SELECT participation_id, jsonb_object_agg(competence_id, validated) AS counts
           FROM (SELECT participation_id, competence_id, count(*) FILTER (WHERE is_assessed AND is_validated)::int AS validated
                 FROM bench_answers GROUP BY participation_id, competence_id) per_competence
           GROUP BY participation_id) c
     WHERE p.id = t.participation_id AND c.participation_id = t.participation_id`,
  );
}

/**
 * "Collecter les profils" sent by the pupils of an assessment campaign: their snapshot is the one they
 * sent there, and the pix per competence are kept as the sharing keeps them (floor of the validated
 * skills' pix, capped at 5 levels of 8 pix).
 */
async function insertProfilesCollection(client: pg.Client, school: { establishmentId: number; teacherId: number }, fromCampaignId: number): Promise<number> {
  const campaign = await client.query<{ id: number }>(
    `INSERT INTO campaigns (code, name, type, establishment_id, creator_id, owner_id) VALUES ('BENCHPROF1', $1, 'PROFILES_COLLECTION', $2, $3, $3) RETURNING id`,
    [BENCH_COLLECTION_NAME, school.establishmentId, school.teacherId],
  );
  const campaignId = campaign.rows[0].id;
  await client.query(
    `WITH copied AS (
       INSERT INTO participations (campaign_id, user_id, learner_id, status, created_at, shared_at, is_latest_shared, pix_score, mastery_rate)
       SELECT $1, user_id, learner_id, 'SHARED', created_at + interval '1 day', shared_at + interval '1 day', true, pix_score, pix_score / 640.0
       FROM participations WHERE campaign_id = $2 ORDER BY id
       RETURNING id, user_id
     )
     INSERT INTO participation_snapshots (participation_id, knowledge_elements, created_at)
     SELECT copied.id, s.knowledge_elements, now() FROM copied
     JOIN participations p ON p.campaign_id = $2 AND p.user_id = copied.user_id
     JOIN participation_snapshots s ON s.participation_id = p.id`,
    [campaignId, fromCampaignId],
  );
  await client.query(
    `UPDATE participations p SET pix_by_competence = pix.counts
     FROM (SELECT participation_id, jsonb_object_agg(competence_id, LEAST(floor(earned + 1e-9), 40)::int) AS counts
           FROM (SELECT s.participation_id, ke->>'competenceId' AS competence_id,
                        SUM(CASE WHEN ke->>'status' = 'VALIDATED' THEN (ke->>'earnedPix')::float8 ELSE 0 END) AS earned
                 FROM participation_snapshots s JOIN participations q ON q.id = s.participation_id AND q.campaign_id = $1,
                      jsonb_array_elements(s.knowledge_elements) AS ke
                 GROUP BY s.participation_id, ke->>'competenceId') per_competence
           GROUP BY participation_id) pix
     WHERE p.id = pix.participation_id`,
    [campaignId],
  );
  // The tabs' read models, as the sharing keeps them: certifiable competences, levels per competence.
  await client.query(
    `UPDATE participations p SET certifiable_competences_count = (SELECT count(*) FROM jsonb_each_text(p.pix_by_competence) e WHERE e.value::int >= 8)
     WHERE p.campaign_id = $1`,
    [campaignId],
  );
  await client.query(
    `INSERT INTO campaign_competence_levels (campaign_id, competence_id, level, participants_count, pix_sum)
     SELECT p.campaign_id, e.key, e.value::int / 8, count(*), SUM(e.value::int)
     FROM participations p CROSS JOIN LATERAL jsonb_each_text(p.pix_by_competence) e
     WHERE p.campaign_id = $1 AND p.is_latest_shared GROUP BY p.campaign_id, e.key, e.value::int / 8`,
    [campaignId],
  );
  return campaignId;
}

/** One pupil, one shared participation: every one is counted; the Analyse sums as the sharing keeps them. */
async function insertTubeSums(client: pg.Client, campaignId: number): Promise<void> {
  await client.query(
    `INSERT INTO campaign_tube_sums (campaign_id, tube_id, highest_validated_sum, validated_count_sum, next_step_sum_x840)
     SELECT p.campaign_id, r.tube_id, SUM(r.highest_validated), SUM(r.validated_count), SUM(r.highest_validated * 840 / GREATEST(r.lowest_not_validated, 1))
     FROM participations p JOIN participation_tube_results r ON r.participation_id = p.id
     WHERE p.campaign_id = $1 AND p.is_latest_shared GROUP BY p.campaign_id, r.tube_id`,
    [campaignId],
  );
  // The « Questions » view's counts, as the sharing keeps them (only the 10,000 campaign has answers).
  await client.query(
    `INSERT INTO campaign_challenge_sums (campaign_id, challenge_id, met_count, success_count)
     SELECT p.campaign_id, an.challenge_id, count(*), count(*) FILTER (WHERE an.result = 'OK')
     FROM participations p JOIN assessments a ON a.participation_id = p.id JOIN answers an ON an.assessment_id = a.id
     WHERE p.campaign_id = $1 AND p.is_latest_shared GROUP BY p.campaign_id, an.challenge_id`,
    [campaignId],
  );
}

async function main(): Promise<void> {
  const started = performance.now();
  const database = await startEmbeddedPostgres({ ...BENCH_DATABASE, fresh: true });
  try {
    await prepareDatabase(database.url, { demo: false, log: (m) => console.log(m) });
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    // A bench database, consistent by construction: commits need not wait for the disk, and the foreign
    // keys' per-row triggers (the bulk of the insert time) are skipped for this session.
    await client.query("SET synchronous_commit = off");
    await client.query("SET session_replication_role = replica");
    try {
      const school = await setUpSchool(client);
      let userNumber = 0;
      const campaignIds = new Map<number, number>();
      for (const size of CAMPAIGN_SIZES) {
        const campaignStarted = performance.now();
        const campaignId = await createCampaign(client, school, size);
        for (let done = 0; done < size; done += CHUNK) {
          const count = Math.min(CHUNK, size - done);
          const range = await insertParticipants(client, campaignId, school.establishmentId, userNumber + 1, userNumber + count);
          userNumber += count;
          await insertResults(client, campaignId, range, size === 10_000);
          process.stdout.write(`\r  ${done + count} / ${size}`);
        }
        await insertTubeSums(client, campaignId);
        campaignIds.set(size, campaignId);
        process.stdout.write("\n");
        console.log(`Campagne ${campaignId} « ${benchCampaignName(size)} » : ${size} participations en ${((performance.now() - campaignStarted) / 1000).toFixed(1)} s`);
      }
      const collectionStarted = performance.now();
      const collectionId = await insertProfilesCollection(client, school, campaignIds.get(10_000)!);
      console.log(`Campagne ${collectionId} « ${BENCH_COLLECTION_NAME} » : 10000 profils en ${((performance.now() - collectionStarted) / 1000).toFixed(1)} s`);
      // As autovacuum would have done on a live database: hint bits and visibility map set, statistics fresh.
      await client.query("VACUUM ANALYZE");
      const sizes = await client.query<{ table: string; rows: string; size: string }>(
        `SELECT relname AS table, n_live_tup::text AS rows, pg_size_pretty(pg_total_relation_size(relid)) AS size FROM pg_stat_user_tables
         WHERE relname IN ('participations', 'participation_tube_results', 'participation_snapshots', 'learners', 'users', 'assessments', 'answers') ORDER BY relname`,
      );
      for (const row of sizes.rows) console.log(`  ${row.table.padEnd(28)} ${row.rows.padStart(9)} lignes  ${row.size}`);
    } finally {
      await client.end();
    }
  } finally {
    await database.stop();
  }
  console.log(`Terminé en ${((performance.now() - started) / 1000).toFixed(1)} s. Lancer : npm run bench:export`);
}

const isMain = process.argv[1]?.endsWith("generate.ts");
if (isMain) await main();
