import {
  competenceFileSchema,
  frameworkFileSchema,
  targetProfilesFileSchema,
  type CompetenceFile,
  type ChallengeSource,
  type StageSource,
  type TargetProfile,
  type TargetProfileSource,
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
  for (const { variant, answer } of everyAcceptedVariant(c)) if (!isAnswerCorrect(c, answer)) add(`la variante « ${variant} » ne passe pas le correcteur`);
  if (isAnswerCorrect(c, wrongAnswer(c))) add("une réponse fausse évidente est acceptée");
  for (const { wrong, answer } of nearMisses(c)) if (isAnswerCorrect(c, answer)) add(`la réponse fausse « ${wrong} » est acceptée`);
}

/** Each variant an author listed, typed alone in its field (the other fields hold their first solution). */
function everyAcceptedVariant(c: ChallengeSource): { variant: string; answer: AnswerInput }[] {
  const base = expectedAnswer(c);
  if (base.kind !== "fields") return [];
  const withValue = (key: string, variant: string) => ({ variant, answer: { kind: "fields" as const, values: { ...base.values, [key]: variant } } });
  switch (c.type) {
    case "QROC":
      return c.solutions.map((v) => withValue(c.field.key, v));
    case "QROCM-ind":
      return c.fields.flatMap((f) => f.solutions.map((v) => withValue(f.key, v)));
    case "QROCM-dep":
      // The first field takes each variant of each group; the others the first answers of other groups.
      return c.solutionGroups.flatMap((group, g) => {
        const others = c.solutionGroups.filter((_, k) => k !== g).map((x) => x[0]);
        return group.map((variant) => ({
          variant,
          answer: { kind: "fields" as const, values: Object.fromEntries(c.fields.map((f, i) => [f.key, i === 0 ? variant : others[i - 1]])) },
        }));
      });
    default:
      return [];
  }
}

/** Wrong answers that look right: the expected number plus one, the same answer in every field of a QROCM-dep. */
function nearMisses(c: ChallengeSource): { wrong: string; answer: AnswerInput }[] {
  const misses: { wrong: string; answer: AnswerInput }[] = [];
  if (c.type === "QROC" && c.format === "nombre") {
    const value = Number(c.solutions[0].replace(",", ".").replace(/\s/g, ""));
    const wrong = String(value + 1).replace(".", ",");
    if (Number.isFinite(value) && !c.solutions.some((s) => Number(s.replace(",", ".").replace(/\s/g, "")) === value + 1)) {
      misses.push({ wrong, answer: { kind: "fields", values: { [c.field.key]: wrong } } });
    }
  }
  if (c.type === "QROCM-dep") {
    const same = c.solutionGroups[0][0];
    misses.push({ wrong: c.fields.map(() => same).join(" / "), answer: { kind: "fields", values: Object.fromEntries(c.fields.map((f) => [f.key, same])) } });
  }
  return misses;
}

/** The parcours with its shared stage set resolved and its `{moment}` written into the texts. */
function withStages(profile: TargetProfileSource, stageSets: Record<string, StageSource[]>, problems: ContentProblem[]): TargetProfile {
  const where = `parcours ${profile.name}`;
  let stages: StageSource[] = [];
  if (typeof profile.stages !== "string") stages = profile.stages;
  else if (stageSets[profile.stages]) stages = stageSets[profile.stages];
  else problems.push({ where, message: `jeu de paliers inconnu « ${profile.stages} »` });
  const texts = JSON.stringify(stages);
  if (texts.includes("{moment}") && !profile.moment) problems.push({ where, message: "les paliers citent {moment} mais le parcours n'a pas de moment" });
  const resolved = profile.moment ? (JSON.parse(texts.replaceAll("{moment}", profile.moment)) as StageSource[]) : stages;
  return { ...profile, stages: resolved };
}

export type ParsedContent = {
  framework: ReturnType<typeof frameworkFileSchema.parse>;
  competences: CompetenceFile[];
  targetProfiles: TargetProfile[];
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
      targetProfiles = parsed.data.targetProfiles.map((profile) => withStages(profile, parsed.data.stageSets, problems));
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
