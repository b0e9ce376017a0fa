/**
 * French typography applied when content is shown: a narrow no-break space (U+202F) before « ? ! ; : », inside
 * « guillemets », between a number and « % » and between the groups of a large number, so that a lone sign
 * never starts a line and « 100 % » never breaks. Only spaces the author typed are changed (nothing is
 * inserted), so code, addresses (https://…) and times (10:30) are left as they are; markdown code spans and
 * blocks are not text nodes and are never touched (see remark-french-typography.ts).
 */
export const NARROW_NO_BREAK_SPACE = "\u202f";

export function frenchTypography(text: string): string {
  return text
    .replace(/[ \u00a0]+(?=[?!;:](?!\/\/))/g, NARROW_NO_BREAK_SPACE)
    .replace(/«[ \u00a0]+/g, `«${NARROW_NO_BREAK_SPACE}`)
    .replace(/[ \u00a0]+»/g, `${NARROW_NO_BREAK_SPACE}»`)
    .replace(/(\d)[ \u00a0]+%/g, `$1${NARROW_NO_BREAK_SPACE}%`)
    .replace(/(?<![\d.,])(\d{1,3})((?: \d{3})+)(?![\d])/g, (_, head: string, groups: string) => head + groups.replace(/ /g, NARROW_NO_BREAK_SPACE));
}
