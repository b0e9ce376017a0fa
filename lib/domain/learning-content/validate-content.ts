import {
  competenceFileSchema,
  frameworkFileSchema,
  targetProfilesFileSchema,
  type CompetenceFile,
  type ChallengeSource,
} from "./schema";
import { expectedAnswer, isAnswerCorrect, type AnswerInput } from "./check-answer";

export type ContentProblem = { where: string; message: string };

export type RawContent = {
  framework: unknown;
  competences: { file: string; data: unknown }[];
  targetProfiles: unknown;
};

/** A typical wrong answer for a challenge: it must fail its own checker. */
export function wrongAnswer(challenge: ChallengeSource): AnswerInput {
  switch (challenge.type) {
    case "QCU":
      return { kind: "choices", selected: [challenge.solution === 1 ? 2 : 1] };
    case "QCM":
      return { kind: "choices", selected: [challenge.solution[0]] };
    case "QROC":
      return { kind: "fields", values: { [challenge.field.key]: "zzqxw kjvb" } };
    case "QROCM-ind":
    case "QROCM-dep":
      return { kind: "fields", values: Object.fromEntries(challenge.fields.map((f) => [f.key, "zzqxw kjvb"])) };
  }
}

function checkChallenge(c: ChallengeSource, where: string, problems: ContentProblem[]) {
  const add = (message: string) => problems.push({ where: `${where} › ${c.id}`, message });
  if (c.type === "QCU" && c.solution > c.proposals.length) add("solution hors des propositions");
  if (c.type === "QCM") {
    if (c.solution.some((s) => s > c.proposals.length)) add("solution hors des propositions");
    if (new Set(c.solution).size !== c.solution.length) add("solution en double");
    if (c.solution.length >= c.proposals.length) add("toutes les propositions sont justes");
  }
  if ((c.type === "QCU" || c.type === "QCM") && new Set(c.proposals).size !== c.proposals.length) {
    add("propositions en double");
  }
  if (c.type === "QROCM-dep" && c.solutionGroups.length < c.fields.length) add("moins de groupes de solutions que de champs");
  if ((c.type === "QROCM-ind" || c.type === "QROCM-dep") && new Set(c.fields.map((f) => f.key)).size !== c.fields.length) {
    add("clés de champs en double");
  }
  if (!isAnswerCorrect(c, expectedAnswer(c))) add("la solution ne passe pas son propre correcteur");
  if (isAnswerCorrect(c, wrongAnswer(c))) add("une réponse fausse évidente est acceptée");
}

export type ParsedContent = {
  framework: ReturnType<typeof frameworkFileSchema.parse>;
  competences: CompetenceFile[];
  targetProfiles: ReturnType<typeof targetProfilesFileSchema.parse>["targetProfiles"];
};

/**
 * Validates every content file: schemas, unique ids, contiguous levels, tutorial references,
 * solutions against their checker, media files present, parcours referencing existing tubes.
 */
export function validateContent(
  raw: RawContent,
  mediaExists: (url: string) => boolean,
): { content: ParsedContent | null; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const framework = frameworkFileSchema.safeParse(raw.framework);
  if (!framework.success) problems.push({ where: "framework", message: framework.error.message });

  const competences: CompetenceFile[] = [];
  for (const { file, data } of raw.competences) {
    const parsed = competenceFileSchema.safeParse(data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push({ where: `${file} › ${issue.path.join(".")}`, message: issue.message });
      }
    } else competences.push(parsed.data);
  }

  const ids = new Map<string, string>();
  const claimId = (value: string, where: string) => {
    const previous = ids.get(value);
    if (previous) problems.push({ where, message: `identifiant « ${value} » déjà utilisé dans ${previous}` });
    else ids.set(value, where);
  };
  const tubeNames = new Set<string>();
  const instructions = new Map<string, string>();
  const tubeIds = new Map<string, number>();

  for (const competence of competences) {
    const where = `compétence ${competence.index}`;
    claimId(competence.id, where);
    const tutorialIds = new Set(competence.tutorials.map((t) => t.id));
    for (const tutorial of competence.tutorials) claimId(tutorial.id, `${where} › tutoriel`);
    for (const tube of competence.tubes) {
      const tubeWhere = `${where} › ${tube.name}`;
      claimId(tube.id, tubeWhere);
      if (tubeNames.has(tube.name)) problems.push({ where: tubeWhere, message: "nom de sujet déjà utilisé" });
      tubeNames.add(tube.name);
      const levels = tube.skills.map((s) => s.level);
      tubeIds.set(tube.id, Math.max(...levels));
      levels.forEach((level, i) => {
        if (level !== i + 1) problems.push({ where: tubeWhere, message: `niveaux non contigus depuis 1 (${levels.join(",")})` });
      });
      for (const skill of tube.skills) {
        const skillWhere = `${tubeWhere} › ${skill.name}`;
        claimId(skill.id, skillWhere);
        if (skill.name !== `${tube.name}${skill.level}`) problems.push({ where: skillWhere, message: "le nom de l'acquis doit être le sujet suivi du niveau" });
        for (const tutorialId of [...skill.tutorialIds, ...skill.learningMoreTutorialIds]) {
          if (!tutorialIds.has(tutorialId)) problems.push({ where: skillWhere, message: `tutoriel inconnu ${tutorialId}` });
        }
        for (const challenge of skill.challenges) {
          claimId(challenge.id, skillWhere);
          checkChallenge(challenge, skillWhere, problems);
          const key = challenge.instruction.trim().toLowerCase();
          const twin = instructions.get(key);
          if (twin) problems.push({ where: `${skillWhere} › ${challenge.id}`, message: `consigne identique à ${twin}` });
          instructions.set(key, challenge.id);
          const media = [challenge.illustration?.url, ...(challenge.attachments ?? []).map((a) => a.url)];
          for (const url of media) if (url && !mediaExists(url)) problems.push({ where: `${skillWhere} › ${challenge.id}`, message: `fichier absent public${url}` });
        }
      }
    }
  }

  if (framework.success) {
    for (const official of framework.data.competences) {
      const found = competences.find((c) => c.index === official.index);
      if (!found) problems.push({ where: `compétence ${official.index}`, message: "fichier de compétence manquant" });
      else if (found.name !== official.name) problems.push({ where: `compétence ${official.index}`, message: `nom officiel attendu : ${official.name}` });
    }
  }

  let targetProfiles: ParsedContent["targetProfiles"] = [];
  if (raw.targetProfiles !== undefined) {
    const parsed = targetProfilesFileSchema.safeParse(raw.targetProfiles);
    if (!parsed.success) problems.push({ where: "parcours", message: parsed.error.message });
    else {
      targetProfiles = parsed.data.targetProfiles;
      for (const profile of targetProfiles) {
        claimId(profile.id, `parcours ${profile.name}`);
        for (const { tubeId, level } of profile.tubes) {
          const max = tubeIds.get(tubeId);
          if (max === undefined) problems.push({ where: `parcours ${profile.name}`, message: `sujet inconnu ${tubeId}` });
          else if (level > max) problems.push({ where: `parcours ${profile.name}`, message: `${tubeId} plafonné à ${level} mais son niveau maximal est ${max}` });
        }
        if (!profile.stages.some((s) => s.threshold === 0)) problems.push({ where: `parcours ${profile.name}`, message: "palier zéro manquant" });
      }
    }
  }

  const content = framework.success ? { framework: framework.data, competences, targetProfiles } : null;
  return { content, problems };
}
