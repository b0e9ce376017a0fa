import { describe, expect, it } from "vitest";
import { knowledgeElementsForRecheck } from "@/lib/domain/assessment/knowledge-elements-for-recheck";
import { latestKnowledgeElementBySkillId } from "@/lib/domain/assessment/latest-knowledge-elements";
import { knowledgeElementsFromPosterior } from "@/lib/domain/assessment/model-knowledge-elements";
import type { KnowledgeElementInput } from "@/lib/domain/assessment/types";
import { ke, skill, tube } from "../../support/engine-builders";

const targetSkills = tube("a", 5);
const latest = (elements: KnowledgeElementInput[]) => latestKnowledgeElementBySkillId(elements, targetSkills);

describe("knowledgeElementsForRecheck", () => {
  it("after a slip proved wrong: the skill and the easier untested ones are validated, harder ones keep their state", () => {
    const before = [ke("a-3", "INVALIDATED"), ke("a-4", "INVALIDATED", "INFERRED"), ke("a-5", "INVALIDATED", "INFERRED")];
    expect(knowledgeElementsForRecheck({ answeredSkill: skill("a", 3), result: "OK", targetSkills, latestBySkillId: latest(before) })).toEqual([
      ke("a-3", "VALIDATED"),
      ke("a-1", "VALIDATED", "INFERRED"),
      ke("a-2", "VALIDATED", "INFERRED"),
    ]);
  });

  it("after a lucky guess proved wrong: harder skills are invalidated, an inferred validated one too, direct answers stay", () => {
    const before = [ke("a-4"), ke("a-1"), ke("a-2", "VALIDATED", "INFERRED"), ke("a-3", "VALIDATED", "INFERRED"), ke("a-5", "VALIDATED", "MODEL")];
    expect(knowledgeElementsForRecheck({ answeredSkill: skill("a", 2), result: "ABAND", targetSkills, latestBySkillId: latest(before) })).toEqual([
      ke("a-2", "INVALIDATED"),
      ke("a-3", "INVALIDATED", "INFERRED"),
      ke("a-5", "INVALIDATED", "INFERRED"),
    ]);
  });

  it("writes nothing for a skill outside the campaign", () => {
    expect(knowledgeElementsForRecheck({ answeredSkill: skill("z", 1), result: "OK", targetSkills, latestBySkillId: new Map() })).toEqual([]);
  });
});

describe("knowledgeElementsFromPosterior", () => {
  const probabilities = (values: number[]) => new Map(values.map((p, i) => [`a-${i + 1}`, p]));

  it("validates as many skills as the posterior's median count, the most probable first, writing only changes", () => {
    const posterior = { masteryMedian: 0.6, masteredProbabilityBySkillId: probabilities([0.99, 0.9, 0.55, 0.5, 0.06]) };
    const elements = knowledgeElementsFromPosterior({ targetSkills, knowledgeElements: [ke("a-2"), ke("a-1", "VALIDATED", "INFERRED")], posterior });
    expect(elements).toEqual([ke("a-3", "VALIDATED", "MODEL"), ke("a-4", "INVALIDATED", "MODEL"), ke("a-5", "INVALIDATED", "MODEL")]);
  });

  it("overrides an answer the others contradict: a strong pupil's slip counts as mastered", () => {
    const posterior = { masteryMedian: 0.98, masteredProbabilityBySkillId: probabilities([0.999, 0.97, 0.99, 0.98, 0.96]) };
    const elements = knowledgeElementsFromPosterior({ targetSkills, knowledgeElements: [ke("a-2", "INVALIDATED"), ke("a-3"), ke("a-4"), ke("a-5")], posterior });
    expect(elements).toEqual([ke("a-1", "VALIDATED", "MODEL"), ke("a-2", "VALIDATED", "MODEL")]);
  });

  it("breaks ties on the easier skill and keeps an already validated one", () => {
    const posterior = { masteryMedian: 0.2, masteredProbabilityBySkillId: probabilities([0.2, 0.2, 0.2, 0.2, 0.2]) };
    expect(knowledgeElementsFromPosterior({ targetSkills, knowledgeElements: [], posterior })).toEqual([
      ke("a-1", "VALIDATED", "MODEL"),
      ke("a-2", "INVALIDATED", "MODEL"),
      ke("a-3", "INVALIDATED", "MODEL"),
      ke("a-4", "INVALIDATED", "MODEL"),
      ke("a-5", "INVALIDATED", "MODEL"),
    ]);
    expect(knowledgeElementsFromPosterior({ targetSkills, knowledgeElements: [ke("a-4", "VALIDATED", "INFERRED")], posterior })).toEqual([
      ke("a-1", "INVALIDATED", "MODEL"),
      ke("a-2", "INVALIDATED", "MODEL"),
      ke("a-3", "INVALIDATED", "MODEL"),
      ke("a-5", "INVALIDATED", "MODEL"),
    ]);
  });
});
