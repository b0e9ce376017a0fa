-- CreateEnum
CREATE TYPE "ProblemReportCategory" AS ENUM ('CONSIGNE', 'REPONSE', 'MEDIA', 'AUTRE');

-- CreateTable
CREATE TABLE "problem_reports" (
    "id" SERIAL NOT NULL,
    "assessment_id" INTEGER NOT NULL,
    "challenge_id" TEXT NOT NULL,
    "category" "ProblemReportCategory" NOT NULL,
    "comment" VARCHAR(500),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "problem_reports_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "problem_reports_challenge_id_idx" ON "problem_reports"("challenge_id");

-- CreateIndex
CREATE INDEX "problem_reports_assessment_id_idx" ON "problem_reports"("assessment_id");

-- AddForeignKey
ALTER TABLE "problem_reports" ADD CONSTRAINT "problem_reports_assessment_id_fkey" FOREIGN KEY ("assessment_id") REFERENCES "assessments"("id") ON DELETE CASCADE ON UPDATE CASCADE;
