import { db } from "../client";
import type { ManagedLearner } from "../repositories/managed-account-repository";
import { pupilAccountSelect, toPupilAccount } from "./pupil-account-read";

/** Names listed at most (a few classes); the count says how many more there are. */
export const MISSING_LEARNERS_SHOWN = 200;

export type CampaignMissingLearners = {
  /** Classes looked at: the one chosen in the filter, else those whose pupils have joined the campaign. */
  divisions: string[];
  /** Active roster pupils of those classes who have no participation in the campaign. */
  notJoined: { total: number; rows: ManagedLearner[] };
  /** Pupils of the campaign who started it and have not sent their results. */
  notShared: { total: number; rows: { learnerId: number; division: string | null; firstName: string; lastName: string }[] };
};

/**
 * « Tous vos élèves n'apparaissent pas ? » inside a campaign: by name, the pupils of the campaign's classes (or of the
 * chosen class) who have not joined it, and those who have not sent their results. The caller has checked that the
 * teacher may read the campaign; every pupil read here also belongs to the campaign's establishment.
 */
export async function campaignMissingLearners(campaign: { id: number; establishmentId: number }, division: string | null): Promise<CampaignMissingLearners> {
  const divisions = division
    ? [division]
    : (await db.$queryRawUnsafe<{ division: string }[]>(
        `SELECT DISTINCT l.division FROM participations p JOIN learners l ON l.id = p.learner_id
         WHERE p.campaign_id = $1 AND p.deleted_at IS NULL AND l.establishment_id = $2 AND l.division IS NOT NULL ORDER BY 1`,
        campaign.id, campaign.establishmentId,
      )).map((row) => row.division);
  const notJoinedWhere = {
    establishmentId: campaign.establishmentId,
    isDisabled: false,
    division: { in: divisions },
    participations: { none: { campaignId: campaign.id, deletedAt: null } },
  };
  const notSharedWhere = {
    campaignId: campaign.id,
    deletedAt: null,
    isImproved: false,
    status: { not: "SHARED" as const },
    learner: { establishmentId: campaign.establishmentId, isDisabled: false, ...(division ? { division } : {}) },
  };
  const [notJoinedTotal, notJoined, notSharedTotal, notShared] = await Promise.all([
    db.learner.count({ where: notJoinedWhere }),
    db.learner.findMany({
      where: notJoinedWhere,
      orderBy: [{ division: "asc" }, { lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
      take: MISSING_LEARNERS_SHOWN,
      select: {
        id: true, division: true, firstName: true, lastName: true, birthdate: true, isDisabled: true,
        user: { select: pupilAccountSelect },
      },
    }),
    db.participation.count({ where: notSharedWhere }),
    db.participation.findMany({
      where: notSharedWhere,
      orderBy: [{ learner: { division: "asc" } }, { learner: { lastName: "asc" } }, { learner: { firstName: "asc" } }, { id: "asc" }],
      take: MISSING_LEARNERS_SHOWN,
      select: { learner: { select: { id: true, division: true, firstName: true, lastName: true } } },
    }),
  ]);
  return {
    divisions,
    notJoined: {
      total: notJoinedTotal,
      rows: notJoined.map((row) => ({
        learnerId: row.id,
        division: row.division,
        firstName: row.firstName,
        lastName: row.lastName,
        birthdate: row.birthdate ? row.birthdate.toISOString().slice(0, 10) : "",
        isDisabled: row.isDisabled,
        // What the ownership rules need (docs/adr/0009), never the e-mail itself.
        account: toPupilAccount(row.user),
      })),
    },
    notShared: {
      total: notSharedTotal,
      rows: notShared.flatMap(({ learner }) => (learner ? [{ learnerId: learner.id, division: learner.division, firstName: learner.firstName, lastName: learner.lastName }] : [])),
    },
  };
}
