/**
 * Units a pupil writes after a number (« 6 € », « 72 h », « 300 px »). Each family lists its spellings,
 * lower-cased and without accents; the answer's unit is accepted only when it is the unit the question
 * asks for (see answer-context.ts), so « 3 octets » stays wrong where the weight is asked in Mo.
 */
const FAMILIES: Record<string, readonly string[]> = {
  pixel: ["pixel", "pixels", "px", "pix", "p"],
  megapixel: ["megapixel", "megapixels", "mpx", "mp", "mpix", "mpixels"],
  octet: ["octet", "octets", "o"],
  kilooctet: ["ko", "kio", "kilooctet", "kilooctets", "kilo-octet", "kilo-octets"],
  megaoctet: ["mo", "mio", "megaoctet", "megaoctets", "mega-octet", "mega-octets"],
  gigaoctet: ["go", "gio", "gigaoctet", "gigaoctets", "giga-octet", "giga-octets", "giga"],
  bit: ["bit", "bits"],
  heure: ["h", "heure", "heures", "hr", "hrs"],
  minute: ["min", "mn", "minute", "minutes"],
  seconde: ["s", "sec", "seconde", "secondes"],
  jour: ["j", "jour", "jours"],
  mois: ["mois"],
  annee: ["an", "ans", "annee", "annees"],
  centimetre: ["cm", "centimetre", "centimetres"],
  millimetre: ["mm", "millimetre", "millimetres"],
  metre: ["m", "metre", "metres"],
  kilometre: ["km", "kilometre", "kilometres"],
  kilogramme: ["kg", "kilo", "kilos", "kilogramme", "kilogrammes"],
  gramme: ["g", "gramme", "grammes"],
  hertz: ["hz", "hertz"],
  pouce: ["pouce", "pouces", "po", "\""],
  euro: ["€", "euro", "euros", "eur"],
  pourcent: ["%", "pourcent", "pourcents", "pourcentage"],
  degre: ["°", "degre", "degres"],
  fois: ["fois", "x", "×"],
  ppp: ["ppp", "dpi", "ppi"],
};

const FAMILY_OF = new Map<string, string>();
for (const [family, spellings] of Object.entries(FAMILIES)) for (const s of spellings) FAMILY_OF.set(s, family);

/** The family of a unit spelling (« h » → heure), or undefined for a plain word. */
export function unitFamily(word: string): string | undefined {
  return FAMILY_OF.get(word);
}

/** Whether an asked unit is a measurement unit (« heure ») rather than a counted noun (« article »). */
export function isUnitFamilyName(name: string): boolean {
  return Object.hasOwn(FAMILIES, name);
}

/** Symbols that are units by themselves and may be glued to the number (« 6€ », « 50% »). */
export const UNIT_SYMBOLS = ["€", "%", "°", "×", "\""];
