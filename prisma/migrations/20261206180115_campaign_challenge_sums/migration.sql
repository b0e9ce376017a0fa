-- CreateTable
CREATE TABLE "campaign_challenge_sums" (
    "campaign_id" INTEGER NOT NULL,
    "challenge_id" TEXT NOT NULL,
    "met_count" INTEGER NOT NULL,
    "success_count" INTEGER NOT NULL,

    CONSTRAINT "campaign_challenge_sums_pkey" PRIMARY KEY ("campaign_id","challenge_id")
);

-- AddForeignKey
ALTER TABLE "campaign_challenge_sums" ADD CONSTRAINT "campaign_challenge_sums_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill: the answers of every participation counted in results today.
INSERT INTO "campaign_challenge_sums" ("campaign_id", "challenge_id", "met_count", "success_count")
SELECT p."campaign_id", an."challenge_id", count(*), count(*) FILTER (WHERE an."result" = 'OK')
FROM "participations" p
JOIN "assessments" a ON a."participation_id" = p."id"
JOIN "answers" an ON an."assessment_id" = a."id"
WHERE p."is_latest_shared"
GROUP BY p."campaign_id", an."challenge_id";
