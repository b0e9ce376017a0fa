import { z } from "../shared/zod-without-eval";

export const TITLE_MAX = 50;
export const LANDING_TEXT_MAX = 5000;

/** How the test chooses its questions (lib/domain/assessment): the precision engine unless asked otherwise. */
export const ASSESSMENT_METHODS = ["PRECISION", "SMART_RANDOM"] as const;
/**
 * The precisions offered to a teacher (± in points); 8 by default, the finest one a perfectly consistent pupil reaches
 * on every collège rentrée parcours (tests/unit/assessment/precision-targets-reachable.test.ts). ± 16 and ± 20 give the
 * short tests the bench compares with smart random. ± 4 and ± 6 are no longer offered: on rentrée 5e and 3e no pupil
 * can reach them (ADR 0011 « 08/12 »).
 */
export const PRECISION_TARGET_CHOICES = [8, 10, 12, 16, 20] as const;
export const DEFAULT_PRECISION_TARGET_CHOICE = 8;
/** Kept by the campaigns created with them when they are edited, never offered for a new one. */
export const FORMER_PRECISION_TARGET_CHOICES = [4, 6] as const;

/** « Options avancées » of an assessment campaign: missing fields take the defaults (forms without them). */
const engineSettings = (accepted: readonly number[]) => ({
  assessmentMethod: z.enum(ASSESSMENT_METHODS, { error: "Veuillez choisir le déroulement du test." }).default("PRECISION"),
  // Only the digits the form's <select> sends: Number() would also read « 1e1 », « 0x14 » or « 16.0 » as a choice.
  precisionTarget: z
    .preprocess(
      (value) => (typeof value === "string" && /^\d{1,3}$/.test(value) ? Number(value) : value),
      z
        .number({ error: "Veuillez choisir la précision visée." })
        .int("Veuillez choisir la précision visée.")
        .refine((value) => accepted.includes(value), "Veuillez choisir une des précisions proposées."),
    )
    .default(DEFAULT_PRECISION_TARGET_CHOICE),
});
const OFFERED: readonly number[] = PRECISION_TARGET_CHOICES;
/** An edit may keep a former precision (the use-case refuses to move a campaign to one it did not have). */
const OFFERED_OR_FORMER: readonly number[] = [...FORMER_PRECISION_TARGET_CHOICES, ...PRECISION_TARGET_CHOICES];

/** A former precision, which a campaign keeps when edited but no campaign may be given. */
export function isFormerPrecisionTarget(target: number): boolean {
  return (FORMER_PRECISION_TARGET_CHOICES as readonly number[]).includes(target);
}

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .transform((v) => (v === "" ? null : v));

/**
 * The "Créer une campagne" form. The parcours is required for "Évaluer les participants" and absent for
 * "Collecter les profils Pix des participants"; the title only exists for assessments.
 */
export const campaignCreationSchema = z
  .object({
    name: z.string().trim().min(1, "Veuillez donner un nom à votre campagne.").max(255, "Le nom ne doit pas dépasser 255 caractères."),
    type: z.enum(["ASSESSMENT", "PROFILES_COLLECTION"], { error: "Veuillez choisir l'objectif de votre campagne." }),
    targetProfileId: z.string().trim().optional().transform((v) => (v ? v : null)),
    askExternalId: z.enum(["yes", "no"], { error: "Veuillez indiquer si vous souhaitez demander un identifiant externe." }),
    externalIdLabel: optionalText(255, "Le libellé ne doit pas dépasser 255 caractères.").optional(),
    externalIdType: z.enum(["STRING", "EMAIL"]).optional(),
    title: optionalText(TITLE_MAX, `Le titre ne doit pas dépasser ${TITLE_MAX} caractères.`).optional(),
    landingText: optionalText(LANDING_TEXT_MAX, `Le texte ne doit pas dépasser ${LANDING_TEXT_MAX} caractères.`).optional(),
    ownerId: z.coerce.number({ error: "Veuillez choisir le propriétaire de la campagne." }).int().positive("Veuillez choisir le propriétaire de la campagne."),
    multipleSendings: z.enum(["yes", "no"]).default("no"),
    ...engineSettings(OFFERED),
  })
  .superRefine((value, ctx) => {
    if (value.type === "ASSESSMENT" && !value.targetProfileId) {
      ctx.addIssue({ code: "custom", path: ["targetProfileId"], message: "Veuillez choisir ce que vous souhaitez tester (un parcours ou une compétence)." });
    }
    if (value.askExternalId === "yes" && !value.externalIdLabel) {
      ctx.addIssue({ code: "custom", path: ["externalIdLabel"], message: "Veuillez préciser le libellé de l'identifiant externe." });
    }
  })
  .transform((value) => ({
    name: value.name,
    type: value.type,
    targetProfileId: value.type === "ASSESSMENT" ? value.targetProfileId : null,
    externalIdLabel: value.askExternalId === "yes" ? (value.externalIdLabel ?? null) : null,
    externalIdType: value.askExternalId === "yes" ? (value.externalIdType ?? "STRING") : null,
    title: value.type === "ASSESSMENT" ? (value.title ?? null) : null,
    landingText: value.landingText ?? null,
    ownerId: value.ownerId,
    multipleSendings: value.multipleSendings === "yes",
    assessmentMethod: value.assessmentMethod,
    precisionTarget: value.precisionTarget,
  }));

export type CampaignCreation = z.output<typeof campaignCreationSchema>;

/** Editable after creation: name, title, landing text, owner, and for an assessment how the test runs. */
export const campaignUpdateSchema = z.object({
  ...engineSettings(OFFERED_OR_FORMER),
  name: z.string().trim().min(1, "Veuillez donner un nom à votre campagne.").max(255, "Le nom ne doit pas dépasser 255 caractères."),
  title: optionalText(TITLE_MAX, `Le titre ne doit pas dépasser ${TITLE_MAX} caractères.`).optional().transform((v) => v ?? null),
  landingText: optionalText(LANDING_TEXT_MAX, `Le texte ne doit pas dépasser ${LANDING_TEXT_MAX} caractères.`).optional().transform((v) => v ?? null),
  ownerId: z.coerce.number().int().positive("Veuillez choisir le propriétaire de la campagne."),
});

export type CampaignUpdate = z.output<typeof campaignUpdateSchema>;
