import type { CompetenceFile } from "./schema";

/** 8 pix per level and competence, shared equally among that level's skills (so a full level is worth 8). */
export const PIX_PER_LEVEL = 8;

export function pixValuesBySkill(competence: CompetenceFile): Map<string, number> {
  const countByLevel = new Map<number, number>();
  for (const tube of competence.tubes) {
    for (const skill of tube.skills) countByLevel.set(skill.level, (countByLevel.get(skill.level) ?? 0) + 1);
  }
  const values = new Map<string, number>();
  for (const tube of competence.tubes) {
    for (const skill of tube.skills) values.set(skill.id, PIX_PER_LEVEL / countByLevel.get(skill.level)!);
  }
  return values;
}
