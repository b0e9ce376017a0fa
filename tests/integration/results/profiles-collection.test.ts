import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { collectionResultsList, collectionStats, competenceLevelCounts, profileDetail } from "@/lib/db/queries/profiles-collection-results";
import { rebuildResultsReadModels } from "@/lib/db/repositories/results-read-models";
import { campaignCreationSchema } from "@/lib/domain/campaigns/campaign-form";
import { createCampaign } from "@/lib/use-cases/campaigns/create-campaign";
import { deleteCampaign } from "@/lib/use-cases/campaigns/manage-campaign";
import { deleteParticipation } from "@/lib/use-cases/campaigns/delete-participation";
import { profilesCollectionAnalysis } from "@/lib/use-cases/campaigns/profiles-collection-analysis";
import { shareResults } from "@/lib/use-cases/participations/participation-results";
import { pixProfileView } from "@/lib/use-cases/participations/pix-profile-view";
import { startParticipation } from "@/lib/use-cases/participations/pupil-campaign";
import { addMember, createEstablishment, createUser } from "../../support/factories";

async function collectionCampaign() {
  const school = await createEstablishment({ isManagingStudents: false });
  const teacher = await createUser();
  await addMember(school.id, teacher.id, "ADMIN");
  const campaign = campaignCreationSchema.parse({ name: "Profils", type: "PROFILES_COLLECTION", askExternalId: "no", ownerId: String(teacher.id) });
  const { id, code } = await createCampaign({ actorUserId: teacher.id, establishmentId: school.id, campaign });
  return { teacher, campaignId: id, code };
}

/** The pupil validated every skill up to `level` in each given competence (as if they had passed parcours on them). */
async function giveProfile(userId: number, levels: Record<string, number>) {
  for (const [competenceId, level] of Object.entries(levels)) {
    const skills = await db.skill.findMany({ where: { competenceId, level: { lte: level }, retiredAt: null }, select: { id: true, pixValue: true } });
    await db.knowledgeElement.createMany({
      data: skills.map((s) => ({ userId, skillId: s.id, competenceId, status: "VALIDATED" as const, source: "DIRECT" as const, earnedPix: s.pixValue })),
    });
  }
}

async function sendProfile(campaignId: number, code: string, userId: number) {
  await startParticipation({ userId, code, externalId: null });
  await shareResults({ userId, campaignId, isProfilesCollection: true });
}

type Levels = Record<string, number[]>;

/** The definition, from scratch: each counted profile's pix per competence, bucketed by level (8 pix a level). */
async function expectedLevels(campaignId: number): Promise<Levels> {
  const profiles = await db.participation.findMany({ where: { campaignId, isLatestShared: true }, select: { pixByCompetence: true } });
  const levels: Levels = {};
  for (const profile of profiles) {
    for (const [competenceId, pix] of Object.entries((profile.pixByCompetence ?? {}) as Record<string, number>)) {
      const level = Math.floor(pix / 8);
      levels[`${competenceId}:${level}`] ??= [0, 0];
      levels[`${competenceId}:${level}`][0] += 1;
      levels[`${competenceId}:${level}`][1] += pix;
    }
  }
  return levels;
}

async function storedLevels(campaignId: number): Promise<Levels> {
  const { rows } = await competenceLevelCounts(campaignId);
  return Object.fromEntries(rows.filter((r) => r.participantsCount !== 0).map((r) => [`${r.competenceId}:${r.level}`, [r.participantsCount, r.pixSum]]));
}

