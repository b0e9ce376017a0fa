import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/domain/shared/errors";
import { moveToNeedsGroup, recomputeNeedsGroups } from "@/lib/use-cases/campaigns/arrange-needs-groups";
import { campaignNeedsGroups } from "@/lib/use-cases/campaigns/campaign-needs-groups";
import { exportNeedsGroups } from "@/lib/use-cases/campaigns/export-needs-groups";
import { shareResults } from "@/lib/use-cases/participations/participation-results";
import { createUser } from "../../support/factories";
import { campaignWithTeacher, takeTest } from "./results-builders";

/** A campaign whose pupils sent results at these levels (the engine really asked them), names in order. */
async function campaignWithResults(levels: number[], lastNames = levels.map((_, i) => `Groupe${i + 1}`)) {
  const setup = await campaignWithTeacher("Groupes");
  for (const [i, level] of levels.entries()) {
    const pupil = await createUser({ firstName: `Élève${i + 1}`, lastName: lastNames[i] });
    await takeTest(setup.campaignId, setup.code, pupil.id, level);
    await shareResults({ userId: pupil.id, campaignId: setup.campaignId });
  }
  return setup;
}

const ready = async (campaignId: number) => {
  const groups = await campaignNeedsGroups(campaignId);
  if (!groups.ready) throw new Error("groups expected");
  return groups;
};
const groupOf = (groups: Awaited<ReturnType<typeof ready>>, participationId: number) => groups.groups.find((g) => g.pupils.some((p) => p.participationId === participationId))!;
const movesTable = () => db.needsGroupMove.findMany({ orderBy: { participationId: "asc" } });

