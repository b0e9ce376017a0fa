-- CreateEnum
CREATE TYPE "EstablishmentKind" AS ENUM ('COLLEGE', 'LYCEE', 'LYCEE_PRO', 'SUPERIEUR', 'AUTRE');

-- AlterTable
ALTER TABLE "establishments" ADD COLUMN     "kind" "EstablishmentKind" NOT NULL DEFAULT 'COLLEGE';

-- AlterTable
ALTER TABLE "target_profiles" ADD COLUMN     "establishment_kinds" "EstablishmentKind"[] DEFAULT ARRAY[]::"EstablishmentKind"[];

-- Establishments created before kinds existed: the kind is read from the type and the name, by the rules of
-- guessEstablishmentKind (lib/domain/establishments/establishment-kind.ts). Operators correct it with orga:niveau.
UPDATE "establishments" SET "kind" = (CASE
  WHEN "type" = 'SUP' THEN 'SUPERIEUR'
  WHEN "type" <> 'SCO' THEN 'AUTRE'
  WHEN lower(translate("name", 'ÉÈÊËÀÂÎÏÔÖÛÜÇéèêëàâîïôöûüç', 'EEEEAAIIOOUUCeeeeaaiioouuc')) ~ '\mlycee (professionnel|pro\M|des metiers)|\mlp\M' THEN 'LYCEE_PRO'
  WHEN lower(translate("name", 'ÉÈÊËÀÂÎÏÔÖÛÜÇéèêëàâîïôöûüç', 'EEEEAAIIOOUUCeeeeaaiioouuc')) ~ '\mlycee\M' THEN 'LYCEE'
  ELSE 'COLLEGE'
END)::"EstablishmentKind";
