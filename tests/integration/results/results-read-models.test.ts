import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { rebuildResultsReadModels } from "@/lib/db/repositories/results-read-models";
import { deleteCampaign } from "@/lib/use-cases/campaigns/manage-campaign";
import { deleteParticipation } from "@/lib/use-cases/campaigns/delete-participation";
import { shareResults } from "@/lib/use-cases/participations/participation-results";
import { retryParticipation } from "@/lib/use-cases/participations/retry-participation";
import { createUser } from "../../support/factories";
import { campaignWithTeacher, takeTest } from "./results-builders";

const setUp = () => campaignWithTeacher("Sommes");

type Sums = Record<string, [number, number, number]>;

/** The definition, from scratch: each pupil's latest shared, not deleted participation, and its tube rows. */
async function expected(campaignId: number): Promise<{ counted: number[]; sums: Sums }> {
  const counted = await db.$queryRawUnsafe<{ id: number }[]>(
    `SELECT DISTINCT ON (COALESCE(learner_id, -user_id, -id)) id FROM participations
     WHERE campaign_id = $1 AND status = 'SHARED' AND deleted_at IS NULL
     ORDER BY COALESCE(learner_id, -user_id, -id), shared_at DESC, id DESC`,
    campaignId,
  );
  const ids = counted.map((r) => r.id).sort((a, b) => a - b);
  const rows = await db.$queryRawUnsafe<{ tube_id: string; r: number; v: number; n: number }[]>(
    `SELECT tube_id, SUM(highest_validated)::int AS r, SUM(validated_count)::int AS v,
            SUM(highest_validated * 840 / GREATEST(lowest_not_validated, 1))::int AS n
     FROM participation_tube_results WHERE participation_id = ANY($1::int[]) GROUP BY tube_id`,
    ids,
  );
  return { counted: ids, sums: nonZero(rows) };
}

async function stored(campaignId: number): Promise<{ counted: number[]; sums: Sums }> {
  const counted = await db.participation.findMany({ where: { campaignId, isLatestShared: true }, select: { id: true }, orderBy: { id: "asc" } });
  const rows = await db.$queryRawUnsafe<{ tube_id: string; r: number; v: number; n: number }[]>(
    `SELECT tube_id, highest_validated_sum::int AS r, validated_count_sum::int AS v, next_step_sum_x840::int AS n FROM campaign_tube_sums WHERE campaign_id = $1`,
    campaignId,
  );
  return { counted: counted.map((r) => r.id), sums: nonZero(rows) };
}

/** A tube whose pupils all left sums to zero: same as no row. */
function nonZero(rows: { tube_id: string; r: number; v: number; n: number }[]): Sums {
  return Object.fromEntries(rows.filter((x) => x.r !== 0 || x.v !== 0 || x.n !== 0).map((x) => [x.tube_id, [x.r, x.v, x.n]]));
}

describe("results read models (counted participations and Analyse sums)", () => {
  it("follow sharing, sending again, deletion and concurrent sharing exactly as the from-scratch definition", async () => {
    const { teacher, campaignId, code } = await setUp();
    const pupils = await Promise.all([1, 2, 3, 4].map((n) => createUser({ firstName: `Élève${n}`, lastName: "Somme" })));
    const check = async () => {
      const want = await expected(campaignId);
      expect(await stored(campaignId)).toEqual(want);
      return want;
    };

    // Two pupils send at the same moment: both counted once, sums of both.
    await takeTest(campaignId, code, pupils[0].id, 5);
    await takeTest(campaignId, code, pupils[1].id, 1);
    await Promise.all([shareResults({ userId: pupils[0].id, campaignId }), shareResults({ userId: pupils[1].id, campaignId })]);
    expect((await check()).counted).toHaveLength(2);
    expect(Object.keys((await check()).sums).length).toBeGreaterThan(0);

    // A double click on "J'envoie mes résultats" changes nothing more.
    await takeTest(campaignId, code, pupils[2].id, 3);
    await Promise.all([shareResults({ userId: pupils[2].id, campaignId }), shareResults({ userId: pupils[2].id, campaignId }).catch(() => undefined)]);
    expect((await check()).counted).toHaveLength(3);

    // Sending again: the new results replace the old ones (the retry in progress keeps the old ones counted).
    const before = await check();
    await retryParticipation({ userId: pupils[1].id, campaignId });
    expect(await check()).toEqual(before);
    await takeTest(campaignId, code, pupils[1].id, 4);
    await shareResults({ userId: pupils[1].id, campaignId });
    const afterResend = await check();
    expect(afterResend.counted).toHaveLength(3);
    expect(afterResend.sums).not.toEqual(before.sums);

    // Deleting a pupil takes their results out of every sum; a pupil who never sent changes nothing.
    await takeTest(campaignId, code, pupils[3].id, 2);
    const pupil0 = await db.participation.findFirstOrThrow({ where: { campaignId, userId: pupils[0].id } });
    await deleteParticipation({ actorUserId: teacher.id, participationId: pupil0.id, address: "203.0.113.9" });
    expect((await check()).counted).toHaveLength(2);
    const unsent = await db.participation.findFirstOrThrow({ where: { campaignId, userId: pupils[3].id } });
    await deleteParticipation({ actorUserId: teacher.id, participationId: unsent.id, address: "203.0.113.9" });
    expect((await check()).counted).toHaveLength(2);

    // Rebuilding from scratch finds what the incremental upkeep kept.
    const kept = await stored(campaignId);
    await db.$executeRawUnsafe(`UPDATE campaign_tube_sums SET validated_count_sum = validated_count_sum + 7 WHERE campaign_id = $1`, campaignId);
    await rebuildResultsReadModels(campaignId);
    expect(await stored(campaignId)).toEqual(kept);

    // Deleting the campaign leaves nothing counted.
    await deleteCampaign({ actorUserId: teacher.id, campaignId });
    expect(await stored(campaignId)).toEqual({ counted: [], sums: {} });
  });
});
