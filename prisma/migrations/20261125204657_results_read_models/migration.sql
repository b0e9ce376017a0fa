-- AlterTable
ALTER TABLE "participations" ADD COLUMN     "is_latest_shared" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "validated_by_competence" JSONB;

-- CreateTable
CREATE TABLE "campaign_tube_sums" (
    "campaign_id" INTEGER NOT NULL,
    "tube_id" TEXT NOT NULL,
    "highest_validated_sum" BIGINT NOT NULL,
    "validated_count_sum" BIGINT NOT NULL,
    "next_step_sum_x840" BIGINT NOT NULL,

    CONSTRAINT "campaign_tube_sums_pkey" PRIMARY KEY ("campaign_id","tube_id")
);

-- CreateIndex
CREATE INDEX "participations_campaign_id_id_idx" ON "participations"("campaign_id", "id");

-- AddForeignKey
ALTER TABLE "campaign_tube_sums" ADD CONSTRAINT "campaign_tube_sums_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: the participations counted in results (the latest shared one of each pupil, not deleted).
CREATE INDEX "participations_latest_shared_idx" ON "participations"("campaign_id") WHERE "is_latest_shared";

-- Hand-written backfill of the read models from the rows written at sharing (same rules as lib/db/repositories/results-read-models.ts).
UPDATE "participations" p SET "is_latest_shared" = true
FROM (
  SELECT DISTINCT ON ("campaign_id", COALESCE("learner_id", -"user_id", -"id")) "id"
  FROM "participations"
  WHERE "status" = 'SHARED' AND "deleted_at" IS NULL
  ORDER BY "campaign_id", COALESCE("learner_id", -"user_id", -"id"), "shared_at" DESC, "id" DESC
) latest
WHERE p."id" = latest."id";

UPDATE "participations" p SET "validated_by_competence" = counts."json"
FROM (
  SELECT "participation_id", jsonb_object_agg("competence_id", "validated") AS "json"
  FROM (
    SELECT "participation_id", "competence_id", SUM("validated_count")::int AS "validated"
    FROM "participation_tube_results" GROUP BY "participation_id", "competence_id"
  ) per_competence
  GROUP BY "participation_id"
) counts
WHERE p."id" = counts."participation_id";

INSERT INTO "campaign_tube_sums" ("campaign_id", "tube_id", "highest_validated_sum", "validated_count_sum", "next_step_sum_x840")
SELECT p."campaign_id", r."tube_id", SUM(r."highest_validated"), SUM(r."validated_count"),
       SUM(r."highest_validated" * 840 / GREATEST(r."lowest_not_validated", 1))
FROM "participations" p JOIN "participation_tube_results" r ON r."participation_id" = p."id"
WHERE p."is_latest_shared"
GROUP BY p."campaign_id", r."tube_id";
