-- CreateEnum
CREATE TYPE "AssessmentMethod" AS ENUM ('SMART_RANDOM', 'PRECISION');

-- AlterEnum
ALTER TYPE "KnowledgeElementSource" ADD VALUE 'MODEL';

-- AlterTable: campaigns that already exist keep the engine their pupils started with, new ones get the
-- precision engine (docs/adr/0011-mastery-posterior.md).
ALTER TABLE "campaigns" ADD COLUMN     "assessment_method" "AssessmentMethod" NOT NULL DEFAULT 'SMART_RANDOM',
ADD COLUMN     "precision_target" INTEGER NOT NULL DEFAULT 8;
ALTER TABLE "campaigns" ALTER COLUMN "assessment_method" SET DEFAULT 'PRECISION';
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_precision_target_range" CHECK ("precision_target" BETWEEN 2 AND 30);

-- AlterTable
ALTER TABLE "participations" ADD COLUMN     "mastery_mean" DOUBLE PRECISION,
ADD COLUMN     "mastery_standard_error" DOUBLE PRECISION;
