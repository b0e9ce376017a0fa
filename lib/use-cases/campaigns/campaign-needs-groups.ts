import "server-only";
import { formNeedsGroups } from "../../domain/analysis/needs-groups";
import { MIN_RESULTS_FOR_GROUPS, separationSentence } from "../../domain/analysis/needs-clustering";
import { tubeRelevanceInputs } from "../../db/queries/campaign-results";
import { needsGroupsData } from "../../db/queries/needs-groups";
import { tutorialsByIds } from "../../db/repositories/results-repository";

export type CampaignNeedsGroups = Awaited<ReturnType<typeof campaignNeedsGroups>>;

/**
 * « Groupes de besoins » of an assessment campaign (the caller checked access): the counted results grouped on
 * each pupil's mastery of each subject (validated ÷ targeted skills of the tube, kept at sharing), the teacher's
 * moves applied, each group with its weakest subjects and their tutorials (as Analyse shows them).
 */
export async function campaignNeedsGroups(campaignId: number) {
  const [data, inputs] = await Promise.all([needsGroupsData(campaignId), tubeRelevanceInputs(campaignId)]);
  if (data.pupils.length < MIN_RESULTS_FOR_GROUPS) return { ready: false as const, received: data.pupils.length, minimum: MIN_RESULTS_FOR_GROUPS };
  // Subjects in a fixed order (tube id): the vectors, hence the groups, do not depend on the query's row order.
  const subjects = [...inputs.tubes].sort((a, b) => (a.tubeId < b.tubeId ? -1 : a.tubeId > b.tubeId ? 1 : 0));
  const subjectIndex = new Map(subjects.map((t, i) => [t.tubeId, i]));
  const mastery = new Map(data.pupils.map((p) => [p.participationId, subjects.map(() => 0)]));
  for (const row of data.tubeRows) {
    const index = subjectIndex.get(row.tubeId);
    const vector = mastery.get(row.participationId);
    if (index !== undefined && vector && row.targetedCount > 0) vector[index] = row.validatedCount / row.targetedCount;
  }
  const grouping = formNeedsGroups({
    pupils: data.pupils.map((p) => ({ participationId: p.participationId, mastery: mastery.get(p.participationId)! })),
    subjectTitles: subjects.map((t) => t.practicalTitle),
    requestedGroupCount: data.requestedGroupCount,
    moves: data.moves,
  });
  const shownTubeIds = new Set(grouping.groups.flatMap((g) => g.weakestSubjects.map((s) => subjects[s.subjectIndex].tubeId)));
  const tutorials = await tutorialsByIds([...new Set(subjects.filter((t) => shownTubeIds.has(t.tubeId)).flatMap((t) => t.tutorialIds))]);
  const tutorialById = new Map(tutorials.map((t) => [t.id, t]));
  const pupilById = new Map(data.pupils.map((p) => [p.participationId, p]));
  const byName = (a: { lastName: string; firstName: string; participationId: number }, b: typeof a) =>
    a.lastName.localeCompare(b.lastName, "fr") || a.firstName.localeCompare(b.firstName, "fr") || a.participationId - b.participationId;
  return {
    ready: true as const,
    received: data.pupils.length,
    groupCount: grouping.groupCount,
    automaticGroupCount: grouping.automaticGroupCount,
    maxGroupCount: grouping.maxGroupCount,
    isChosenByTeacher: data.requestedGroupCount !== null,
    movedCount: grouping.groups.reduce((n, g) => n + g.members.filter((m) => m.isMoved).length, 0),
    // Results received after the teacher arranged the groups: the groups were formed again with them, so pupils the
    // teacher did not move may have changed group — the page says so before anything is printed.
    receivedSinceArranged: data.arrangedAt ? data.pupils.filter((p) => p.sharedAt !== null && p.sharedAt > data.arrangedAt!).length : 0,
    silhouette: grouping.silhouette,
    separation: separationSentence(grouping.silhouette),
    groups: grouping.groups.map((g) => ({
      number: g.number,
      meanMasteryPercent: Math.round(g.meanMastery * 100),
      pupils: g.members.map((m) => { const { sharedAt: _sharedAt, ...pupil } = pupilById.get(m.participationId)!; return { ...pupil, isMoved: m.isMoved }; }).sort(byName),
      subjects: g.weakestSubjects.map((s) => {
        const tube = subjects[s.subjectIndex];
        return {
          tubeId: tube.tubeId,
          title: tube.practicalTitle,
          description: tube.practicalDescription,
          competenceName: tube.competenceName,
          areaColor: tube.areaColor,
          masteryPercent: Math.round(s.mastery * 100),
          tutorials: tube.tutorialIds.map((id) => tutorialById.get(id)).filter((x): x is NonNullable<typeof x> => Boolean(x)),
        };
      }),
    })),
  };
}
