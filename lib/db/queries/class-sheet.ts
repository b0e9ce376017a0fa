import { db } from "../client";
import { classSheetLogin, type ClassSheetLogin } from "../../domain/roster/class-sheet-login";
import { pupilAccountSelect, toPupilAccount } from "./pupil-account-read";

/** A class larger than this is not a class: the sheet says how many more there are. */
export const CLASS_SHEET_MAX_PUPILS = 60;

export type ClassSheetPupil = { learnerId: number; firstName: string; lastName: string; login: ClassSheetLogin };

/**
 * The class sheet's pupils: the active roster pupils of one class of the establishment, by name, with what they sign
 * in with. The caller has checked that the teacher may read the campaign of this establishment. The e-mail is read
 * only to know that there is one, and never leaves this function.
 */
export async function classSheetPupils(establishmentId: number, division: string): Promise<{ total: number; rows: ClassSheetPupil[] }> {
  const where = { establishmentId, isDisabled: false, division };
  const [total, learners] = await Promise.all([
    db.learner.count({ where }),
    db.learner.findMany({
      where,
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
      take: CLASS_SHEET_MAX_PUPILS,
      select: {
        id: true, firstName: true, lastName: true,
        user: { select: pupilAccountSelect },
      },
    }),
  ]);
  return {
    total,
    rows: learners.map((learner) => ({
      learnerId: learner.id,
      firstName: learner.firstName,
      lastName: learner.lastName,
      login: classSheetLogin(toPupilAccount(learner.user), establishmentId),
    })),
  };
}

/** The name printed at the top of the sheets (the school the campaign belongs to). */
export async function establishmentNameOf(establishmentId: number): Promise<string> {
  return (await db.establishment.findUniqueOrThrow({ where: { id: establishmentId }, select: { name: true } })).name;
}
