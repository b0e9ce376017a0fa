import { db } from "../client";
import { Prisma } from "../generated/client";
import { auditEntry } from "../../domain/audit/audit-entry";
import { writeAudit } from "./audit-log-repository";

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

// ───────────── Replay protection ─────────────

/**
 * Remembers a signed assertion id until it can no longer be accepted; false when it was already seen (a replay).
 * The primary key decides, so two simultaneous posts of the same assertion cannot both pass.
 */
export async function recordAssertionOnce(assertionId: string, acceptableUntil: Date, now: Date): Promise<boolean> {
  await db.samlAssertion.deleteMany({ where: { expiresAt: { lt: now } } });
  try {
    await db.samlAssertion.create({ data: { id: assertionId, expiresAt: acceptableUntil } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

// ───────────── Accounts and establishments ─────────────

export async function findUserIdBySamlId(samlId: string): Promise<number | null> {
  const user = await db.user.findUnique({ where: { samlId }, select: { id: true } });
  return user?.id ?? null;
}

/** The (non-archived) establishments behind the UAIs sent by the GAR: those registered with us, in id order. */
export async function findEstablishmentIdsByUais(uais: readonly string[]): Promise<number[]> {
  if (!uais.length) return [];
  const establishments = await db.establishment.findMany({ where: { uai: { in: [...uais] }, archivedAt: null }, select: { id: true }, orderBy: { id: "asc" } });
  return establishments.map((establishment) => establishment.id);
}

// ───────────── First arrival: the GAR identity waiting for the birthdate ─────────────

export type PendingGarIdentity = { samlId: string; firstName: string; lastName: string; uais: string[]; expiresAt: Date };

export async function createPendingSamlIdentity(input: PendingGarIdentity & { tokenHash: string; now: Date }): Promise<void> {
  await db.pendingSamlIdentity.deleteMany({ where: { expiresAt: { lt: input.now } } });
  await db.pendingSamlIdentity.create({
    data: { tokenHash: input.tokenHash, samlId: input.samlId, firstName: input.firstName, lastName: input.lastName, uais: input.uais, expiresAt: input.expiresAt },
  });
}

export async function findPendingSamlIdentity(tokenHash: string, now: Date): Promise<PendingGarIdentity | null> {
  return db.pendingSamlIdentity.findFirst({
    where: { tokenHash, expiresAt: { gt: now } },
    select: { samlId: true, firstName: true, lastName: true, uais: true, expiresAt: true },
  });
}

export async function deletePendingSamlIdentity(tokenHash: string): Promise<void> {
  await db.pendingSamlIdentity.deleteMany({ where: { tokenHash } });
}

class Rollback extends Error {
  constructor(readonly outcome: "PENDING_GONE" | "LEARNER_TAKEN") {
    super(outcome);
  }
}

/**
 * In one transaction: uses up the pending identity, creates the pupil's account (GAR id, names and birthdate
 * from the roster, no password, managed by the learner's establishment) and links the learner if still free,
 * active and in one of the GAR's schools, with its audit line. Nothing is left half done.
 */
export async function createGarAccountForLearner(input: { pendingTokenHash: string; samlId: string; learnerId: number; establishmentIds: readonly number[]; clientAddress: string | null; now: Date }): Promise<
  { userId: number } | "PENDING_GONE" | "LEARNER_TAKEN" | "SAML_ID_TAKEN"
> {
  try {
    return await db.$transaction(async (tx) => {
      const { count: pendingCount } = await tx.pendingSamlIdentity.deleteMany({ where: { tokenHash: input.pendingTokenHash, expiresAt: { gt: input.now } } });
      if (pendingCount !== 1) throw new Rollback("PENDING_GONE");
      const learner = await tx.learner.findFirst({
        where: { id: input.learnerId, establishmentId: { in: [...input.establishmentIds] }, userId: null, isDisabled: false },
        select: { firstName: true, lastName: true, birthdate: true, establishmentId: true },
      });
      if (!learner) throw new Rollback("LEARNER_TAKEN");
      const user = await tx.user.create({
        data: {
          samlId: input.samlId, firstName: learner.firstName, lastName: learner.lastName, birthdate: learner.birthdate, lastLoggedAt: input.now,
          managedByEstablishmentId: learner.establishmentId,
        },
        select: { id: true },
      });
      const { count } = await tx.learner.updateMany({ where: { id: input.learnerId, userId: null, isDisabled: false }, data: { userId: user.id, updatedAt: input.now } });
      if (count !== 1) throw new Rollback("LEARNER_TAKEN");
      await writeAudit(tx, [auditEntry({
        action: "LEARNER_LINKED", actorUserId: user.id, establishmentId: learner.establishmentId, targetUserId: user.id,
        targetLearnerId: input.learnerId, clientAddress: input.clientAddress, details: { via: "gar", isManaged: true },
      })], input.now);
      return { userId: user.id };
    });
  } catch (error) {
    if (error instanceof Rollback) return error.outcome;
    if (isUniqueViolation(error)) return "SAML_ID_TAKEN";
    throw error;
  }
}