describe("needs groups", () => {
  it("wait for four results, then group every counted pupil once, the same way on every reading", async () => {
    const { campaignId } = await campaignWithResults([1, 5, 1]);
    expect(await campaignNeedsGroups(campaignId)).toMatchObject({ ready: false, received: 3, minimum: 4 });

    const more = await campaignWithResults([0, 1, 1, 3, 5, 5, 6]);
    const first = await ready(more.campaignId);
    const second = await ready(more.campaignId);
    expect(second).toEqual(first);
    const counted = await db.participation.findMany({ where: { campaignId: more.campaignId, isLatestShared: true }, select: { id: true } });
    expect(first.groups.flatMap((g) => g.pupils.map((p) => p.participationId)).sort((a, b) => a - b)).toEqual(counted.map((c) => c.id).sort((a, b) => a - b));
    expect(first.groupCount).toBeGreaterThanOrEqual(2);
    // Group 1 works the most: its mean mastery is the lowest, and its subjects come with the group's mastery.
    expect(first.groups[0].meanMasteryPercent).toBeLessThan(first.groups.at(-1)!.meanMasteryPercent);
    expect(first.groups[0].subjects.length).toBeGreaterThanOrEqual(2);
    expect(first.groups[0].subjects.every((s) => s.masteryPercent < 100)).toBe(true);
  });

  it("keep a moved pupil where the teacher put them, twice submitted or not, until « Recalculer les groupes »", async () => {
    const { teacher, campaignId } = await campaignWithResults([0, 1, 1, 5, 5, 6]);
    const before = await ready(campaignId);
    const pupil = before.groups[0].pupils[0];
    const target = before.groups.length;
    const now = new Date();
    await Promise.all([1, 2].map(() => moveToNeedsGroup({ actorUserId: teacher.id, campaignId, participationId: pupil.participationId, groupNumber: target, now })));
    const after = await ready(campaignId);
    expect(groupOf(after, pupil.participationId).number).toBe(target);
    expect(groupOf(after, pupil.participationId).pupils.find((p) => p.participationId === pupil.participationId)?.isMoved).toBe(true);
    expect(after.movedCount).toBe(1);
    // The number of groups the teacher saw is kept with the move.
    expect(await db.needsGrouping.findUnique({ where: { campaignId } })).toMatchObject({ groupCount: before.groupCount });

    await recomputeNeedsGroups({ actorUserId: teacher.id, campaignId, groupCount: 2, now });
    const recomputed = await ready(campaignId);
    expect(recomputed.groupCount).toBe(2);
    expect(recomputed.movedCount).toBe(0);
    expect(await db.needsGroupMove.count({ where: { campaignId } })).toBe(0);
    await recomputeNeedsGroups({ actorUserId: teacher.id, campaignId, groupCount: null, now });
    expect((await ready(campaignId)).isChosenByTeacher).toBe(false);
  });

  it("say how many results arrived since the teacher last arranged the groups (they may have moved other pupils)", async () => {
    const { teacher, campaignId, code } = await campaignWithResults([0, 1, 5, 6]);
    const before = await ready(campaignId);
    expect(before.receivedSinceArranged).toBe(0);
    const movedAt = new Date();
    await moveToNeedsGroup({ actorUserId: teacher.id, campaignId, participationId: before.groups[0].pupils[0].participationId, groupNumber: before.groupCount, now: movedAt });
    expect((await ready(campaignId)).receivedSinceArranged).toBe(0);
    const late = await createUser({ firstName: "Élève5", lastName: "Retard" });
    await takeTest(campaignId, code, late.id, 3);
    await shareResults({ userId: late.id, campaignId });
    const after = await ready(campaignId);
    expect(after.received).toBe(5);
    expect(after.receivedSinceArranged).toBe(1);
    // « Recalculer les groupes » is a new arrangement: nothing has arrived since.
    await recomputeNeedsGroups({ actorUserId: teacher.id, campaignId, groupCount: null, now: new Date() });
    expect((await ready(campaignId)).receivedSinceArranged).toBe(0);
  });

  it("refuse another school's teacher, a pupil of another campaign and a group that does not exist, changing nothing", async () => {
    const mine = await campaignWithResults([0, 1, 5, 6]);
    const theirs = await campaignWithResults([0, 1, 5, 6]);
    const mineGroups = await ready(mine.campaignId);
    const theirGroups = await ready(theirs.campaignId);
    const myPupil = mineGroups.groups[0].pupils[0].participationId;
    const theirPupil = theirGroups.groups[0].pupils[0].participationId;
    const before = { moves: await movesTable(), settings: await db.needsGrouping.findMany() };
    // Thunks: each attempt runs alone, after the previous one was refused.
    const attempts = [
      // The other school's ADMIN names my campaign, or its own campaign with my pupil.
      () => moveToNeedsGroup({ actorUserId: theirs.teacher.id, campaignId: mine.campaignId, participationId: myPupil, groupNumber: 2, now: new Date() }),
      () => moveToNeedsGroup({ actorUserId: theirs.teacher.id, campaignId: theirs.campaignId, participationId: myPupil, groupNumber: 2, now: new Date() }),
      // My own campaign with their pupil; a group beyond the groups shown.
      () => moveToNeedsGroup({ actorUserId: mine.teacher.id, campaignId: mine.campaignId, participationId: theirPupil, groupNumber: 2, now: new Date() }),
      () => moveToNeedsGroup({ actorUserId: mine.teacher.id, campaignId: mine.campaignId, participationId: myPupil, groupNumber: mineGroups.groupCount + 1, now: new Date() }),
      () => recomputeNeedsGroups({ actorUserId: theirs.teacher.id, campaignId: mine.campaignId, groupCount: 3, now: new Date() }),
      () => recomputeNeedsGroups({ actorUserId: mine.teacher.id, campaignId: mine.campaignId, groupCount: 7, now: new Date() }),
      () => exportNeedsGroups({ userId: theirs.teacher.id, campaignId: mine.campaignId, now: new Date() }),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toBeInstanceOf(DomainError);
    expect({ moves: await movesTable(), settings: await db.needsGrouping.findMany() }).toEqual(before);
  });

  it("export the groups in the results file's conventions, formulas guarded", async () => {
    const { teacher, campaignId } = await campaignWithResults([0, 1, 5, 6], ["=HYPERLINK(\"x\")", "Dupont", "Martin", "Petit"]);
    const groups = await ready(campaignId);
    const { fileName, text } = await exportNeedsGroups({ userId: teacher.id, campaignId, now: new Date("2026-12-06T17:05:00Z") });
    expect(fileName).toBe(`Groupes-Groupes-${campaignId}-2026-12-06-1805.csv`);
    const lines = text.split("\n");
    expect(lines[0]).toBe("\uFEFFGroupe;Nom du Participant;Prénom du Participant;Classe;Déplacé par l'enseignant;Sujets à travailler (maîtrise du groupe)");
    expect(lines).toHaveLength(4 + 2); // header, four pupils, the final line end
    expect(text).toContain(`"'=HYPERLINK(""x"")";Élève1;;Non;`);
    const firstSubject = groups.groups[0].subjects[0];
    expect(text).toContain(`Groupe 1;`);
    expect(text).toContain(`${firstSubject.title} (${firstSubject.masteryPercent} %)`);
  });
});
