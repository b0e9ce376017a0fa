import { db } from "../client";
import type { Prisma } from "../generated/client";
import { accountSeenBy, connectionSeenBy, type ConnectionMethods, type PupilAccount } from "../../domain/roster/account-ownership";
import { pupilAccountSelect, toPupilAccount } from "./pupil-account-read";

export const LEARNERS_PER_PAGE = 50;

export type LearnerListFilter = { establishmentId: number; division: string | null; search: string; page: number };

export type { ConnectionMethods } from "../../domain/roster/account-ownership";

export type LearnerListRow = {
  id: number;
  lastName: string;
  firstName: string;
  /** YYYY-MM-DD. */
  birthdate: string | null;
  division: string | null;
  /** Null: the pupil has not joined with an account yet. */
  connection: ConnectionMethods | null;
  /** What the ownership rules need to offer « Gérer le compte » (never the e-mail itself). */
  account: PupilAccount | null;
  participationsCount: number;
  sharedCount: number;
};

function listWhere(filter: LearnerListFilter): Prisma.LearnerWhereInput {
  const words = filter.search.trim().split(/\s+/).filter(Boolean).slice(0, 5);
  return {
    // Always the establishment's own pupils: this is the tenant scope of the whole tab.
    establishmentId: filter.establishmentId,
    isDisabled: false,
    ...(filter.division ? { division: filter.division } : {}),
    AND: words.map((word) => ({
      OR: [
        { lastName: { contains: word, mode: "insensitive" as const } },
        { preferredLastName: { contains: word, mode: "insensitive" as const } },
        { firstName: { contains: word, mode: "insensitive" as const } },
      ],
    })),
  };
}

/** The pupils tab: active pupils of the establishment, by class then name, with their accounts and participations. */
export async function listLearners(filter: LearnerListFilter): Promise<{ rows: LearnerListRow[]; total: number }> {
  const where = listWhere(filter);
  const [total, learners] = await Promise.all([
    db.learner.count({ where }),
    db.learner.findMany({
      where,
      orderBy: [{ division: "asc" }, { lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
      skip: (Math.max(1, filter.page) - 1) * LEARNERS_PER_PAGE,
      take: LEARNERS_PER_PAGE,
      select: {
        id: true, lastName: true, firstName: true, birthdate: true, division: true,
        user: { select: pupilAccountSelect },
      },
    }),
  ]);
  const ids = learners.map((learner) => learner.id);
  const counts = ids.length
    ? await db.participation.groupBy({ by: ["learnerId", "status"], where: { learnerId: { in: ids }, deletedAt: null, isImproved: false }, _count: { _all: true } })
    : [];
  return {
    total,
    rows: learners.map((learner) => {
      const mine = counts.filter((count) => count.learnerId === learner.id);
      const account = toPupilAccount(learner.user);
      return {
        id: learner.id,
        lastName: learner.lastName,
        firstName: learner.firstName,
        birthdate: learner.birthdate ? learner.birthdate.toISOString().slice(0, 10) : null,
        division: learner.division,
        // A login only where this school manages the account (docs/adr/0009).
        connection: account && connectionSeenBy(account, filter.establishmentId),
        account: account && accountSeenBy(account, filter.establishmentId),
        participationsCount: mine.reduce((sum, count) => sum + count._count._all, 0),
        sharedCount: mine.filter((count) => count.status === "SHARED").reduce((sum, count) => sum + count._count._all, 0),
      };
    }),
  };
}

/** The classes of the establishment's active pupils, for the filter. */
export async function listDivisions(establishmentId: number): Promise<string[]> {
  const rows = await db.learner.groupBy({ by: ["division"], where: { establishmentId, isDisabled: false, division: { not: null } }, orderBy: { division: "asc" } });
  return rows.map((row) => row.division!);
}

/** Figures behind "Tous vos élèves n'apparaissent pas ?", all from the establishment's own data. */
export type RosterHelpFigures = {
  activeCount: number;
  /** Not in the last SIECLE import. */
  disabledCount: number;
  withoutDivisionCount: number;
  /** On the list, but never joined a campaign with an account. */
  withoutAccountCount: number;
  /** Joined a campaign whose results they have not sent yet: they are not in "Résultats". */
  notSharedCount: number;
};

export async function rosterHelpFigures(establishmentId: number): Promise<RosterHelpFigures> {
  const active = { establishmentId, isDisabled: false };
  const [activeCount, disabledCount, withoutDivisionCount, withoutAccountCount, notSharedCount] = await Promise.all([
    db.learner.count({ where: active }),
    db.learner.count({ where: { establishmentId, isDisabled: true } }),
    db.learner.count({ where: { ...active, division: null } }),
    db.learner.count({ where: { ...active, userId: null } }),
    db.learner.count({
      where: { ...active, participations: { some: { deletedAt: null, isImproved: false, status: { in: ["STARTED", "TO_SHARE"] }, campaign: { deletedAt: null } } } },
    }),
  ]);
  return { activeCount, disabledCount, withoutDivisionCount, withoutAccountCount, notSharedCount };
}
