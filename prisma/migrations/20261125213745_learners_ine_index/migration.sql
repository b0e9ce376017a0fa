-- CreateIndex
CREATE INDEX "learners_national_student_id_idx" ON "learners"("national_student_id");
