/**
 * « de » in front of a name, as a French reader expects it: « Résultats d'Ada », « de Charles », « l'espace Pix Orga
 * du Collège … ». A first name starting with h is taken as a mute h (« d'Hugo », « d'Hélène »): the common case.
 */

const ELIDING = /^[aeiouyhàâäéèêëîïôöùûüœæ]/i;
/** Y before a consonant sound (Yannick, Yves… as names) does not elide. */
const Y_CONSONANT = /^y[aeiouéèê]/i;

function elides(word: string): boolean {
  return ELIDING.test(word) && !Y_CONSONANT.test(word);
}

/** « d'Ada Lovelace », « de Charles Babbage ». */
export function ofName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) return "de";
  return elides(trimmed) ? `d'${trimmed}` : `de ${trimmed}`;
}

/** The article each kind of school takes, by its first word (lower-cased, accents kept). */
const ARTICLE_BY_FIRST_WORD: Record<string, "le" | "la" | "l'"> = {
  collège: "le", college: "le", lycée: "le", lycee: "le", groupe: "le", centre: "le", lp: "le", clg: "le",
  cité: "la", cite: "la", maison: "la",
  école: "l'", ecole: "l'", université: "l'", universite: "l'", institut: "l'", ensemble: "l'", erea: "l'", établissement: "l'", etablissement: "l'",
};

/** « du Collège Ada Lovelace », « de l'École des Lilas », « de la Cité scolaire Jean Zay », « de Saint-Joseph ». */
export function ofEstablishment(name: string): string {
  const trimmed = name.trim();
  const firstWord = trimmed.split(/[\s-]/)[0]?.toLowerCase() ?? "";
  const article = ARTICLE_BY_FIRST_WORD[firstWord];
  if (article === "le") return `du ${trimmed}`;
  if (article === "la") return `de la ${trimmed}`;
  if (article === "l'") return `de l'${trimmed}`;
  return ofName(trimmed);
}

/**
 * A label written to stand alone (« Numéro d'élève ») used inside a sentence: « Merci de renseigner votre numéro
 * d'élève. » An acronym (« INE », « ENT ») or a word with capitals inside (« iPad ») keeps its case.
 */
export function inSentence(label: string): string {
  const trimmed = label.trim();
  const firstWord = trimmed.split(/[\s'’-]/)[0] ?? "";
  if (firstWord.length > 1 && firstWord.slice(1) !== firstWord.slice(1).toLowerCase()) return trimmed;
  return trimmed.charAt(0).toLowerCase() + trimmed.slice(1);
}

/** « 0 réponse », « 1 réponse », « 2 réponses »: in French 0 and 1 take the singular. */
export function count(n: number, singular: string, plural: string): string {
  return `${n} ${Math.abs(n) >= 2 ? plural : singular}`;
}

/** A decimal number as French writes it: comma, fixed digits, a true minus sign (« −0,25 », « 2,0 »). */
export function decimal(x: number, digits: number): string {
  const text = Math.abs(x).toFixed(digits).replace(".", ",");
  return x < 0 && Number(text.replace(",", ".")) !== 0 ? `−${text}` : text;
}
