import { db } from "../client";
import { Prisma } from "../generated/client";
import { auditEntry } from "../../domain/audit/audit-entry";
import { writeAudit } from "./audit-log-repository";
import { rebuildResultsReadModelsIn } from "./results-read-models";
import { bumpSessionVersion } from "./session-repository";

type Tx = Prisma.TransactionClient;
const dateOf = (isoBirthdate: string): Date => new Date(`${isoBirthdate}T00:00:00Z`);

/** A uniqueness clash, as Prisma or the pg driver adapter reports it. */
function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  const cause = (error.meta?.driverAdapterError as { cause?: { originalCode?: string } } | undefined)?.cause;
  return error.code === "P2002" || cause?.originalCode === "23505";
}

class Rollback extends Error {
  constructor(readonly outcome: string) {
    super(outcome);
  }
}

/**
 * An account managed by a school that the pupil has left (no active pupil there any more, or the school is archived)
 * follows the pupil to the school they just linked it to themselves. Never an account with an e-mail (personal), and
 * never while the managing school still has the pupil on its list (docs/adr/0009).
 */
async function transferManagement(tx: Tx, userId: number, establishmentId: number): Promise<boolean> {
  const moved = await tx.$executeRawUnsafe(
    `UPDATE users u SET managed_by_establishment_id = $2
     WHERE u.id = $1 AND u.email IS NULL AND u.managed_by_establishment_id IS NOT NULL AND u.managed_by_establishment_id <> $2
       AND NOT EXISTS (
         SELECT 1 FROM learners l JOIN establishments e ON e.id = l.establishment_id
         WHERE l.user_id = u.id AND l.establishment_id = u.managed_by_establishment_id AND NOT l.is_disabled AND e.archived_at IS NULL)`,
    userId,
    establishmentId,
  );
  return moved === 1;
}

export type LinkOutcome = "LINKED" | "LEARNER_TAKEN" | "ACCOUNT_TAKEN";

/**
 * The pupil links their own account to a free, active pupil of the establishment (restricted campaign). The unique
 * index (establishment, user) refuses a second pupil for the same account. Audit line in the same transaction.
 */
export async function linkLearnerToUser(input: { learnerId: number; establishmentId: number; userId: number; clientAddress: string; now: Date }): Promise<LinkOutcome> {
  try {
    return await db.$transaction(async (tx) => {
      const { count } = await tx.learner.updateMany({
        where: { id: input.learnerId, establishmentId: input.establishmentId, userId: null, isDisabled: false },
        data: { userId: input.userId, updatedAt: input.now },
      });
      if (count !== 1) throw new Rollback("LEARNER_TAKEN");
      const managementTransferred = await transferManagement(tx, input.userId, input.establishmentId);
      await writeAudit(tx, [auditEntry({
        action: "LEARNER_LINKED", actorUserId: input.userId, establishmentId: input.establishmentId, targetUserId: input.userId,
        targetLearnerId: input.learnerId, clientAddress: input.clientAddress, details: { via: "reconciliation", managementTransferred },
      })], input.now);
      return "LINKED" as const;
    });
  } catch (error) {
    if (error instanceof Rollback) return "LEARNER_TAKEN";
    if (isUniqueViolation(error)) return "ACCOUNT_TAKEN";
    throw error;
  }
}

export class LoginTakenError extends Error {}

/**
 * Creates the pupil's account and links it in one transaction: no account is left behind when the link fails.
 * `managedByEstablishmentId` is the school when the account has no e-mail (a username given through its roster).
 */
export async function createAccountForLearner(input: {
  learnerId: number;
  establishmentId: number;
  firstName: string;
  lastName: string;
  birthdate: string;
  email: string | null;
  username: string | null;
  passwordHash: string;
  managedByEstablishmentId: number | null;
  clientAddress: string;
  now: Date;
}): Promise<{ userId: number } | "LEARNER_TAKEN"> {
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          firstName: input.firstName, lastName: input.lastName, email: input.email, username: input.username, birthdate: dateOf(input.birthdate),
          passwordHash: input.passwordHash, termsAcceptedAt: input.now, managedByEstablishmentId: input.managedByEstablishmentId,
        },
        select: { id: true },
      });
      const { count } = await tx.learner.updateMany({
        where: { id: input.learnerId, establishmentId: input.establishmentId, userId: null, isDisabled: false },
        data: { userId: user.id, updatedAt: input.now },
      });
      if (count !== 1) throw new Rollback("LEARNER_TAKEN");
      await writeAudit(tx, [auditEntry({
        action: "LEARNER_LINKED", actorUserId: user.id, establishmentId: input.establishmentId, targetUserId: user.id,
        targetLearnerId: input.learnerId, clientAddress: input.clientAddress, details: { via: "sign-up", isManaged: input.managedByEstablishmentId !== null },
      })], input.now);
      return { userId: user.id };
    });
  } catch (error) {
    if (error instanceof Rollback) return "LEARNER_TAKEN";
    if (isUniqueViolation(error)) throw new LoginTakenError();
    throw error;
  }
}

