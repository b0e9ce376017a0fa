import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { learnersAimedAt, matchLearner, type MatchCandidate } from "@/lib/domain/roster/match-learner";
import { normalizeName } from "@/lib/domain/roster/normalize-name";

const roster: MatchCandidate[] = [
  { id: 1, firstName: "Léa", middleName: "Marie", thirdName: "Éloïse", lastName: "DUPONT", preferredLastName: "MARTIN", birthdate: "2011-12-01" },
  { id: 2, firstName: "Léa", lastName: "DURAND", birthdate: "2011-12-01" },
  { id: 3, firstName: "Léa", lastName: "DUPONT", birthdate: "2011-12-02" },
  { id: 4, firstName: "Jean-Éric", lastName: "D'ARTAGNAN", birthdate: "2012-05-05" },
  { id: 5, firstName: "Maximilien", lastName: "ROBESPIERRE", birthdate: "2012-05-06" },
];

const typed = (firstName: string, lastName: string, birthdate = "2011-12-01") => matchLearner({ firstName, lastName, birthdate }, roster);

describe("normalizeName", () => {
  it("trims, lowercases, strips accents, spaces and punctuation, spells out ligatures", () => {
    expect(normalizeName("  Jean-Éric ")).toBe("jeaneric");
    expect(normalizeName("D'Artagnan")).toBe("dartagnan");
    expect(normalizeName("LE GALL")).toBe("legall");
    expect(normalizeName("Lecœur")).toBe("lecoeur");
    expect(normalizeName("N’Diaye")).toBe("ndiaye");
  });

  it("is idempotent and never produces upper case, spaces or punctuation", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (name) => {
        const once = normalizeName(name);
        expect(normalizeName(once)).toBe(once);
        expect(once).not.toMatch(/[\s\p{P}A-Z]/u);
      }),
    );
    // ~0.9 s alone (Unicode-property regexes over 100 binary strings); 9 s measured while a build ran beside it.
  }, 30_000);
});

describe("matchLearner", () => {
  it("matches exactly, whatever the case and accents", () => {
    expect(typed("lea", "dupont")).toEqual({ kind: "MATCH", learnerId: 1 });
    expect(typed("JEAN ERIC", "dartagnan", "2012-05-05")).toEqual({ kind: "MATCH", learnerId: 4 });
  });

  it("only considers learners born on exactly the typed date", () => {
    expect(typed("Léa", "Dupont", "2011-12-02")).toEqual({ kind: "MATCH", learnerId: 3 });
    expect(typed("Léa", "Dupont", "2011-12-03")).toEqual({ kind: "NO_MATCH" });
  });

  it("accepts the usage name and the second or third first name", () => {
    expect(typed("Léa", "Martin")).toEqual({ kind: "MATCH", learnerId: 1 });
    expect(typed("Marie", "Dupont")).toEqual({ kind: "MATCH", learnerId: 1 });
    expect(typed("Eloise", "Martin")).toEqual({ kind: "MATCH", learnerId: 1 });
    expect(typed("Marie", "Durand")).toEqual({ kind: "NO_MATCH" });
  });

  it("tolerates typos up to 25 % of the typed length", () => {
    expect(typed("Maximilen", "Robespiere", "2012-05-06")).toEqual({ kind: "MATCH", learnerId: 5 }); // 1/9 and 1/10
    expect(typed("Maxmln", "Robespierre", "2012-05-06")).toEqual({ kind: "NO_MATCH" }); // 4/6
    expect(typed("Lea", "Dupond")).toEqual({ kind: "MATCH", learnerId: 1 }); // 1/6 = 17 %
    expect(typed("Jean", "DArtagnan", "2012-05-05")).toEqual({ kind: "NO_MATCH" }); // jean vs jeaneric: 4/4
  });

  it("prefers the exact match to a tolerant one", () => {
    // "Bernard" is exact for learner 10 and one letter away from learner 11 (1/7, within the tolerance).
    const twins: MatchCandidate[] = [
      { id: 10, firstName: "Lou", lastName: "BERNARD", birthdate: "2012-01-01" },
      { id: 11, firstName: "Lou", lastName: "BERNARDI", birthdate: "2012-01-01" },
    ];
    expect(matchLearner({ firstName: "Lou", lastName: "Bernard", birthdate: "2012-01-01" }, twins)).toEqual({ kind: "MATCH", learnerId: 10 });
  });

  it("is ambiguous when a pass finds several learners, and never guesses", () => {
    const twins: MatchCandidate[] = [
      { id: 10, firstName: "Lou", lastName: "BERNARD", birthdate: "2012-01-01" },
      { id: 11, firstName: "Lou", lastName: "BERNARD", birthdate: "2012-01-01" },
      { id: 12, firstName: "Léo", lastName: "BERNARDE", birthdate: "2012-01-02" },
      { id: 13, firstName: "Léo", lastName: "BERNARDI", birthdate: "2012-01-02" },
    ];
    expect(matchLearner({ firstName: "Lou", lastName: "Bernard", birthdate: "2012-01-01" }, twins)).toEqual({ kind: "AMBIGUOUS" });
    expect(matchLearner({ firstName: "Leo", lastName: "Bernardo", birthdate: "2012-01-02" }, twins)).toEqual({ kind: "AMBIGUOUS" });
  });

  it("never matches empty names", () => {
    expect(typed(" - ", "Dupont")).toEqual({ kind: "NO_MATCH" });
    expect(matchLearner({ firstName: "", lastName: "", birthdate: "2012-01-01" }, [{ id: 1, firstName: "", lastName: "", birthdate: "2012-01-01" }])).toEqual({
      kind: "NO_MATCH",
    });
  });
});

describe("learnersAimedAt", () => {
  it("names every entry a typed name would match on some birthdate, typos included", () => {
    expect(learnersAimedAt({ firstName: "Lea", lastName: "Dupond" }, roster).sort()).toEqual([1, 3]);
    expect(learnersAimedAt({ firstName: "Marie", lastName: "Martin" }, roster)).toEqual([1]);
    expect(learnersAimedAt({ firstName: "Jean Eric", lastName: "dartagnan" }, roster)).toEqual([4]);
    expect(learnersAimedAt({ firstName: "Zoé", lastName: "Inconnue" }, roster)).toEqual([]);
    expect(learnersAimedAt({ firstName: "--", lastName: "Dupont" }, roster)).toEqual([]);
  });

  it("contains the entry matchLearner finds, whatever the spelling", () => {
    fc.assert(
      fc.property(fc.constantFrom(...roster), fc.constantFrom("", "e", "x"), (candidate, typo) => {
        const typed = { firstName: candidate.firstName, lastName: candidate.lastName + typo, birthdate: candidate.birthdate };
        const result = matchLearner(typed, roster);
        if (result.kind === "MATCH") expect(learnersAimedAt(typed, roster)).toContain(result.learnerId);
      }),
    );
  });
});
