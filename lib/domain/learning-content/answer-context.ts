import { UNIT_SYMBOLS, unitFamily } from "./answer-units";

/**
 * What the question itself says, used to accept answers that follow its wording: the pupil who types
 * « la touche Tab » to « Sur quelle touche… ? », « 72 heures » to « en combien d'heures ? » or
 * « ligne 2 » to « Quel est le numéro de la ligne ? » answers exactly what was asked.
 */
export type AnswerContext = { instruction: string; label: string };

export type QuestionTerms = {
  /** Every word of the instruction and the field's label (see wordsOf; hyphenated words also whole), singular. */
  words: ReadonlySet<string>;
  /** Word sequences naming what is asked (« touche », « style de »), that may precede the answer. */
  categoryPrefixes: readonly (readonly string[])[];
  /** Units or counted nouns the number is asked in (« heure », « pixel », « ligne »). */
  askedUnits: ReadonlySet<string>;
  /** Unit families the question mentions (« secondes », « € »), whether or not it asks for them. */
  unitFamilies: ReadonlySet<string>;
};

/** Small words that may stand before an answer without changing it. */
export const SMALL_WORDS = new Set(["le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "en", "a", "au", "aux"]);

/** Words that turn an answer into a hedge or a different claim: never ignored around an answer. */
export const HEDGE_WORDS = new Set([
  "ou", "et", "ni", "pas", "ne", "n", "non", "sans", "sauf", "mais", "plus", "moins", "environ", "presque",
  "entre", "vers", "avant", "apres", "maximum", "minimum", "max", "min", "peut", "etre", "sinon", "jamais",
]);

/** Lower case, no accents, typographic apostrophes and ligatures unified. */
export function simplify(text: string): string {
  return text
    .replace(/[’‘ʼ`´]/gu, "'")
    .replace(/œ/gu, "oe").replace(/Œ/gu, "OE").replace(/æ/gu, "ae").replace(/Æ/gu, "AE")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase();
}

/**
 * A word without its plural mark (« lignes » → « ligne », « réseaux » → « reseau »). Short words keep it:
 * « https », « mois », « fois » or « dns » are not plurals.
 */
export function singular(word: string): string {
  return word.length >= 6 && /[sx]$/.test(word) ? word.slice(0, -1) : word;
}

function hyphenated(text: string): string[] {
  return simplify(text).match(/[a-z0-9]+(?:-[a-z0-9]+)+/g) ?? [];
}

export function wordsOf(text: string): string[] {
  return simplify(text).match(/[a-z0-9]+/g) ?? [];
}

const STOP_AFTER_CATEGORY = new Set(["qui", "que", "dont", "ou", "est", "sont", "permet", "permettent", "faut", "doit", "le", "la", "les", "l", "ce", "cette", "se", "s", "on", "il", "elle"]);

function categoryAfter(words: readonly string[], start: number): string[][] {
  const phrase: string[] = [];
  for (let i = start; i < words.length && phrase.length < 3; i++) {
    const word = words[i];
    if (STOP_AFTER_CATEGORY.has(word) || /^\d/.test(word)) break;
    // « quel type de position », « quelle fonction du traitement »: a complement introduced by de/du.
    if (phrase.length > 0 && !["de", "du", "des", "d"].includes(word) && !["de", "du", "des", "d"].includes(phrase.at(-1)!)) break;
    phrase.push(word);
  }
  // Every complete head of the phrase: « touche », « touche du clavier ».
  return phrase.flatMap((word, i) => (["de", "du", "des", "d"].includes(word) ? [] : [phrase.slice(0, i + 1)]));
}

/** « Sur quelle touche », « Comment s'appelle l'alignement », « Nom du réglage », « un style de … ». */
function categoryPrefixes(instruction: string, label: string): string[][] {
  const found: string[][] = [];
  const words = wordsOf(instruction);
  for (let i = 0; i < words.length; i++) {
    if (["quel", "quelle", "quels", "quelles"].includes(words[i])) {
      const start = words[i + 1] === "est" || words[i + 1] === "sont" ? i + 3 : i + 1;
      found.push(...categoryAfter(words, start));
    }
    const isNaming = words[i] === "appelle" || words[i] === "appellent" || words[i] === "nomme" || words[i] === "designe";
    if (isNaming && ["le", "la", "l", "les", "un", "une"].includes(words[i + 1] ?? "")) found.push(...categoryAfter(words, i + 2));
    if (isNaming && words[i + 1] === "t" && words[i + 2] === "on" && ["le", "la", "l", "les", "un", "une"].includes(words[i + 3] ?? "")) {
      found.push(...categoryAfter(words, i + 4));
    }
  }
  // The words just before a blank: « il faut créer un style de … » → « style de », « de ».
  const blanks = instruction.includes("…") || instruction.includes("...") ? simplify(instruction).matchAll(/([a-z' ]+?)\s*(?:…|\.\.\.)/g) : [];
  for (const match of blanks) {
    const before = wordsOf(match[1]).slice(-3);
    for (let k = 0; k < before.length; k++) found.push(before.slice(k));
  }
  const labelWords = wordsOf(label);
  if (["nom", "type"].includes(labelWords[0] ?? "")) found.push(...categoryAfter(labelWords, labelWords[1] === "de" && ["la", "l"].includes(labelWords[2] ?? "") ? 3 : 2));
  if (labelWords.length === 1) found.push(labelWords);
  // Longest first, so that « touche du clavier » is taken whole rather than « touche » alone.
  return found.filter((p) => p.length > 0 && p.every((w) => !HEDGE_WORDS.has(w))).sort((a, b) => b.length - a.length);
}

/**
 * « en heures », « combien de pixels », « Nombre de lignes », « (Hz) » in the label. Read in the question itself
 * when it says one: « … chaque jour, en minutes. Quel est son total, en heures ? » asks for hours only.
 */
function askedUnits(instruction: string, label: string): Set<string> {
  const questions = instruction.split(/(?<=[.!?])\s+/).filter((sentence) => sentence.includes("?"));
  const fromQuestions = questions.length > 0 ? askedUnitsIn(questions.join(" "), label) : new Set<string>();
  return fromQuestions.size > 0 ? fromQuestions : askedUnitsIn(instruction, label);
}

function askedUnitsIn(instruction: string, label: string): Set<string> {
  const asked = new Set<string>();
  const add = (word: string | undefined, onlyUnits: boolean) => {
    if (!word) return;
    const family = unitFamily(word);
    if (family) asked.add(family);
    else if (!onlyUnits && !SMALL_WORDS.has(word)) asked.add(singular(word));
  };
  for (const text of [instruction, label]) {
    // Hyphenated nouns stay whole (« sous-dossiers »), and their head counts too (« dossiers »).
    const words = simplify(text).match(/[a-z0-9]+(?:-[a-z0-9]+)*/g) ?? [];
    for (let i = 0; i < words.length; i++) {
      if (words[i] === "en") add(words[i + 1], true);
      if ((words[i] === "combien" || words[i] === "nombre") && (words[i + 1] === "de" || words[i + 1] === "d")) {
        add(words[i + 2], false);
        if (words[i + 2]?.includes("-")) add(words[i + 2].split("-").at(-1), false);
      }
    }
  }
  for (const inside of simplify(label).matchAll(/\(([^)]*)\)/g)) for (const word of inside[1].split(/[\s,]+/)) add(word, true);
  return asked;
}

/** Families named in full (one-letter spellings like « s » or « h » are too common to count) or by a symbol. */
function mentionedFamilies(text: string): Set<string> {
  const families = new Set<string>();
  for (const word of wordsOf(text)) if (word.length > 1 && unitFamily(word)) families.add(unitFamily(word)!);
  for (const symbol of UNIT_SYMBOLS) if (text.includes(symbol)) families.add(unitFamily(symbol)!);
  return families;
}

export function questionTerms(context: AnswerContext): QuestionTerms {
  return {
    unitFamilies: mentionedFamilies(`${context.instruction} ${context.label}`),
    words: new Set([...wordsOf(context.instruction), ...wordsOf(context.label), ...hyphenated(`${context.instruction} ${context.label}`)].map(singular)),
    categoryPrefixes: categoryPrefixes(context.instruction, context.label),
    askedUnits: askedUnits(context.instruction, context.label),
  };
}