describe("« Collecter les profils »: the tabs' read models", () => {
  it("keep pix, certifiability and levels per competence as sent, through deletion and rebuild", async () => {
    const { teacher, campaignId, code } = await collectionCampaign();
    const strong = await createUser({ firstName: "Ada", lastName: "Lovelace" });
    const weak = await createUser({ firstName: "Garance", lastName: "Santa" });
    const late = await createUser({ firstName: "Louis", lastName: "Pouzin" });
    await giveProfile(strong.id, { "comp-1-1": 3, "comp-1-2": 2, "comp-2-1": 1, "comp-3-1": 2, "comp-4-1": 4, "comp-5-1": 1 });
    await giveProfile(weak.id, { "comp-1-1": 1, "comp-4-1": 2 });
    const strongProfile = await pixProfileView(strong.id);
    const weakProfile = await pixProfileView(weak.id);
    expect(strongProfile.isCertifiable).toBe(true);
    expect(weakProfile.isCertifiable).toBe(false);

    // Two pupils send at the same moment; the third joins but does not send.
    await Promise.all([sendProfile(campaignId, code, strong.id), sendProfile(campaignId, code, weak.id)]);
    await startParticipation({ userId: late.id, code, externalId: null });
    expect(await storedLevels(campaignId)).toEqual(await expectedLevels(campaignId));

    expect(await collectionStats(campaignId)).toEqual({ receivedCount: 2, averagePix: (strongProfile.totalPix + weakProfile.totalPix) / 2, certifiableCount: 1 });
    const byPix = await collectionResultsList(campaignId, { search: "", division: null, certifiable: null, sort: "pix", page: 1 });
    expect(byPix.rows.map((r) => [r.lastName, r.pixScore, r.certifiableCompetencesCount])).toEqual([
      ["Lovelace", strongProfile.totalPix, 6],
      ["Santa", weakProfile.totalPix, 2],
    ]);
    expect((await collectionResultsList(campaignId, { search: "", division: null, certifiable: false, sort: "nom", page: 1 })).rows.map((r) => r.lastName)).toEqual(["Santa"]);
    expect((await collectionResultsList(campaignId, { search: "ada", division: null, certifiable: true, sort: "nom", page: 1 })).rows.map((r) => r.lastName)).toEqual(["Lovelace"]);

    // Analyse: 16 competences; in 4.1 one pupil is level 4, the other level 2; nobody has any pix in 2.2.
    const analysis = await profilesCollectionAnalysis(campaignId);
    expect(analysis.receivedCount).toBe(2);
    expect(analysis.competences).toHaveLength(16);
    const levelOf = (profile: typeof strongProfile, id: string) => profile.areas.flatMap((a) => a.competences).find((c) => c.id === id)!.level;
    const security = analysis.competences.find((c) => c.id === "comp-4-1")!;
    const expectedSecurity = [0, 0, 0, 0, 0, 0];
    expectedSecurity[levelOf(strongProfile, "comp-4-1")] += 1;
    expectedSecurity[levelOf(weakProfile, "comp-4-1")] += 1;
    expect(security.countsByLevel).toEqual(expectedSecurity);
    expect(analysis.competences.find((c) => c.id === "comp-2-2")!.countsByLevel).toEqual([2, 0, 0, 0, 0, 0]);

    // The detail page reads the pix kept at sharing, even after the pupil's profile grew.
    const participation = byPix.rows[0].participationId;
    await giveProfile(strong.id, { "comp-2-2": 3 });
    expect((await profileDetail(campaignId, participation))!.pixByCompetence["comp-2-2"]).toBeUndefined();
    expect(await profileDetail(campaignId + 1, participation)).toBeNull();

    // A deleted profile leaves every count; rebuilding finds what the upkeep kept; deleting the campaign empties it.
    await deleteParticipation({ actorUserId: teacher.id, participationId: participation, address: "203.0.113.9" });
    expect(await collectionStats(campaignId)).toMatchObject({ receivedCount: 1, certifiableCount: 0 });
    expect(await storedLevels(campaignId)).toEqual(await expectedLevels(campaignId));
    const kept = await storedLevels(campaignId);
    await db.$executeRawUnsafe(`UPDATE campaign_competence_levels SET participants_count = participants_count + 3 WHERE campaign_id = $1`, campaignId);
    await rebuildResultsReadModels(campaignId);
    expect(await storedLevels(campaignId)).toEqual(kept);
    await deleteCampaign({ actorUserId: teacher.id, campaignId });
    expect(await storedLevels(campaignId)).toEqual({});
  });
});

describe("« Collecter les profils »: the migration's backfill of older sendings", () => {
  it("computes from the snapshot what the sharing keeps today (pix per competence, certifiable competences, levels)", async () => {
    const { readFileSync, readdirSync } = await import("node:fs");
    const folder = readdirSync("prisma/migrations").find((name) => name.endsWith("_profiles_collection_read_models"))!;
    const script = readFileSync(`prisma/migrations/${folder}/migration.sql`, "utf8");
    const backfill = script.slice(script.indexOf("-- Hand-written backfill")).split(/;\s*\n/).map((s) => s.trim()).filter((s) => s.replace(/--.*$/gm, "").trim());

    const { campaignId, code } = await collectionCampaign();
    const pupils = await Promise.all([1, 2].map(() => createUser()));
    await giveProfile(pupils[0].id, { "comp-1-1": 2, "comp-3-4": 5, "comp-4-3": 1, "comp-5-2": 3, "comp-2-3": 1 });
    await giveProfile(pupils[1].id, {});
    for (const pupil of pupils) await sendProfile(campaignId, code, pupil.id);
    const kept = await db.participation.findMany({ where: { campaignId }, orderBy: { id: "asc" }, select: { pixByCompetence: true, certifiableCompetencesCount: true } });
    const keptLevels = await storedLevels(campaignId);
    expect(kept[0].certifiableCompetencesCount).toBe(5);

    // As a sending made before this migration: nothing but the snapshot and the pix score.
    await db.$executeRawUnsafe(`UPDATE participations SET pix_by_competence = NULL, certifiable_competences_count = NULL WHERE campaign_id = $1`, campaignId);
    await db.$executeRawUnsafe(`DELETE FROM campaign_competence_levels WHERE campaign_id = $1`, campaignId);
    for (const statement of backfill) await db.$executeRawUnsafe(statement);

    expect(await db.participation.findMany({ where: { campaignId }, orderBy: { id: "asc" }, select: { pixByCompetence: true, certifiableCompetencesCount: true } })).toEqual(kept);
    expect(await storedLevels(campaignId)).toEqual(keptLevels);
  });
});
