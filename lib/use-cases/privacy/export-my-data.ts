import "server-only";
import { exportPersonalData } from "../../db/repositories/account-privacy-repository";
import { auditEntry } from "../../domain/audit/audit-entry";
import { personalDataFile, type PersonalDataFile } from "../../domain/privacy/personal-data";
import { NotFoundError } from "../../domain/shared/errors";

/** « Télécharger mes données »: the signed-in pupil's own data, never anyone else's (the id comes from the session). */
export async function exportMyData(input: { userId: number; address: string; now?: Date }): Promise<PersonalDataFile> {
  const now = input.now ?? new Date();
  const audit = auditEntry({ action: "ACCOUNT_DATA_EXPORTED", actorUserId: input.userId, establishmentId: null, targetUserId: input.userId, clientAddress: input.address });
  const data = await exportPersonalData(input.userId, audit, now);
  if (!data) throw new NotFoundError();
  return personalDataFile(data, now);
}
