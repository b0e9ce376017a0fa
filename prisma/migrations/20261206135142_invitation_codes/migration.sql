-- CreateTable
CREATE TABLE "invitation_codes" (
    "id" SERIAL NOT NULL,
    "invitation_id" INTEGER NOT NULL,
    "code_hash" TEXT NOT NULL,
    "sent_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "invitation_codes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "invitation_codes_code_hash_key" ON "invitation_codes"("code_hash");

-- CreateIndex
CREATE INDEX "invitation_codes_invitation_id_sent_at_idx" ON "invitation_codes"("invitation_id", "sent_at");

-- AddForeignKey
ALTER TABLE "invitation_codes" ADD CONSTRAINT "invitation_codes_invitation_id_fkey" FOREIGN KEY ("invitation_id") REFERENCES "invitations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: the code of the last mail of each invitation keeps working (reordered before the column is dropped).
INSERT INTO "invitation_codes" ("invitation_id", "code_hash", "sent_at")
SELECT "id", "code_hash", "sent_at" FROM "invitations";

-- AlterTable
ALTER TABLE "invitations" DROP COLUMN "code_hash";
