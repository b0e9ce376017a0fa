import { db } from "../client";
import type { AuditEntry } from "../../domain/audit/audit-entry";
import { writeAudit } from "./audit-log-repository";

export type BlockedLearner = { id: number; firstName: string; lastName: string; preferredLastName: string | null };

/** The roster entry, only within this establishment (null otherwise). */
export async function findLearnerOfEstablishment(establishmentId: number, learnerId: number): Promise<BlockedLearner | null> {
  return db.learner.findFirst({ where: { id: learnerId, establishmentId }, select: { id: true, firstName: true, lastName: true, preferredLastName: true } });
}

/** Deletes the counter rows and writes the audit line in one transaction; returns how many rows there were. */
export async function clearIdentityBlock(rowKeys: readonly string[], audit: AuditEntry, now: Date): Promise<number> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.rateLimit.deleteMany({ where: { key: { in: [...rowKeys] } } });
    await writeAudit(tx, [{ ...audit, details: { ...audit.details, countersCleared: count } }], now);
    return count;
  });
}
