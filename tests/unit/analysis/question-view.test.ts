import { describe, expect, it } from "vitest";
import { parsePage, parseQuestionSort, questionRows, questionView, QUESTIONS_PER_PAGE } from "@/lib/domain/analysis/question-view";

const qcu = (id: string, solution: number) => ({ id, type: "QCU", instruction: `Consigne ${id}`, correction: `Parce que ${id}.`, proposals: ["Oui", "Non", "Peut-être"], solution });
const context = (id: string, tubeId: string, level: number, content: unknown = qcu(id, 2)) => ({ id, content, level, tubeId, tubeTitle: `Sujet ${tubeId}`, competenceIndex: tubeId === "t1" ? "1.1" : "2.1", competenceName: "C", areaColor: "#000" });

describe("the « Questions » view", () => {
  const counts = [
    { challengeId: "a", met: 10, successes: 9 },
    { challengeId: "b", met: 4, successes: 1 },
    { challengeId: "c", met: 5, successes: 5 },
    { challengeId: "gone", met: 3, successes: 1 },
  ];
  const contexts = [context("a", "t2", 1), context("b", "t1", 3), context("c", "t1", 2), context("gone", "t1", 1, { type: "QCU", broken: true })];
  const rows = questionRows(counts, contexts);

  it("gives each question its rate, its proposals in the author's order with the key marked, and leaves out a challenge whose content no longer reads", () => {
    expect(rows.map((r) => [r.challengeId, r.successPercent])).toEqual([["a", 90], ["b", 25], ["c", 100]]);
    expect(rows[0].proposals).toEqual([{ text: "Oui", isKey: false }, { text: "Non", isKey: true }, { text: "Peut-être", isKey: false }]);
    expect(rows[0]).toMatchObject({ instruction: "Consigne a", correction: "Parce que a.", expected: null });
  });

  it("groups by subject in competence order, by level inside a subject, with the subject's own rate", () => {
    const view = questionView(rows, "sujet", 1);
    if (view.sort !== "sujet") throw new Error("grouped view expected");
    expect(view.subjects.map((s) => [s.tubeId, s.questions.map((q) => q.challengeId), s.successes, s.met])).toEqual([["t1", ["c", "b"], 6, 9], ["t2", ["a"], 9, 10]]);
  });

  it("sorts by success rate both ways and pages the list", () => {
    const up = questionView(rows, "reussite-croissante", 1);
    const down = questionView(rows, "reussite-decroissante", 1);
    if (up.sort === "sujet" || down.sort === "sujet") throw new Error("list expected");
    expect(up.questions.map((q) => q.challengeId)).toEqual(["b", "a", "c"]);
    expect(down.questions.map((q) => q.challengeId)).toEqual(["c", "a", "b"]);
    const many = Array.from({ length: QUESTIONS_PER_PAGE + 5 }, (_, i) => ({ ...rows[0], challengeId: `q${i}`, successes: i % 10, met: 10 }));
    const last = questionView(many, "reussite-croissante", 99);
    if (last.sort === "sujet") throw new Error("list expected");
    expect([last.page, last.pages, last.questions.length]).toEqual([2, 2, 5]);
  });

  it("reads the address's parameters, anything else falling back to the defaults", () => {
    expect(parseQuestionSort("reussite-decroissante")).toBe("reussite-decroissante");
    expect(parseQuestionSort("'; DROP")).toBe("sujet");
    expect([parsePage("3"), parsePage("0"), parsePage("-1"), parsePage("abc"), parsePage(undefined)]).toEqual([3, 1, 1, 1, 1]);
  });
});
