import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { EngineChallenge, EngineSkill } from "../../lib/domain/assessment/types";
import { challengeSchema, type ChallengeSource } from "../../lib/domain/learning-content/schema";

/**
 * Parcours for the bench, built from the repository's learning content. Only the structure the engine
 * needs is checked (tubes, skills, challenges, timers): competence files still being written elsewhere
 * are skipped when they do not parse, instead of stopping the bench.
 */

const competenceStructure = z.object({
  id: z.string(),
  index: z.string().optional(),
  tubes: z.array(
    z.object({
      id: z.string(),
      skills: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          level: z.number().int().min(1).max(8),
          challenges: z.array(z.looseObject({ id: z.string(), timer: z.number().optional() })).min(1),
        }),
      ),
    }),
  ),
});
const targetProfilesStructure = z.object({
  targetProfiles: z.array(z.object({ id: z.string(), name: z.string(), tubes: z.array(z.object({ tubeId: z.string(), level: z.number() })).min(1) })),
});

export type Parcours = {
  id: string;
  name: string;
  targetSkills: EngineSkill[];
  challenges: EngineChallenge[];
  tubeIds: string[];
  skillById: Map<string, EngineSkill>;
  challengeById: Map<string, EngineChallenge>;
};
export type Content = {
  skillsByTubeId: Map<string, EngineSkill[]>;
  challenges: EngineChallenge[];
  /** The full challenge (options, solution) for the test-wise pupils; null when it does not parse. */
  sourceByChallengeId: Map<string, ChallengeSource | null>;
  tubesByCompetence: Map<string, string[]>;
  skippedFiles: string[];
};

const RENTREE_TUBES_PER_COMPETENCE = 2;
const RENTREE_CAP = 3;

export function loadContent(contentDir: string): Content {
  const content: Content = { skillsByTubeId: new Map(), challenges: [], sourceByChallengeId: new Map(), tubesByCompetence: new Map(), skippedFiles: [] };
  const dir = path.join(contentDir, "competences");
  for (const file of readdirSync(dir).filter((name) => name.endsWith(".json")).sort()) {
    let parsed: z.infer<typeof competenceStructure>;
    try {
      parsed = competenceStructure.parse(JSON.parse(readFileSync(path.join(dir, file), "utf8")));
    } catch {
      content.skippedFiles.push(file);
      continue;
    }
    content.tubesByCompetence.set(parsed.index ?? parsed.id, parsed.tubes.map((tube) => tube.id));
    for (const tube of parsed.tubes) {
      const skills = tube.skills.map((skill) => ({ id: skill.id, name: skill.name, tubeId: tube.id, competenceId: parsed.id, level: skill.level }));
      content.skillsByTubeId.set(tube.id, skills.sort((a, b) => a.level - b.level));
      for (const skill of tube.skills) {
        for (const challenge of skill.challenges) {
          content.challenges.push({ id: challenge.id, skillId: skill.id, isTimed: challenge.timer !== undefined });
          const source = challengeSchema.safeParse(challenge);
          content.sourceByChallengeId.set(challenge.id, source.success ? source.data : null);
        }
      }
    }
  }
  return content;
}

function buildParcours(content: Content, id: string, name: string, cappedTubes: readonly { tubeId: string; level: number }[]): Parcours | null {
  const targetSkills = cappedTubes.flatMap(({ tubeId, level }) => (content.skillsByTubeId.get(tubeId) ?? []).filter((skill) => skill.level <= level));
  if (targetSkills.length === 0) return null;
  const skillIds = new Set(targetSkills.map((skill) => skill.id));
  const tubeIds = [...new Set(targetSkills.map((skill) => skill.tubeId))];
  const challenges = content.challenges.filter((challenge) => skillIds.has(challenge.skillId));
  return {
    id,
    name,
    targetSkills,
    challenges,
    tubeIds,
    skillById: new Map(targetSkills.map((skill) => [skill.id, skill])),
    challengeById: new Map(challenges.map((challenge) => [challenge.id, challenge])),
  };
}

/** target-profiles.json when present and readable, else one parcours per competence plus a "rentrée" one. */
export function loadParcours(contentDir: string, content: Content): { parcours: Parcours[]; source: string } {
  const profilesFile = path.join(contentDir, "target-profiles.json");
  if (existsSync(profilesFile)) {
    try {
      const { targetProfiles } = targetProfilesStructure.parse(JSON.parse(readFileSync(profilesFile, "utf8")));
      const parcours = targetProfiles.map((profile) => buildParcours(content, profile.id, profile.name, profile.tubes)).filter((p): p is Parcours => p !== null);
      if (parcours.length > 0) return { parcours, source: "target-profiles.json" };
    } catch {
      // Unreadable file (being written): fall back to the generated parcours below.
    }
  }
  const perCompetence = [...content.tubesByCompetence].map(([competence, tubeIds]) =>
    buildParcours(content, `competence-${competence}`, `Compétence ${competence}`, tubeIds.map((tubeId) => ({ tubeId, level: 8 }))),
  );
  const rentree = buildParcours(
    content,
    "rentree",
    "Rentrée (2 sujets/compétence, niveau ≤ 3)",
    [...content.tubesByCompetence.values()].flatMap((tubeIds) => tubeIds.slice(0, RENTREE_TUBES_PER_COMPETENCE).map((tubeId) => ({ tubeId, level: RENTREE_CAP }))),
  );
  return { parcours: [...perCompetence, rentree].filter((p): p is Parcours => p !== null), source: "generated from competence files" };
}
