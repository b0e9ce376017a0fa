/**
 * « Exporter les groupes (.csv) »: one line per pupil, with their group and the subjects that group must work.
 * Same conventions as the results file (csv-cells.ts: `;`, UTF-8 BOM, formula guard, decimal comma).
 */
import { UTF8_BOM, csvLine } from "./csv-cells";
import { fileTimestamp, sanitizeFileNamePart } from "./file-name";

export interface NeedsGroupsForCsv {
  groups: {
    number: number;
    pupils: { lastName: string; firstName: string; division: string | null; isMoved: boolean }[];
    subjects: { title: string; masteryPercent: number }[];
  }[];
}

export const NEEDS_GROUPS_HEADERS = ["Groupe", "Nom du Participant", "Prénom du Participant", "Classe", "Déplacé par l'enseignant", "Sujets à travailler (maîtrise du groupe)"];

/** "Tableur (20 %) / Courriel (35 %)": the group's weakest subjects, weakest first. */
export function subjectsText(subjects: NeedsGroupsForCsv["groups"][number]["subjects"]): string {
  return subjects.map((s) => `${s.title} (${s.masteryPercent} %)`).join(" / ");
}

/** The whole file (a few hundred lines at most: one campaign's pupils), BOM first. */
export function needsGroupsCsv(grouping: NeedsGroupsForCsv): string {
  let text = UTF8_BOM + csvLine(NEEDS_GROUPS_HEADERS);
  for (const group of grouping.groups) {
    const subjects = subjectsText(group.subjects);
    for (const pupil of group.pupils) text += csvLine([`Groupe ${group.number}`, pupil.lastName, pupil.firstName, pupil.division, pupil.isMoved, subjects]);
  }
  return text;
}

/** Groupes-{campaign name}-{campaign id}-{YYYY-MM-DD-HHmm}.csv, like the results file. */
export function needsGroupsFileName(campaignName: string, campaignId: number, now: Date): string {
  return `Groupes-${sanitizeFileNamePart(campaignName)}-${campaignId}-${fileTimestamp(now)}.csv`;
}
