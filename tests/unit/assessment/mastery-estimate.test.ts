import { describe, expect, it } from "vitest";
import { masteryEstimate } from "@/lib/domain/assessment/mastery-estimate";
import { progression } from "@/lib/domain/assessment/progression";
import { ke, tube } from "../../support/engine-builders";

const targetSkills = [...tube("a", 5), ...tube("b", 5)];

describe("masteryEstimate", () => {
  it("counts validated, untested and the range the untested skills leave open", () => {
    const estimate = masteryEstimate({
      targetSkills,
      knowledgeElements: [ke("a-2"), ke("a-1", "VALIDATED", "INFERRED"), ke("a-3", "INVALIDATED"), ke("b-1"), ke("x-9")],
    });
    expect(estimate).toMatchObject({ validatedCount: 3, totalCount: 10, untestedCount: 6, masteryRate: 0.3 });
    expect(estimate.masteryRange).toEqual({ low: 0.3, high: 0.9 });
  });

  it("reads the latest element of a skill only", () => {
    const estimate = masteryEstimate({ targetSkills, knowledgeElements: [ke("a-1", "INVALIDATED"), ke("a-1", "VALIDATED")] });
    expect(estimate.validatedCount).toBe(1);
  });

  it("is zero, with the widest range, before any answer", () => {
    const estimate = masteryEstimate({ targetSkills, knowledgeElements: [] });
    expect(estimate.masteryRate).toBe(0);
    expect(estimate.masteryRange).toEqual({ low: 0, high: 1 });
  });

  it("is 0 for an empty target profile (no division by zero)", () => {
    expect(masteryEstimate({ targetSkills: [], knowledgeElements: [] }).masteryRate).toBe(0);
  });

  it("grows more certain of the level as direct answers accumulate", () => {
    const few = masteryEstimate({ targetSkills, knowledgeElements: [ke("a-3"), ke("b-4", "INVALIDATED")] });
    const many = masteryEstimate({
      targetSkills,
      knowledgeElements: [ke("a-2"), ke("a-3"), ke("a-4", "INVALIDATED"), ke("b-2"), ke("b-3"), ke("b-4", "INVALIDATED")],
    });
    expect(many.levelStandardError).toBeLessThan(few.levelStandardError);
    expect(few.levelStandardError).toBeLessThan(masteryEstimate({ targetSkills, knowledgeElements: [] }).levelStandardError);
  });

  it("places the level between what was passed and what was failed, ignoring inferred elements", () => {
    const direct = [ke("a-2"), ke("a-3"), ke("a-4", "INVALIDATED"), ke("b-3"), ke("b-4", "INVALIDATED")];
    const estimate = masteryEstimate({ targetSkills, knowledgeElements: direct });
    expect(estimate.levelEstimate).toBeGreaterThanOrEqual(3);
    expect(estimate.levelEstimate).toBeLessThanOrEqual(4);
    const withInferred = masteryEstimate({ targetSkills, knowledgeElements: [...direct, ke("a-5", "INVALIDATED", "INFERRED")] });
    expect(withInferred.levelEstimate).toBe(estimate.levelEstimate);
  });
});

describe("progression", () => {
  it("is the share of target skills assessed, then 1 once completed", () => {
    const knowledgeElements = [ke("a-1"), ke("a-2", "INVALIDATED", "INFERRED"), ke("x-1")];
    expect(progression({ targetSkills, knowledgeElements, isCompleted: false })).toBe(0.2);
    expect(progression({ targetSkills, knowledgeElements, isCompleted: true })).toBe(1);
    expect(progression({ targetSkills: [], knowledgeElements, isCompleted: false })).toBe(0);
  });

  it("does not count a skill an earlier test only guessed (MODEL element) as assessed", () => {
    const knowledgeElements = [ke("a-1"), ke("a-2", "VALIDATED", "MODEL"), ke("b-1", "INVALIDATED", "MODEL")];
    expect(progression({ targetSkills, knowledgeElements, isCompleted: false })).toBe(0.1);
  });
});
