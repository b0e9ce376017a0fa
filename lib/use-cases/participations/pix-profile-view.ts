import "server-only";
import { pixProfile, THEORETICAL_MAX_PIX, PIX_PER_LEVEL } from "../../domain/scoring/pix-profile";
import { allLatestKnowledgeElements, frameworkCompetences } from "../../db/queries/pix-profile";

/** The 16 competences with level, pix and progress in the level, grouped by area; total pix out of 1024. */
export async function pixProfileView(userId: number) {
  const [elements, competences] = await Promise.all([allLatestKnowledgeElements(userId), frameworkCompetences()]);
  const profile = pixProfile(elements, { competenceIds: competences.map((c) => c.id) });
  const scoreById = new Map(profile.competences.map((c) => [c.competenceId, c]));
  const areas = new Map<string, { code: string; name: string; color: string; competences: { id: string; index: string; name: string; level: number; pix: number; progressInLevel: number }[] }>();
  for (const c of competences) {
    const score = scoreById.get(c.id) ?? { pix: 0, level: 0 };
    const area = areas.get(c.area.code) ?? { ...c.area, competences: [] };
    area.competences.push({ id: c.id, index: c.index, name: c.name, level: score.level, pix: score.pix, progressInLevel: (score.pix % PIX_PER_LEVEL) / PIX_PER_LEVEL });
    areas.set(c.area.code, area);
  }
  return { totalPix: profile.totalPix, maxPix: THEORETICAL_MAX_PIX, isCertifiable: profile.isCertifiable, areas: [...areas.values()], elements };
}
