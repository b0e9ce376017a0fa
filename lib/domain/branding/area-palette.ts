/**
 * One palette for the five competence areas, used wherever an area shows (profile, results, analysis).
 * `accent` marks shapes (borders, bars: ≥ 3:1 on white), `text` writes the area's name (≥ 4.5:1 on white and on
 * `tint`), `tint` is the background of a tag. Keyed by the area's code of the framework ("1" … "5"); the content's
 * own `color` is only a fallback accent for an area this table does not know yet.
 */
export type AreaColours = { accent: string; text: string; tint: string };

export const AREA_PALETTE: Readonly<Record<string, AreaColours>> = {
  "1": { accent: "#3d68ff", text: "#2343b8", tint: "#eaf0ff" }, // Information et données
  "2": { accent: "#0d7f6f", text: "#0a5c51", tint: "#e1f3ef" }, // Communication et collaboration
  "3": { accent: "#b2306b", text: "#8c2254", tint: "#fbe9f1" }, // Création de contenu
  "4": { accent: "#a1470b", text: "#7a3607", tint: "#fbeee3" }, // Protection et sécurité
  "5": { accent: "#5c3bbd", text: "#47289c", tint: "#efeafb" }, // Environnement numérique
};

const NEUTRAL: AreaColours = { accent: "#64748b", text: "#334155", tint: "#f1f5f9" };

export function areaColours(code: string, contentColour?: string): AreaColours {
  return AREA_PALETTE[code] ?? (contentColour && /^#[0-9a-f]{6}$/i.test(contentColour) ? { ...NEUTRAL, accent: contentColour } : NEUTRAL);
}
