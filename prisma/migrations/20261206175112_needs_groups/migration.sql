-- CreateTable
CREATE TABLE "needs_groupings" (
    "campaign_id" INTEGER NOT NULL,
    "group_count" INTEGER,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "needs_groupings_pkey" PRIMARY KEY ("campaign_id")
);

-- CreateTable
CREATE TABLE "needs_group_moves" (
    "participation_id" INTEGER NOT NULL,
    "campaign_id" INTEGER NOT NULL,
    "group_number" INTEGER NOT NULL,
    "moved_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "needs_group_moves_pkey" PRIMARY KEY ("participation_id")
);

-- CreateIndex
CREATE INDEX "needs_group_moves_campaign_id_idx" ON "needs_group_moves"("campaign_id");

-- AddForeignKey
ALTER TABLE "needs_groupings" ADD CONSTRAINT "needs_groupings_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "needs_group_moves" ADD CONSTRAINT "needs_group_moves_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "needs_group_moves" ADD CONSTRAINT "needs_group_moves_participation_id_fkey" FOREIGN KEY ("participation_id") REFERENCES "participations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The pages offer 2..6 groups: anything else is a handcrafted request.
ALTER TABLE "needs_groupings" ADD CONSTRAINT "needs_groupings_group_count_check" CHECK ("group_count" BETWEEN 2 AND 6);
ALTER TABLE "needs_group_moves" ADD CONSTRAINT "needs_group_moves_group_number_check" CHECK ("group_number" BETWEEN 1 AND 6);
