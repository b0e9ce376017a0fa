import { describe, expect, it } from "vitest";
import { knowledgeElementsForAnswer } from "@/lib/domain/assessment/knowledge-elements-for-answer";
import { ke, skill, tube } from "../../support/engine-builders";

const tubeA = tube("a", 5);
const tubeB = tube("b", 4);
const targetSkills = [...tubeA, ...tubeB];
const a = (level: number) => tubeA[level - 1];

describe("knowledgeElementsForAnswer", () => {
  it("a success validates the skill and infers the easier skills of its tube", () => {
    expect(knowledgeElementsForAnswer({ answeredSkill: a(3), result: "OK", targetSkills, alreadyKnownSkillIds: [] })).toEqual([
      ke("a-3", "VALIDATED", "DIRECT"),
      ke("a-1", "VALIDATED", "INFERRED"),
      ke("a-2", "VALIDATED", "INFERRED"),
    ]);
  });

  it("a failure invalidates the skill and infers the harder skills of its tube", () => {
    expect(knowledgeElementsForAnswer({ answeredSkill: a(3), result: "KO", targetSkills, alreadyKnownSkillIds: [] })).toEqual([
      ke("a-3", "INVALIDATED", "DIRECT"),
      ke("a-4", "INVALIDATED", "INFERRED"),
      ke("a-5", "INVALIDATED", "INFERRED"),
    ]);
  });

  it("treats 'Je passe' and a time-out as failures", () => {
    for (const result of ["ABAND", "TIMEDOUT"] as const) {
      const elements = knowledgeElementsForAnswer({ answeredSkill: a(4), result, targetSkills, alreadyKnownSkillIds: [] });
      expect(elements.map((element) => element.status)).toEqual(["INVALIDATED", "INVALIDATED"]);
    }
  });

  it("never infers across tubes", () => {
    const elements = knowledgeElementsForAnswer({ answeredSkill: a(5), result: "OK", targetSkills, alreadyKnownSkillIds: [] });
    expect(elements.every((element) => element.skillId.startsWith("a-"))).toBe(true);
    expect(elements).toHaveLength(5);
  });

  it("only writes target skills", () => {
    const capped = [...tube("a", [1, 2, 3]), ...tubeB];
    expect(knowledgeElementsForAnswer({ answeredSkill: a(2), result: "KO", targetSkills: capped, alreadyKnownSkillIds: [] })).toEqual([
      ke("a-2", "INVALIDATED", "DIRECT"),
      ke("a-3", "INVALIDATED", "INFERRED"),
    ]);
    const outside = skill("c", 2);
    expect(knowledgeElementsForAnswer({ answeredSkill: outside, result: "OK", targetSkills, alreadyKnownSkillIds: [] })).toEqual([]);
  });

  it("keeps what is already known (reused profile or earlier answer) untouched", () => {
    const known = ["a-1", "a-5"];
    expect(knowledgeElementsForAnswer({ answeredSkill: a(3), result: "OK", targetSkills, alreadyKnownSkillIds: known })).toEqual([
      ke("a-3", "VALIDATED", "DIRECT"),
      ke("a-2", "VALIDATED", "INFERRED"),
    ]);
    expect(knowledgeElementsForAnswer({ answeredSkill: a(3), result: "KO", targetSkills, alreadyKnownSkillIds: known })).toEqual([
      ke("a-3", "INVALIDATED", "DIRECT"),
      ke("a-4", "INVALIDATED", "INFERRED"),
    ]);
  });

  it("writes nothing when the answered skill is already known", () => {
    expect(knowledgeElementsForAnswer({ answeredSkill: a(3), result: "OK", targetSkills, alreadyKnownSkillIds: new Set(["a-3"]) })).toEqual([]);
  });
});
