/** A source of uniform random integers in [0, max): crypto.randomInt in production, seeded in tests. */
export type RandomInt = (max: number) => number;

export function randomString(alphabet: string, length: number, randomInt: RandomInt): string {
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** Letters and digits that cannot be confused when read aloud or copied (no I, L, O, 0, 1). */
export const UNAMBIGUOUS_ALPHANUMERIC = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
