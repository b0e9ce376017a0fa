import { db } from "../client";
import type { Prisma } from "../generated/client";
import type { AuditEntry } from "../../domain/audit/audit-entry";
import { ANONYMISED_NAMES, type DeletableAccount } from "../../domain/privacy/account-deletion";
import type { StoredPersonalData } from "../../domain/privacy/personal-data";
import { writeAudit } from "./audit-log-repository";
import { bumpSessionVersion } from "./session-repository";

type Tx = Prisma.TransactionClient;
const isoDate = (date: Date | null): string | null => (date ? date.toISOString().slice(0, 10) : null);

async function readPersonalData(tx: Tx, userId: number): Promise<StoredPersonalData | null> {
  const user = await tx.user.findFirst({
    where: { id: userId, anonymisedAt: null },
    select: {
      id: true, email: true, username: true, samlId: true, firstName: true, lastName: true, birthdate: true, createdAt: true, lastLoggedAt: true,
      termsAcceptedAt: true, shouldChangePassword: true, passwordHash: true, managedBy: { select: { name: true } },
    },
  });
  if (!user) return null;
  const [learners, participations, assessments, knowledgeElements, history] = await Promise.all([
    tx.learner.findMany({ where: { userId }, orderBy: { id: "asc" }, include: { establishment: { select: { name: true } } } }),
    tx.participation.findMany({ where: { userId }, orderBy: { id: "asc" }, include: { campaign: { select: { name: true, title: true, establishment: { select: { name: true } } } } } }),
    tx.assessment.findMany({
      where: { userId }, orderBy: { id: "asc" },
      select: { id: true, participationId: true, state: true, createdAt: true, answers: { orderBy: { id: "asc" }, select: { challengeId: true, value: true, result: true, timeSpent: true, createdAt: true } },
        problemReports: { orderBy: { id: "asc" }, select: { challengeId: true, category: true, comment: true, createdAt: true } } },
    }),
    tx.knowledgeElement.findMany({ where: { userId }, orderBy: { id: "asc" }, select: { skillId: true, competenceId: true, status: true, source: true, earnedPix: true, createdAt: true } }),
    tx.auditLog.findMany({ where: { targetUserId: userId }, orderBy: { id: "asc" }, select: { action: true, occurredAt: true, establishmentId: true, actorUserId: true } }),
  ]);
  const establishmentIds = [...new Set(history.map((h) => h.establishmentId).filter((id): id is number => id !== null))];
  const names = new Map((await tx.establishment.findMany({ where: { id: { in: establishmentIds } }, select: { id: true, name: true } })).map((e) => [e.id, e.name]));
  const { passwordHash, managedBy, birthdate, ...account } = user;
  return {
    account: { ...account, birthdate: isoDate(birthdate), hasPassword: passwordHash !== null, managedBy: managedBy?.name ?? null },
    learners: learners.map(({ establishment, birthdate: born, ...learner }) => ({ ...learner, establishment: establishment.name, birthdate: isoDate(born) })),
    participations: participations.map((p) => ({
      // As the pupil saw it: the title (a campaign's name is the school's own label for it, never shown to pupils).
      id: p.id, campaign: p.campaign.title ?? p.campaign.name, establishment: p.campaign.establishment.name, status: p.status, createdAt: p.createdAt, sharedAt: p.sharedAt,
      participantExternalId: p.participantExternalId, masteryRate: p.masteryRate, pixScore: p.pixScore, stageReached: p.stageReached, validatedSkillsCount: p.validatedSkillsCount,
    })),
    assessments,
    knowledgeElements,
    history: history.map((h) => ({ action: h.action, occurredAt: h.occurredAt, establishment: h.establishmentId ? (names.get(h.establishmentId) ?? null) : null, isOwnAction: h.actorUserId === userId })),
  };
}

/**
 * Everything stored about the account, read in one repeatable-read snapshot, and the audit line of the export in the
 * same transaction (no export leaves without its line). Null for an unknown or deleted account.
 */
export async function exportPersonalData(userId: number, audit: AuditEntry, now: Date): Promise<StoredPersonalData | null> {
  return db.$transaction(async (tx) => {
    const data = await readPersonalData(tx, userId);
    if (data) await writeAudit(tx, [audit], now);
    return data;
  }, { isolationLevel: "RepeatableRead", timeout: 30_000 });
}

export async function findDeletableAccount(userId: number): Promise<(DeletableAccount & { passwordHash: string | null }) | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { passwordHash: true, isPlatformAccount: true, anonymisedAt: true, _count: { select: { memberships: { where: { disabledAt: null } } } } },
  });
  return user && {
    passwordHash: user.passwordHash,
    hasPassword: user.passwordHash !== null,
    isOrgaMember: user._count.memberships > 0,
    isPlatformAccount: user.isPlatformAccount,
    isAnonymised: user.anonymisedAt !== null,
  };
}

/**
 * Anonymises the account in one transaction (with its audit line): logins, password, GAR id, names, birthdate and
 * every token go; the roster entries of every school are detached; the external ids the pupil typed in
 * participations and the comments of their problem reports are erased. Participations, answers and knowledge elements keep pointing at the row, which no
 * longer identifies anyone, so that schools' counts and averages do not change. Refused (false) for an account that
 * is (still) a Pix Orga member or was deleted meanwhile.
 */
export async function anonymiseAccount(userId: number, audit: (counts: { learnersUnlinked: number; participations: number }) => AuditEntry, now: Date): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const [user] = await tx.$queryRawUnsafe<{ saml_id: string | null }[]>(
      `SELECT saml_id FROM users u WHERE id = $1 AND anonymised_at IS NULL AND NOT is_platform_account
         AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = u.id AND m.disabled_at IS NULL) FOR UPDATE`,
      userId,
    );
    if (!user) return false;
    await tx.user.update({
      where: { id: userId },
      data: {
        email: null, username: null, passwordHash: null, samlId: null, ...ANONYMISED_NAMES, birthdate: null, shouldChangePassword: false,
        termsAcceptedAt: null, currentEstablishmentId: null, lastLoggedAt: null,
        managedByEstablishmentId: null, anonymisedAt: now,
      },
    });
    // Every session of the account ends with it (a token kept on another computer no longer opens anything).
    await bumpSessionVersion(userId, tx);
    await tx.passwordResetToken.deleteMany({ where: { userId } });
    await tx.signInToken.deleteMany({ where: { userId } });
    if (user.saml_id) await tx.pendingSamlIdentity.deleteMany({ where: { samlId: user.saml_id } });
    const { count: learnersUnlinked } = await tx.learner.updateMany({ where: { userId }, data: { userId: null, updatedAt: now } });
    const { count: participations } = await tx.participation.updateMany({ where: { userId }, data: { participantExternalId: null } });
    // What the pupil wrote in « Signaler un problème » may name them: the comments go, the categories stay for the authors.
    await tx.problemReport.updateMany({ where: { assessment: { userId }, comment: { not: null } }, data: { comment: null } });
    await writeAudit(tx, [audit({ learnersUnlinked, participations })], now);
    return true;
  });
}
