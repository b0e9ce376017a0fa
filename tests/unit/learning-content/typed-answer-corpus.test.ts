import { describe, expect, it } from "vitest";
import { readContentFiles } from "@/lib/content-source/read-content-files";
import { competenceFileSchema, type ChallengeSource } from "@/lib/domain/learning-content/schema";
import { corpusFiles, corpusRates, describeVerdict, runCorpus } from "../../support/typed-answer-corpus";

/**
 * The checker's fairness, measured on answers pupils really type (tests/fixtures/typed-answers/, written before
 * the checker was run on them): at most 3 % of right answers refused, no wrong answer accepted.
 */
const MAX_FALSE_REJECTION_SHARE = 0.03;

// Parsed, not validated: content:check and content-files.test.ts validate the files.
const { raw } = readContentFiles();
const competences = raw.competences.flatMap(({ data }) => {
  const parsed = competenceFileSchema.safeParse(data);
  return parsed.success ? [parsed.data] : [];
});
const challenges = new Map<string, ChallengeSource>(
  competences.flatMap((c) => c.tubes.flatMap((t) => t.skills.flatMap((s) => s.challenges.map((ch) => [ch.id, ch] as const)))),
);
const { verdicts, problems } = runCorpus(challenges);

describe("typed-answer corpus through the real checker", () => {
  it("has corpus files, each entry naming a QROC/QROCM of the bank with its field keys", () => {
    expect(corpusFiles().length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it(`refuses at most ${MAX_FALSE_REJECTION_SHARE * 100} % of the right answers and accepts no wrong one`, () => {
    for (const file of corpusFiles()) {
      const rates = corpusRates(verdicts.filter((v) => v.file === file));
      console.log(`${file} : ${rates.falseRejections}/${rates.right} bonnes réponses refusées, ${rates.falseAcceptances}/${rates.wrong} mauvaises acceptées`);
    }
    const total = corpusRates(verdicts);
    const share = total.falseRejections / Math.max(1, total.right);
    console.log(`Total : ${total.falseRejections}/${total.right} refusées à tort (${(share * 100).toFixed(1)} %), ${total.falseAcceptances}/${total.wrong} acceptées à tort`);
    const failing = verdicts.filter((v) => v.accepted !== (v.expected === "right")).map(describeVerdict);
    if (failing.length > 0) console.log(failing.join("\n"));
    expect(verdicts.filter((v) => v.expected === "wrong" && v.accepted).map(describeVerdict)).toEqual([]);
    expect(share).toBeLessThanOrEqual(MAX_FALSE_REJECTION_SHARE);
  });
});
