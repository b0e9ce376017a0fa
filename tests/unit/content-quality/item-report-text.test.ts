import { describe, expect, it } from "vitest";
import type { ItemStatistics } from "@/lib/domain/assessment/calibration/item-statistics";
import { count, listHeading, methodLine, optionsLine, reportsLine, statisticsLine, summaryLine } from "@/lib/domain/content-quality/item-report-text";

const stats = (changes: Partial<ItemStatistics>): ItemStatistics => ({
  challengeId: "rec1", skillId: "s1", attempts: 1, successes: 1, successRate: 1, skips: 0, skipRate: 0, timeouts: 0, medianTimeSeconds: 12,
  discrimination: null, level: null, effectiveLevel: null, expectedSuccessRate: null, options: null, flags: [], severity: 0, ...changes,
});

describe("content:item-report's words", () => {
  it("says « 1 réponse », « 0 réponse », « 2 réponses » (French: singular below 2)", () => {
    expect(count(0, "réponse", "réponses")).toBe("0 réponse");
    expect(count(1, "réponse", "réponses")).toBe("1 réponse");
    expect(count(2, "réponse", "réponses")).toBe("2 réponses");
  });

  it("has no « 1 réponses » anywhere in a report of one answer, one test, one report", () => {
    const lines = [
      summaryLine({ tests: 1, answers: 1, repeatedAnswers: 1, questions: 1, reports: 1, reportedQuestions: 1 }),
      methodLine(1),
      listHeading(1, 1),
      listHeading(3, 1),
      statisticsLine(stats({})),
      optionsLine([{ option: 1, isKey: true, chosen: 1, share: 1, meanLevel: 2 }, { option: 2, isKey: false, chosen: 0, share: 0, meanLevel: null }]),
      reportsLine([["Autre", 1]]),
    ].join("\n");
    expect(lines).not.toMatch(/\b[01] (réponses|tests|questions|signalements|réussites|choisies)\b/);
    expect(lines).toContain("1 test terminé, 1 réponse (dont 1 réponse répétée d'un même élève, écartée), 1 question répondue ; 1 signalement d'élèves sur 1 question.");
    expect(lines).toContain("Aucun signal avant 1 réponse.");
    expect(lines).toContain("3 questions à examiner (la première) :");
    expect(lines).toContain("1 réponse : 100 % de réussite");
    expect(lines).toContain("Propositions : 1✓ 100 % (1 choix, niveau 2,0) · 2 0 % (0 choix)");
    expect(lines).toContain("1 signalement : 1 « Autre »");
  });

  it("says the plural from 2", () => {
    expect(summaryLine({ tests: 2, answers: 40, repeatedAnswers: 0, questions: 3, reports: 2, reportedQuestions: 2 })).toBe("2 tests terminés, 40 réponses, 3 questions répondues ; 2 signalements d'élèves sur 2 questions.");
    expect(statisticsLine(stats({ attempts: 40, successRate: 0.5, discrimination: 0.25 }))).toMatch(/^40 réponses : 50 % de réussite.*discrimination 0,25$/);
    expect(listHeading(40, 30)).toBe("40 questions à examiner (les 30 premières) :");
  });
});
