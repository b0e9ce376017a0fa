import { z } from "zod";
import { ESTABLISHMENT_KINDS } from "../establishments/establishment-kind";

/**
 * Source-file schemas of the learning content (prisma/learning-content/*.json).
 * One file per competence holds its tubes, skills, challenges and tutorials;
 * target-profiles.json holds the parcours. Ids are stable: never rename one that shipped.
 */

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, "identifiant : minuscules, chiffres et tirets uniquement");
const text = z.string().trim().min(1);

export const TOLERANCES = ["t1", "t2", "t3"] as const;
export const toleranceSchema = z.enum(TOLERANCES);

const mediaSchema = z.object({
  /** Path under public/, e.g. /contenu/1-1/moteur.svg */
  url: z.string().regex(/^\/contenu\/[a-z0-9/._-]+$/, "fichier sous public/contenu/"),
  alt: text,
});

const attachmentSchema = z.object({
  url: z.string().regex(/^\/contenu\/[a-z0-9/._-]+$/, "fichier sous public/contenu/"),
  name: text,
});

const challengeBase = {
  id,
  instruction: text,
  /** Shown at checkpoints and on results: the right answer, explained in one or two sentences. */
  correction: text,
  timer: z.number().int().min(10).max(300).optional(),
  illustration: mediaSchema.optional(),
  attachments: z.array(attachmentSchema).optional(),
  /** When true, the pupil must answer without searching the web. */
  focused: z.boolean().optional(),
};

const choicesChallenge = {
  proposals: z.array(text).min(2).max(8),
};

export const qcuSchema = z.object({
  ...challengeBase,
  type: z.literal("QCU"),
  ...choicesChallenge,
  /** 1-based index of the right proposal. */
  solution: z.number().int().min(1),
});

export const qcmSchema = z.object({
  ...challengeBase,
  type: z.literal("QCM"),
  ...choicesChallenge,
  /** 1-based indexes of every right proposal (at least two). */
  solution: z.array(z.number().int().min(1)).min(2),
});

const fieldSchema = z.object({
  key: z.string().regex(/^[a-z][a-zA-Z0-9]*$/),
  label: text,
  placeholder: z.string().optional(),
});

const textAnswerCommon = {
  /** "nombre" compares numbers; the others compare text with the tolerances. */
  format: z.enum(["mots", "phrase", "nombre", "date", "url", "email"]).default("mots"),
  /** Tolerances applied: t1 case/accents/spaces, t2 punctuation, t3 small typos (Levenshtein ≤ 25 %). */
  tolerances: z.array(toleranceSchema).default(["t1", "t2", "t3"]),
};

export const qrocSchema = z.object({
  ...challengeBase,
  type: z.literal("QROC"),
  ...textAnswerCommon,
  field: fieldSchema,
  /** Every accepted variant of the answer. */
  solutions: z.array(text).min(1),
});

export const qrocmIndSchema = z.object({
  ...challengeBase,
  type: z.literal("QROCM-ind"),
  ...textAnswerCommon,
  fields: z.array(fieldSchema.extend({ solutions: z.array(text).min(1) })).min(2).max(6),
});

export const qrocmDepSchema = z.object({
  ...challengeBase,
  type: z.literal("QROCM-dep"),
  ...textAnswerCommon,
  fields: z.array(fieldSchema).min(2).max(6),
  /**
   * Groups of variants of one right answer each; every field must match a different group.
   * There must be at least as many groups as fields.
   */
  solutionGroups: z.array(z.array(text).min(1)).min(2),
});

export const challengeSchema = z.discriminatedUnion("type", [
  qcuSchema,
  qcmSchema,
  qrocSchema,
  qrocmIndSchema,
  qrocmDepSchema,
]);

export const skillSchema = z.object({
  id,
  /** Tube name + level, e.g. @motsCles3. */
  name: z.string().regex(/^@[a-zA-Z][a-zA-Z0-9]*[1-8]$/),
  level: z.number().int().min(1).max(8),
  /** What a pupil who has this skill can do (teacher-facing). */
  description: text,
  /** "Pour réussir la prochaine fois" */
  tutorialIds: z.array(id).min(1),
  /** "Pour en apprendre davantage" */
  learningMoreTutorialIds: z.array(id).default([]),
  challenges: z.array(challengeSchema).min(1),
});

