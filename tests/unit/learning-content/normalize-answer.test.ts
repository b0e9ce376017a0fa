import { describe, expect, it } from "vitest";
import { applyT1, applyT2, textMatches } from "@/lib/domain/learning-content/normalize-answer";
import { parseFrenchNumber } from "@/lib/domain/learning-content/number-answer";

describe("answer normalisation", () => {
  it("t1 removes case, accents and every space", () => {
    expect(applyT1(" Élève  Ça VA ")).toBe("elevecava");
  });

  it("t2 removes punctuation but keeps meaningful symbols", () => {
    expect(applyT2("a.b,c;d:e!f?g'h\"(i)")).toBe("abcdefghi");
    expect(applyT2("50 € @ 10 %")).toBe("50 € @ 10 %");
  });

  it("t3 tolerates up to 25 % of the expected length, never on short words", () => {
    expect(textMatches("ordinateur", "ordinatuer", ["t1", "t3"])).toBe(true); // 2 edits on 10 letters
    expect(textMatches("ordinxxxur", "ordinateur", ["t1", "t3"])).toBe(false); // 3 edits on 10 letters
    expect(textMatches("cle", "clé", ["t3"])).toBe(false); // 1 edit on 3 letters: floor(0.75) = 0
  });

  it("parses French numbers", () => {
    expect(parseFrenchNumber("1 234,5")).toBe(1234.5);
    expect(parseFrenchNumber("-3")).toBe(-3);
    expect(parseFrenchNumber("12abc")).toBeNull();
    expect(parseFrenchNumber("")).toBeNull();
  });
});
