-- AlterTable: the GAR UAI attribute is multi-valued, every value is kept (pending first arrivals keep theirs)
ALTER TABLE "pending_saml_identities" ADD COLUMN     "uais" TEXT[] DEFAULT ARRAY[]::TEXT[];
UPDATE "pending_saml_identities" SET "uais" = ARRAY["uai"] WHERE "uai" IS NOT NULL;
ALTER TABLE "pending_saml_identities" DROP COLUMN "uai";
