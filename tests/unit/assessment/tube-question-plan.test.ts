import { describe, expect, it } from "vitest";
import { planTubeQuestion } from "@/lib/domain/assessment/tube-question-plan";

const levels = [1, 2, 3, 4, 5, 6, 7];
const plan = (overrides: Partial<Parameters<typeof planTubeQuestion>[0]> = {}) =>
  planTubeQuestion({ levels, first: 1, last: 7, predictedLevel: 4, errorCost: 5, isAskable: () => true, ...overrides });

describe("planTubeQuestion", () => {
  it("starts near the middle of an untested tube, around the predicted level", () => {
    const position = plan()!.position;
    expect(position).toBeGreaterThanOrEqual(3);
    expect(position).toBeLessThanOrEqual(5);
  });

  it("moves with the predicted level", () => {
    expect(plan({ predictedLevel: 1.5 })!.position).toBeLessThan(plan({ predictedLevel: 6 })!.position);
  });

  it("only plans within the untested run and on askable skills", () => {
    const inRun = plan({ first: 5, last: 6 })!.position;
    expect([5, 6]).toContain(inRun);
    expect(plan({ isAskable: (position) => position !== 4 && position !== 3 })!.position).not.toBe(4);
  });

  it("stops when an error is cheap compared with a question", () => {
    expect(plan({ errorCost: 0.1 })).toBeNull();
    expect(plan({ first: 8, last: 7 })).toBeNull();
  });

  it("costs at least the question it asks", () => {
    expect(plan()!.expectedCost).toBeGreaterThanOrEqual(1);
  });
});
