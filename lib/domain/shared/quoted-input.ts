/**
 * A value read from an uploaded file, as shown back in an error message: control characters removed and cut at
 * `max` characters. An error never echoes its input at full size (a 20 MB "date of birth" stays a short message).
 */
export function quotedInput(value: string, max = 40): string {
  // eslint-disable-next-line no-control-regex
  const clean = value.replace(/[\u0000-\u001f\u007f]/g, " ").trim();
  const characters = [...clean];
  return characters.length > max ? `${characters.slice(0, max).join("")}…` : clean;
}
