-- AlterTable
ALTER TABLE "participations" ADD COLUMN     "pix_by_competence" JSONB;
-- Profiles shared before this column existed keep it NULL: the export computes them from their snapshot, as before.
