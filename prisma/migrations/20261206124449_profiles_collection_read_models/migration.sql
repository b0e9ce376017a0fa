-- AlterTable
ALTER TABLE "participations" ADD COLUMN     "certifiable_competences_count" INTEGER;

-- CreateTable
CREATE TABLE "campaign_competence_levels" (
    "campaign_id" INTEGER NOT NULL,
    "competence_id" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "participants_count" BIGINT NOT NULL,
    "pix_sum" BIGINT NOT NULL,

    CONSTRAINT "campaign_competence_levels_pkey" PRIMARY KEY ("campaign_id","competence_id","level")
);

-- AddForeignKey
ALTER TABLE "campaign_competence_levels" ADD CONSTRAINT "campaign_competence_levels_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written backfill (same rules as lib/domain/scoring/pix-profile.ts and lib/db/repositories/results-read-models.ts).
-- 1. Profiles shared before pix_by_competence was kept: their pix per competence from the snapshot sent then
--    (floor of the earned pix of the validated skills, capped at 5 levels × 8 pix, with 1e-9 so that three skills worth 8/3 make 8).
UPDATE "participations" p SET "pix_by_competence" = pix."json"
FROM (
  SELECT per."participation_id", jsonb_object_agg(per."competence_id", per."pix") AS "json"
  FROM (
    SELECT s."participation_id", ke->>'competenceId' AS "competence_id",
           LEAST(floor(SUM(CASE WHEN ke->>'status' = 'VALIDATED' THEN (ke->>'earnedPix')::float8 ELSE 0 END) + 1e-9), 40)::int AS "pix"
    FROM "participation_snapshots" s
    JOIN "participations" q ON q."id" = s."participation_id" AND q."status" = 'SHARED' AND q."pix_by_competence" IS NULL
    JOIN "campaigns" c ON c."id" = q."campaign_id" AND c."type" = 'PROFILES_COLLECTION'
    CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(s."knowledge_elements") = 'array' THEN s."knowledge_elements" ELSE '[]'::jsonb END) ke
    GROUP BY s."participation_id", ke->>'competenceId'
  ) per
  GROUP BY per."participation_id"
) pix
WHERE p."id" = pix."participation_id";

-- A profile sent without any knowledge element: no pix anywhere.
UPDATE "participations" p SET "pix_by_competence" = '{}'::jsonb
FROM "campaigns" c
WHERE c."id" = p."campaign_id" AND c."type" = 'PROFILES_COLLECTION' AND p."status" = 'SHARED' AND p."pix_by_competence" IS NULL;

-- 2. Competences at level 1 or more (8 pix or more) of every profile sent.
UPDATE "participations" p SET "certifiable_competences_count" = (
  SELECT count(*) FROM jsonb_each_text(p."pix_by_competence") e WHERE e.value::numeric >= 8
)
WHERE p."pix_by_competence" IS NOT NULL;

-- 3. Levels per campaign and competence over the counted profiles.
INSERT INTO "campaign_competence_levels" ("campaign_id", "competence_id", "level", "participants_count", "pix_sum")
SELECT p."campaign_id", e.key, floor(e.value::numeric / 8)::int, count(*), SUM(e.value::numeric)::bigint
FROM "participations" p CROSS JOIN LATERAL jsonb_each_text(p."pix_by_competence") e
WHERE p."is_latest_shared" AND p."pix_by_competence" IS NOT NULL
GROUP BY p."campaign_id", e.key, floor(e.value::numeric / 8)::int;
