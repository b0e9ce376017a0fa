/**
 * Fuzz of every zod schema that parses a form (what `Object.fromEntries(formData)` gives: strings, files, missing
 * fields, fields nobody asked for). Whatever arrives: no exception but a refusal, every message in French (shown under
 * the field), and a parsed value within the limits the schema promises. The actions' own small schemas (ids, roles,
 * account actions) are fuzzed over HTTP by the matrix (tests/matrix, mutated real forms).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
// The server actions load this module (through run-action.ts) before parsing anything: the tests do the same.
import "@/lib/actions/french-form-messages";
import { campaignCreationSchema, campaignUpdateSchema, LANDING_TEXT_MAX, TITLE_MAX } from "@/lib/domain/campaigns/campaign-form";
import { signUpSchema } from "@/lib/use-cases/accounts/sign-up";
import { garBirthdateSchema } from "@/lib/use-cases/gar/complete-gar-first-arrival";
import { newPasswordSchema } from "@/lib/use-cases/roster/change-required-password";
import { identitySchema } from "@/lib/use-cases/roster/learner-identity";
import { pupilAccountSchema } from "@/lib/use-cases/roster/sign-up-and-reconcile";

/** zod's default (English) messages all start like this. */
const ENGLISH_DEFAULT = /^(Invalid|Too (big|small)|Unrecognized|Expected|Required)\b/;

type FormSchema = { name: string; schema: z.ZodType; valid: Record<string, string>; check?: (output: unknown) => void };

const FORMS: FormSchema[] = [
  {
    name: "campaignCreationSchema",
    schema: campaignCreationSchema,
    valid: { name: "4e B", type: "ASSESSMENT", targetProfileId: "tp-competence-4-1", askExternalId: "no", title: "Sécurité", landingText: "Bonjour", ownerId: "3", multipleSendings: "no" },
    check: (output) => {
      const campaign = output as { name: string; title: string | null; landingText: string | null; ownerId: number };
      expect(campaign.name.length).toBeGreaterThan(0);
      expect(campaign.name.length).toBeLessThanOrEqual(255);
      expect((campaign.title ?? "").length).toBeLessThanOrEqual(TITLE_MAX);
      expect((campaign.landingText ?? "").length).toBeLessThanOrEqual(LANDING_TEXT_MAX);
      expect(Number.isSafeInteger(campaign.ownerId) && campaign.ownerId > 0).toBe(true);
    },
  },
  {
    name: "campaignUpdateSchema",
    schema: campaignUpdateSchema,
    valid: { name: "4e B", title: "Sécurité", landingText: "Bonjour", ownerId: "3" },
    check: (output) => expect(Number.isSafeInteger((output as { ownerId: number }).ownerId)).toBe(true),
  },
  { name: "signUpSchema", schema: signUpSchema, valid: { firstName: "Léa", lastName: "Dupont", email: "lea@example.org", password: "Un-mot-de-passe-2026!", acceptTerms: "on" } },
  {
    name: "identitySchema",
    schema: identitySchema,
    valid: { firstName: "Léa", lastName: "Dupont", birthDay: "01", birthMonth: "12", birthYear: "2011" },
    check: (output) => expect((output as { birthdate: string }).birthdate).toMatch(/^\d{4}-\d{2}-\d{2}$/),
  },
  { name: "pupilAccountSchema", schema: pupilAccountSchema, valid: { method: "username", email: "", password: "Un-mot-de-passe-2026!", acceptTerms: "on" } },
  { name: "newPasswordSchema", schema: newPasswordSchema, valid: { password: "Un-mot-de-passe-2026!", confirmation: "Un-mot-de-passe-2026!" } },
  { name: "garBirthdateSchema", schema: garBirthdateSchema, valid: { birthDay: "01", birthMonth: "12", birthYear: "2011" }, check: (output) => expect(output).toMatch(/^\d{4}-\d{2}-\d{2}$/) },
];

const hostileText = fc.oneof(
  fc.constantFrom("", " ", "0", "-1", "1e309", "NaN", "99999999999999999999", "29", "02", "2011", "yes", "on", "ASSESSMENT", "email", "\u0000", "\ud800", "a".repeat(300), "é".repeat(6000)),
  fc.string({ maxLength: 80 }),
  fc.string({ unit: "binary", maxLength: 80 }),
);
/** What a form field can hold: text, or a file (a field turned into an upload by a handcrafted request). */
const fieldValue = fc.oneof({ weight: 5, arbitrary: hostileText }, { weight: 1, arbitrary: hostileText.map((text) => new File([text], "champ.txt")) });

/** A real form with some fields changed, dropped, or added. */
function mutatedForm(valid: Record<string, string>) {
  const names = Object.keys(valid);
  return fc
    .record({
      changes: fc.dictionary(fc.constantFrom(...names), fc.option(fieldValue, { nil: undefined }), { maxKeys: names.length }),
      extra: fc.dictionary(fc.string({ maxLength: 10 }), fieldValue, { maxKeys: 2 }),
    })
    .map(({ changes, extra }) => {
      const form: Record<string, unknown> = { ...extra, ...valid };
      for (const [name, value] of Object.entries(changes)) {
        if (value === undefined) delete form[name];
        else form[name] = value;
      }
      return form;
    });
}

/** Anything at all: not even an object, or an object of random fields. */
const anyInput = fc.oneof(fc.anything(), fc.dictionary(fc.string({ maxLength: 12 }), fieldValue));

function assertParsesSafely(form: FormSchema, input: unknown) {
  const started = performance.now();
  const result = form.schema.safeParse(input);
  // Time-boxed: a parse is a handful of checks (well under a millisecond); a regular expression gone quadratic would
  // show here. Generous, for a busy machine.
  expect(performance.now() - started).toBeLessThan(2_000);
  if (result.success) {
    form.check?.(result.data);
    return;
  }
  for (const issue of result.error.issues) {
    expect(issue.message, `${form.name} : message « ${issue.message} » (${issue.code}, ${issue.path.join(".")})`).not.toMatch(ENGLISH_DEFAULT);
    expect(issue.message.length).toBeGreaterThan(0);
  }
}

describe("form schemas under fuzzing: a French refusal or a value within limits, never an exception", { timeout: 120_000 }, () => {
  for (const form of FORMS) {
    it(`${form.name}: the real form accepted as it is`, () => {
      expect(form.schema.safeParse(form.valid).success).toBe(true);
    });

    it(`${form.name}: mutated real forms`, () => {
      fc.assert(fc.property(mutatedForm(form.valid), (input) => assertParsesSafely(form, input)), { seed: 42, numRuns: 400 });
    });

    it(`${form.name}: anything at all`, () => {
      fc.assert(fc.property(anyInput, (input) => assertParsesSafely(form, input)), { seed: 43, numRuns: 200 });
    });
  }
});