type TeacherAct = { learnerId: number; establishmentId: number; actorUserId: number; clientAddress: string; now: Date };

/** « Dissocier »: the pupil of the roster is no longer linked to any account (the pupil can identify again). */
export async function removeLearnerLink(input: TeacherAct): Promise<"UNLINKED" | "NOT_LINKED" | "NOT_FOUND"> {
  return db.$transaction(async (tx) => {
    const [learner] = await tx.$queryRawUnsafe<{ user_id: number | null }[]>(
      `SELECT user_id FROM learners WHERE id = $1 AND establishment_id = $2 FOR UPDATE`, input.learnerId, input.establishmentId,
    );
    if (!learner) return "NOT_FOUND";
    if (learner.user_id === null) return "NOT_LINKED";
    await tx.learner.update({ where: { id: input.learnerId }, data: { userId: null, updatedAt: input.now } });
    // Whoever is signed in on that account leaves the school's pages now, not when their token expires.
    await bumpSessionVersion(learner.user_id, tx);
    await writeAudit(tx, [auditEntry({
      action: "LEARNER_UNLINKED", actorUserId: input.actorUserId, establishmentId: input.establishmentId, targetUserId: learner.user_id,
      targetLearnerId: input.learnerId, clientAddress: input.clientAddress,
    })], input.now);
    return "UNLINKED";
  });
}

/**
 * Deletes a pupil of the roster: their participations stay (the school's statistics, the account's own results) but
 * lose the roster name. Campaigns where this pupil's participations came from several accounts get their results
 * read models rebuilt, since each account becomes a pupil of its own there.
 */
export async function deleteLearnerRow(input: TeacherAct): Promise<{ participationsUnlinked: number } | null> {
  return db.$transaction(async (tx) => {
    // Like an import: deletions of one school run one after the other (two rebuilds of a campaign never deadlock).
    await tx.$queryRawUnsafe(`SELECT id FROM establishments WHERE id = $1 FOR UPDATE`, input.establishmentId);
    const [learner] = await tx.$queryRawUnsafe<{ user_id: number | null }[]>(
      `SELECT user_id FROM learners WHERE id = $1 AND establishment_id = $2 FOR UPDATE`, input.learnerId, input.establishmentId,
    );
    if (!learner) return null;
    const rows = await tx.$queryRawUnsafe<{ id: number; campaign_id: number; user_id: number | null; deleted_at: Date | null }[]>(
      `SELECT id, campaign_id, user_id, deleted_at FROM participations WHERE learner_id = $1 ORDER BY id FOR UPDATE`, input.learnerId,
    );
    const accountsPerCampaign = new Map<number, Set<number | null>>();
    for (const row of rows.filter((r) => r.deleted_at === null)) {
      const accounts = accountsPerCampaign.get(row.campaign_id) ?? new Set();
      accounts.add(row.user_id);
      accountsPerCampaign.set(row.campaign_id, accounts);
    }
    await tx.participation.updateMany({ where: { learnerId: input.learnerId }, data: { learnerId: null } });
    for (const [campaignId, accounts] of accountsPerCampaign) {
      if (accounts.size > 1 || accounts.has(null)) await rebuildResultsReadModelsIn(tx, campaignId);
    }
    await tx.learner.delete({ where: { id: input.learnerId } });
    await writeAudit(tx, [auditEntry({
      action: "LEARNER_DELETED", actorUserId: input.actorUserId, establishmentId: input.establishmentId, targetUserId: learner.user_id,
      targetLearnerId: input.learnerId, clientAddress: input.clientAddress, details: { participationsUnlinked: rows.length },
    })], input.now);
    return { participationsUnlinked: rows.length };
  });
}
