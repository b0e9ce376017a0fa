import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  THEORETICAL_MAX_PIX,
  latestKnowledgeElementPerSkill,
  pixByCompetence,
  pixProfile,
  profileFromCompetencePix,
  type ScoredKnowledgeElement,
} from "@/lib/domain/scoring/pix-profile";

let skillSequence = 0;
function validated(competenceId: string, earnedPix: number): ScoredKnowledgeElement {
  return { skillId: `skill-${++skillSequence}`, competenceId, status: "VALIDATED", earnedPix };
}

describe("pix profile", () => {
  it("floors the pix of a competence, level = floor(pix / 8)", () => {
    const profile = pixProfile([validated("c1", 7.9), validated("c1", 8)]);
    expect(profile.competences).toEqual([{ competenceId: "c1", pix: 15, level: 1 }]);
  });

  it("makes three skills worth 8/3 a full level despite floating point", () => {
    const third = 8 / 3;
    const profile = pixProfile([validated("c1", third), validated("c1", third), validated("c1", third)]);
    expect(profile.competences[0]).toEqual({ competenceId: "c1", pix: 8, level: 1 });
  });

  it("caps a competence at the max reachable level (5 by default, 40 pix)", () => {
    const elements = Array.from({ length: 7 }, () => validated("c1", 8));
    expect(pixProfile(elements).competences[0]).toEqual({ competenceId: "c1", pix: 40, level: 5 });
    expect(pixProfile(elements, { maxReachableLevel: 6 }).competences[0]).toEqual({ competenceId: "c1", pix: 48, level: 6 });
  });

  it("counts only validated skills", () => {
    const failed: ScoredKnowledgeElement = { skillId: "x", competenceId: "c1", status: "INVALIDATED", earnedPix: 4 };
    expect(pixProfile([failed, validated("c1", 4)]).totalPix).toBe(4);
  });

  it("lists every requested competence, in order, even without knowledge", () => {
    const profile = pixProfile([validated("c2", 9)], { competenceIds: ["c1", "c2", "c3"] });
    expect(profile.competences).toEqual([
      { competenceId: "c1", pix: 0, level: 0 },
      { competenceId: "c2", pix: 9, level: 1 },
      { competenceId: "c3", pix: 0, level: 0 },
    ]);
    expect(profile.totalPix).toBe(9);
  });

  it("is certifiable with level 1 in at least 5 competences", () => {
    const four = ["c1", "c2", "c3", "c4"].map((c) => validated(c, 8));
    expect(pixProfile(four)).toMatchObject({ certifiableCompetencesCount: 4, isCertifiable: false });
    expect(pixProfile([...four, validated("c5", 8)])).toMatchObject({ certifiableCompetencesCount: 5, isCertifiable: true });
    expect(pixProfile([...four, validated("c5", 7.99)]).isCertifiable).toBe(false);
  });

  it("sums competences into the total, out of a theoretical 1024", () => {
    expect(pixProfile([validated("c1", 12), validated("c2", 30.5)]).totalPix).toBe(42);
    expect(THEORETICAL_MAX_PIX).toBe(1024);
  });

  it("refuses several elements of one skill", () => {
    const element = validated("c1", 1);
    expect(() => pixProfile([element, element])).toThrow();
  });
});

describe("latest knowledge element per skill", () => {
  const at = (iso: string) => new Date(iso);
  it("keeps the newest and drops resets", () => {
    const elements = [
      { skillId: "a", status: "VALIDATED" as const, createdAt: at("2026-01-01") },
      { skillId: "a", status: "INVALIDATED" as const, createdAt: at("2026-02-01") },
      { skillId: "b", status: "VALIDATED" as const, createdAt: at("2026-01-01") },
      { skillId: "b", status: "RESET" as const, createdAt: at("2026-03-01") },
      { skillId: "c", status: "INVALIDATED" as const, createdAt: at("2026-03-01") },
      { skillId: "c", status: "VALIDATED" as const, createdAt: at("2026-01-01") },
    ];
    expect(latestKnowledgeElementPerSkill(elements).map((e) => [e.skillId, e.status])).toEqual([
      ["a", "INVALIDATED"],
      ["c", "INVALIDATED"],
    ]);
  });
});

describe("profile from the pix kept at sharing", () => {
  it("is the profile of the snapshot: same pix, levels, total and certifiability (property)", () => {
    const competenceIds = Array.from({ length: 16 }, (_, i) => `comp-${i}`);
    const element = fc.record({
      competenceId: fc.constantFrom(...competenceIds),
      status: fc.constantFrom<"VALIDATED" | "INVALIDATED">("VALIDATED", "INVALIDATED"),
      earnedPix: fc.oneof(fc.integer({ min: 0, max: 8 }), fc.double({ min: 0, max: 8, noNaN: true })),
    });
    fc.assert(
      fc.property(fc.array(element, { maxLength: 120 }), fc.integer({ min: 1, max: 8 }), (elements, maxReachableLevel) => {
        const latest = elements.map((e, i) => ({ ...e, skillId: `skill-${i}` }));
        const fromSnapshot = pixProfile(latest, { competenceIds, maxReachableLevel });
        expect(profileFromCompetencePix(pixByCompetence(fromSnapshot), { competenceIds, maxReachableLevel })).toEqual(fromSnapshot);
      }),
    );
  });

  it("reports a competence missing from the kept pix at level 0", () => {
    expect(profileFromCompetencePix({ "comp-1-1": 17 }, { competenceIds: ["comp-1-1", "comp-2-1"] })).toEqual({
      competences: [{ competenceId: "comp-1-1", pix: 17, level: 2 }, { competenceId: "comp-2-1", pix: 0, level: 0 }],
      totalPix: 17,
      certifiableCompetencesCount: 1,
      isCertifiable: false,
    });
  });
});
