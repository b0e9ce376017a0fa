import { describe, expect, it } from "vitest";
import { parseNumberWords } from "@/lib/domain/learning-content/french-number-words";

const parse = (text: string) => parseNumberWords(text.split(/[\s-]+/));

describe("French numbers in words", () => {
  it("reads the numbers pupils write, up to cent and beyond", () => {
    const cases: [string, number][] = [
      ["zero", 0], ["un", 1], ["six", 6], ["dix", 10], ["seize", 16], ["dix-sept", 17], ["vingt", 20], ["vingt et un", 21],
      ["vingt-quatre", 24], ["trente-neuf", 39], ["soixante-dix", 70], ["soixante et onze", 71], ["soixante-douze", 72],
      ["quatre-vingts", 80], ["quatre-vingt-un", 81], ["quatre-vingt-dix", 90], ["quatre-vingt-dix-neuf", 99], ["cent", 100],
      ["cent vingt", 120], ["trois cents", 300], ["deux cent cinquante", 250], ["mille", 1000], ["deux mille vingt et un", 2021],
      ["septante", 70], ["nonante-neuf", 99],
    ];
    for (const [text, value] of cases) expect(parse(text), text).toBe(value);
  });

  it("refuses sequences that are not a well-written number", () => {
    for (const text of ["deux deux", "un vingt", "dix dix", "onze deux", "vingt douze", "dix deux", "et", "vingt et", "cent cent", "mille mille", "trente zero", "bonjour"]) {
      expect(parse(text), text).toBeNull();
    }
  });
});
