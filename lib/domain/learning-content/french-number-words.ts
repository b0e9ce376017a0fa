/**
 * French numbers written in words, as pupils type them on numeric items: « six », « vingt-quatre »,
 * « soixante-douze », « quatre-vingt-dix », « cent », « trois cents », « mille ». Belgian and Swiss tens
 * (septante, huitante, octante, nonante) are French too.
 */

const UNITS: Record<string, number> = {
  zero: 0, un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9,
  dix: 10, onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16,
  vingt: 20, vingts: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60,
  septante: 70, huitante: 80, octante: 80, nonante: 90,
};

/** What may be added to the tens already written: dix-sept, vingt-trois, soixante-douze, quatre-vingt-dix. */
function canFollow(rest: number, value: number): boolean {
  if (rest === 0) return true;
  if (value === 0 || rest % 10 !== 0) return false;
  if (rest === 10) return value >= 7;
  if (rest === 60 || rest === 80) return value <= 19;
  return value <= 9;
}

/** Words, already lower-cased and without accents, split on spaces and hyphens. */
export function isNumberWord(word: string): boolean {
  return word in UNITS || word === "cent" || word === "cents" || word === "mille" || word === "et";
}

/**
 * The value of a sequence of number words, or null when the words do not form a well-written number
 * (« deux deux » or « un vingt » are not numbers; « vingt et un » and « quatre-vingt-dix » are).
 */
export function parseNumberWords(words: readonly string[]): number | null {
  if (words.length === 0 || words[0] === "et" || words.at(-1) === "et") return null;
  let total = 0;
  let hundreds = 0;
  // Tens and units of the current group, added from the largest to the smallest.
  let rest = 0;
  let lastAdded = Number.POSITIVE_INFINITY;
  let seenAny = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (word === "et") continue;
    if (word === "cent" || word === "cents") {
      if (hundreds > 0 || rest >= 10) return null;
      hundreds = (rest || 1) * 100;
      rest = 0;
      lastAdded = Number.POSITIVE_INFINITY;
    } else if (word === "mille") {
      if (total > 0) return null;
      total = (hundreds + rest || 1) * 1000;
      hundreds = 0;
      rest = 0;
      lastAdded = Number.POSITIVE_INFINITY;
    } else if (word in UNITS) {
      const value = UNITS[word];
      if ((word === "vingt" || word === "vingts") && rest === 4 && lastAdded === 4) {
        // quatre-vingt(s): 4 × 20.
        rest = 80;
        lastAdded = 80;
      } else {
        if (value >= lastAdded || !canFollow(rest, value)) return null;
        rest += value;
        lastAdded = value;
      }
    } else return null;
    seenAny = true;
  }
  return seenAny ? total + hundreds + rest : null;
}
