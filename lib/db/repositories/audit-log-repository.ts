import { db } from "../client";
import type { Prisma } from "../generated/client";
import type { AuditAction, AuditDetails, AuditEntry } from "../../domain/audit/audit-entry";

type Tx = Prisma.TransactionClient;

/**
 * Writes audit lines inside the caller's transaction: the line exists exactly when the change it records does
 * (a rolled-back change leaves no line, a line never describes a change that did not happen).
 */
export async function writeAudit(tx: Tx, entries: readonly AuditEntry[], at: Date): Promise<void> {
  if (entries.length === 0) return;
  await tx.auditLog.createMany({
    data: entries.map((entry) => ({
      occurredAt: at,
      actorUserId: entry.actorUserId,
      establishmentId: entry.establishmentId,
      action: entry.action,
      targetUserId: entry.targetUserId,
      targetLearnerId: entry.targetLearnerId,
      clientAddress: entry.clientAddress,
      details: entry.details,
    })),
  });
}

/** Lines older than `before` are deleted; returns how many. */
export async function purgeAuditLog(tx: Tx, before: Date): Promise<number> {
  const { count } = await tx.auditLog.deleteMany({ where: { occurredAt: { lt: before } } });
  return count;
}

export type AuditLine = Omit<AuditEntry, "details"> & { id: number; occurredAt: Date; details: AuditDetails };

/**
 * Every line matching the filter, oldest first. Unscoped (any establishment, any account): for tests and operators
 * only, never behind a page or an action.
 */
export async function unsafeReadAuditLog(filter: { action?: AuditAction; targetUserId?: number; establishmentId?: number } = {}): Promise<AuditLine[]> {
  const rows = await db.auditLog.findMany({ where: filter, orderBy: { id: "asc" } });
  return rows.map((row) => ({ ...row, id: Number(row.id), action: row.action as AuditAction, details: row.details as AuditDetails }));
}
