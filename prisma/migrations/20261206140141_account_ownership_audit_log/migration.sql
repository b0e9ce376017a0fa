-- DropIndex
DROP INDEX "learners_national_student_id_idx";

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "anonymised_at" TIMESTAMP(3),
ADD COLUMN     "managed_by_establishment_id" INTEGER;

-- AlterTable
ALTER TABLE "establishments" ADD COLUMN     "data_retention_months" INTEGER NOT NULL DEFAULT 36;

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "occurred_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_user_id" INTEGER,
    "establishment_id" INTEGER,
    "action" TEXT NOT NULL,
    "target_user_id" INTEGER,
    "target_learner_id" INTEGER,
    "client_address" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "audit_log_occurred_at_idx" ON "audit_log"("occurred_at");

-- CreateIndex
CREATE INDEX "audit_log_target_user_id_idx" ON "audit_log"("target_user_id");

-- CreateIndex
CREATE INDEX "audit_log_establishment_id_occurred_at_idx" ON "audit_log"("establishment_id", "occurred_at");

-- CreateIndex
CREATE INDEX "learners_user_id_idx" ON "learners"("user_id");

-- AddForeignKey
ALTER TABLE "users" ADD CONSTRAINT "users_managed_by_establishment_id_fkey" FOREIGN KEY ("managed_by_establishment_id") REFERENCES "establishments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A retention period between 1 month and 10 years (docs/adr/0009).
ALTER TABLE "establishments" ADD CONSTRAINT "establishments_data_retention_months_check" CHECK ("data_retention_months" BETWEEN 1 AND 120);

-- Backfill (docs/adr/0009): an existing account is managed by a school only when nothing else is possible — no
-- e-mail (a personal account), signs in with a username or through the GAR, is no Pix Orga member nor the platform
-- account, and is linked to learners of exactly one establishment. An account linked to several schools may have
-- been linked by the former cross-school re-link of imports: no school manages it (the pupil keeps using it).
UPDATE "users" AS u SET "managed_by_establishment_id" = only_one."establishment_id"
FROM (
  SELECT "user_id", MIN("establishment_id") AS "establishment_id"
  FROM "learners" WHERE "user_id" IS NOT NULL
  GROUP BY "user_id" HAVING COUNT(DISTINCT "establishment_id") = 1
) AS only_one
WHERE u."id" = only_one."user_id"
  AND u."email" IS NULL
  AND (u."username" IS NOT NULL OR u."saml_id" IS NOT NULL)
  AND u."is_platform_account" = false
  AND NOT EXISTS (SELECT 1 FROM "memberships" m WHERE m."user_id" = u."id");
