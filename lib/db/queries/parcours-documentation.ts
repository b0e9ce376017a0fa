import { db } from "../client";
import type { EstablishmentKind } from "../../domain/establishments/establishment-kind";

/**
 * The public documentation of the parcours (« consulter la documentation correspondante »): what any visitor
 * may read of the learning content, never a challenge nor a solution. Retired parcours are not shown.
 */
export async function parcoursCatalogue() {
  return db.targetProfile.findMany({
    where: { retiredAt: null },
    orderBy: [{ category: "asc" }, { name: "asc" }],
    select: { id: true, name: true, category: true, description: true, establishmentKinds: true },
  });
}

export type ParcoursDocumentation = NonNullable<Awaited<ReturnType<typeof parcoursDocumentation>>>;

export async function parcoursDocumentation(id: string) {
  const profile = await db.targetProfile.findFirst({
    where: { id, retiredAt: null },
    select: {
      id: true,
      name: true,
      category: true,
      description: true,
      establishmentKinds: true,
      stages: { orderBy: { threshold: "asc" }, select: { threshold: true, title: true, message: true, prescriberTitle: true, prescriberDescription: true } },
      tubes: { select: { level: true, tube: { select: { id: true, practicalTitle: true, practicalDescription: true, competence: { select: { index: true, name: true } } } } } },
    },
  });
  if (!profile) return null;
  const skillCounts = await db.skill.groupBy({
    by: ["tubeId"],
    where: { retiredAt: null, OR: profile.tubes.map((t) => ({ tubeId: t.tube.id, level: { lte: t.level } })) },
    _count: { _all: true },
  });
  const countByTube = new Map(skillCounts.map((s) => [s.tubeId, s._count._all]));
  const subjects = profile.tubes
    .map((t) => ({ id: t.tube.id, title: t.tube.practicalTitle, description: t.tube.practicalDescription, competence: t.tube.competence, maxLevel: t.level, skills: countByTube.get(t.tube.id) ?? 0 }))
    .sort((a, b) => a.competence.index.localeCompare(b.competence.index) || a.title.localeCompare(b.title, "fr"));
  return { ...profile, establishmentKinds: profile.establishmentKinds as EstablishmentKind[], subjects, skillCount: subjects.reduce((sum, s) => sum + s.skills, 0) };
}
