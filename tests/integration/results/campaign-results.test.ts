import { describe, expect, it } from "vitest";
import { activityStats, dailyActivity, resultsList } from "@/lib/db/queries/campaign-results";
import { PARTICIPANTS_PER_PAGE, campaignParticipants } from "@/lib/db/queries/campaign-activity";
import { campaignAnalysis } from "@/lib/use-cases/campaigns/campaign-analysis";
import { deleteParticipation } from "@/lib/use-cases/campaigns/delete-participation";
import { shareResults } from "@/lib/use-cases/participations/participation-results";
import { retryParticipation } from "@/lib/use-cases/participations/retry-participation";
import { createUser } from "../../support/factories";
import { campaignWithTeacher, takeTest } from "./results-builders";

const setUp = () => campaignWithTeacher();

/** A pupil who masters the skills up to `level` and misses the others. */
async function pupilAnswers(campaignId: number, code: string, userId: number, level: number, share = true) {
  await takeTest(campaignId, code, userId, level);
  if (share) await shareResults({ userId, campaignId });
}

describe("campaign results read models", () => {
  it("counts statuses, lists one row per pupil (their latest shared results), filters, and ranks subjects", async () => {
    const { teacher, campaignId, code } = await setUp();
    const strong = await createUser({ firstName: "Ada", lastName: "Lovelace" });
    const weak = await createUser({ firstName: "Garance", lastName: "Santa" });
    const pending = await createUser({ firstName: "Louis", lastName: "Pouzin" });
    await pupilAnswers(campaignId, code, strong.id, 5);
    await pupilAnswers(campaignId, code, weak.id, 1);
    await pupilAnswers(campaignId, code, pending.id, 2, false);

    const stats = await activityStats(campaignId);
    expect(stats).toMatchObject({ total: 3, shared: 2, toShare: 1, started: 0, sharedPupils: 2 });
    expect(stats.averageMasteryRate).toBeGreaterThan(0);
    expect((await dailyActivity(campaignId)).at(-1)).toMatchObject({ started: 3, shared: 2 });

    const all = await resultsList(campaignId, { search: "", stage: null, division: null, sort: "resultat", page: 1 });
    expect(all.rows.map((r) => r.lastName)).toEqual(["Lovelace", "Santa"]);
    expect(all.rows[0].masteryRate).toBeGreaterThan(all.rows[1].masteryRate);
    expect((await resultsList(campaignId, { search: "gar", stage: null, division: null, sort: "nom", page: 1 })).rows.map((r) => r.lastName)).toEqual(["Santa"]);
    const weakStage = all.rows[1].stageReached;
    expect((await resultsList(campaignId, { search: "", stage: weakStage, division: null, sort: "nom", page: 1 })).rows.map((r) => r.lastName)).toContain("Santa");

    const analysis = await campaignAnalysis(campaignId);
    expect(analysis.participants).toBe(2);
    expect(analysis.tubes).toHaveLength(6);
    const scores = analysis.tubes.map((t) => t.score!);
    expect([...scores].sort((a, b) => a - b)).toEqual(scores);
    expect(analysis.tubes.every((t) => t.relevance !== null)).toBe(true);
    expect(analysis.competences).toHaveLength(1);

    // A retry that is not yet sent keeps the previous shared results; the pupil still counts once.
    await retryParticipation({ userId: weak.id, campaignId });
    const afterRetry = await resultsList(campaignId, { search: "", stage: null, division: null, sort: "nom", page: 1 });
    expect(afterRetry.rows.map((r) => r.lastName)).toEqual(["Lovelace", "Santa"]);
    // Activité: the retry is "En cours", while the results Santa already sent still count (card and average).
    expect(await activityStats(campaignId)).toMatchObject({ shared: 1, started: 1, toShare: 1, sharedPupils: 2 });

    // A deleted participation no longer counts anywhere.
    await deleteParticipation({ actorUserId: teacher.id, participationId: all.rows[0].participationId, address: "203.0.113.9" });
    expect((await resultsList(campaignId, { search: "", stage: null, division: null, sort: "nom", page: 1 })).rows.map((r) => r.lastName)).toEqual(["Santa"]);
    expect((await campaignAnalysis(campaignId)).participants).toBe(1);
  });
});

describe("Activité participants table", () => {
  it("pages 50 participants at a time, sorted by name, with the total, and filters by status and name", async () => {
    const { campaignId } = await setUp();
    const { db } = await import("@/lib/db/client");
    const users = await Promise.all(Array.from({ length: 55 }, (_, i) => createUser({ firstName: `Prénom${i}`, lastName: `Nom${String(54 - i).padStart(2, "0")}` })));
    await db.participation.createMany({
      data: users.map((u, i) => ({ campaignId, userId: u.id, status: i % 5 === 0 ? ("TO_SHARE" as const) : ("STARTED" as const) })),
    });
    const first = await campaignParticipants(campaignId, {});
    expect(first.total).toBe(55);
    expect(first.rows).toHaveLength(PARTICIPANTS_PER_PAGE);
    expect(first.rows[0].lastName).toBe("Nom00");
    const second = await campaignParticipants(campaignId, { page: 2 });
    expect(second.rows.map((r) => r.lastName)).toEqual(["Nom50", "Nom51", "Nom52", "Nom53", "Nom54"]);
    expect((await campaignParticipants(campaignId, { status: "TO_SHARE" })).total).toBe(11);
    expect((await campaignParticipants(campaignId, { search: "nom07" })).rows.map((r) => r.firstName)).toEqual(["Prénom47"]);
  });
});
