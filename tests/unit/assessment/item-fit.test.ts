import { describe, expect, it } from "vitest";
import type { CalibrationPupil } from "@/lib/domain/assessment/calibration/calibration-pupils";
import { itemFit } from "@/lib/domain/assessment/calibration/item-fit";
import { ENGINE_PARAMETERS } from "@/lib/domain/assessment/engine-parameters";
import { tube } from "../../support/engine-builders";
import { modelPupil, seededStream } from "../../support/model-pupils";

describe("itemFit", () => {
  it("flags a challenge much harder than its level and one much easier, and leaves the others alone", { timeout: 60_000 }, () => {
    const targetSkills = Array.from({ length: 6 }, (_, t) => tube(`t${t}`, 6)).flat();
    // Two challenges per skill; t0-2-c0 behaves as a level-5 question, t1-5-c1 as a level-1 question.
    const behavesAs: Record<string, number> = { "t0-2-c0": 5, "t1-5-c1": 1 };
    const random = seededStream(42);
    const pupils: CalibrationPupil[] = Array.from({ length: 500 }, () => {
      const pupil = modelPupil(targetSkills, ENGINE_PARAMETERS, random);
      return {
        targetSkills,
        answers: Array.from({ length: 16 }, () => {
          const skill = targetSkills[Math.floor(random.next() * targetSkills.length)];
          const challengeId = `${skill.id}-c${random.next() < 0.5 ? 0 : 1}`;
          return { challengeId, skillId: skill.id, isSuccess: pupil.answers(skill, behavesAs[challengeId]) };
        }),
      };
    });
    const fits = itemFit({ pupils, parameters: ENGINE_PARAMETERS });
    const flagged = fits.filter((fit) => fit.flag !== null);
    expect(fits.find((fit) => fit.challengeId === "t0-2-c0")).toMatchObject({ flag: "TROP_DIFFICILE", level: 2 });
    expect(fits.find((fit) => fit.challengeId === "t1-5-c1")).toMatchObject({ flag: "TROP_FACILE", level: 5 });
    expect(fits.find((fit) => fit.challengeId === "t0-2-c0")!.effectiveLevel).toBeGreaterThan(4);
    expect(flagged.slice(0, 2).map((fit) => fit.challengeId).sort()).toEqual(["t0-2-c0", "t1-5-c1"]);
    // 72 challenges answered about 55 times each: the others stay unflagged (a false alarm at most).
    expect(flagged.length).toBeLessThanOrEqual(3);
    expect(fits.find((fit) => fit.challengeId === "t0-2-c0")!.standardisedResidual).toBeLessThan(-3);
  });

  it("judges no challenge before it has enough attempts", () => {
    const targetSkills = tube("a", 4);
    const pupils = [{ targetSkills, answers: [{ challengeId: "a-1-c0", skillId: "a-1", isSuccess: false }] }];
    expect(itemFit({ pupils, parameters: ENGINE_PARAMETERS })[0]).toMatchObject({ attempts: 1, flag: null });
  });
});
