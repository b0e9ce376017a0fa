/** The kinds of parcours, in the order teachers look for them, with the names the catalogue shows. */
export const PARCOURS_CATEGORY_LABELS: Record<string, string> = {
  BACK_TO_SCHOOL: "Parcours de rentrée",
  DISCIPLINE: "Parcours disciplinaires",
  SUBJECT: "Parcours thématiques",
  COMPETENCES: "Les 16 compétences",
  OTHER: "Autres parcours",
};

export const PARCOURS_CATEGORY_ORDER = Object.keys(PARCOURS_CATEGORY_LABELS);

export function byCategoryOrder(a: string, b: string): number {
  const rank = (c: string) => (PARCOURS_CATEGORY_ORDER.indexOf(c) + 1 || PARCOURS_CATEGORY_ORDER.length + 1);
  return rank(a) - rank(b);
}