export const tubeSchema = z.object({
  id,
  name: z.string().regex(/^@[a-zA-Z][a-zA-Z0-9]*$/),
  practicalTitle: text.max(80),
  practicalDescription: text,
  skills: z.array(skillSchema).min(3).max(7),
});

export const TUTORIAL_FORMATS = ["page", "vidéo", "pdf", "site", "outil", "audio", "jeu", "frise", "image"] as const;

export const tutorialSchema = z
  .object({
    id,
    title: text.max(120),
    source: text,
    format: z.enum(TUTORIAL_FORMATS),
    /** Minutes a pupil needs. */
    durationMinutes: z.number().int().min(1).max(60),
    /** External resource (public institutions, public-service media, recognised educational sites). */
    link: z.url().optional(),
    /** Internal page (markdown) served at /tutoriels/[id]. */
    page: z
      .object({
        learn: text,
        body: text,
        remember: text,
      })
      .optional(),
  })
  .refine((t) => Boolean(t.link) !== Boolean(t.page), {
    message: "un tutoriel a soit un lien externe, soit une page interne",
  });

export const competenceFileSchema = z.object({
  id,
  /** "1.1" … "5.2" */
  index: z.string().regex(/^[1-5]\.[1-4]$/),
  name: text,
  description: text,
  tubes: z.array(tubeSchema).min(4),
  tutorials: z.array(tutorialSchema).min(1),
});

export const areaSchema = z.object({
  id,
  code: z.string().regex(/^[1-5]$/),
  name: text,
  color: z.string().regex(/^#[0-9a-f]{6}$/),
});

export const stageSchema = z.object({
  threshold: z.number().int().min(0).max(100),
  title: text,
  message: text,
  prescriberTitle: text,
  prescriberDescription: text,
});

export const targetProfileSchema = z.object({
  id,
  name: text,
  category: z.enum(["BACK_TO_SCHOOL", "DISCIPLINE", "COMPETENCES", "SUBJECT", "OTHER"]),
  description: text,
  /** Kinds of establishment whose teachers are offered this parcours. */
  establishmentKinds: z.array(z.enum(ESTABLISHMENT_KINDS)).min(1),
  /** For rentrée parcours: when in the schooling they are taken (« en début de 4e »), written into `{moment}` of the stage texts. */
  moment: text.optional(),
  tubes: z.array(z.object({ tubeId: id, level: z.number().int().min(1).max(8) })).min(1),
  /** Stages by name of a shared stage set of the file, or explicit stages. */
  stages: z.union([z.string(), z.array(stageSchema).min(2)]),
});

export const frameworkFileSchema = z.object({
  areas: z.array(areaSchema).length(5),
  /** The 16 competences of the framework, with their official French names. */
  competences: z
    .array(z.object({ index: z.string().regex(/^[1-5]\.[1-4]$/), name: text, file: z.string() }))
    .length(16),
});

export const targetProfilesFileSchema = z.object({
  /** Band texts shared by every parcours of a kind (rentrée, thematic, single competence). */
  stageSets: z.record(z.string(), z.array(stageSchema).min(2)).default({}),
  targetProfiles: z.array(targetProfileSchema),
});

export type ChallengeSource = z.infer<typeof challengeSchema>;
export type SkillSource = z.infer<typeof skillSchema>;
export type TubeSource = z.infer<typeof tubeSchema>;
export type TutorialSource = z.infer<typeof tutorialSchema>;
export type CompetenceFile = z.infer<typeof competenceFileSchema>;
export type AreaSource = z.infer<typeof areaSchema>;
export type TargetProfileSource = z.infer<typeof targetProfileSchema>;
/** A parcours with its stage set resolved and `{moment}` written in. */
export type TargetProfile = Omit<TargetProfileSource, "stages"> & { stages: StageSource[] };
export type StageSource = z.infer<typeof stageSchema>;
