import { db } from "../client";
import type { PrismaClient } from "../prisma-factory";
import type { ExistingLearner } from "../../domain/roster/import-plan";
import type { LearnerRecord } from "../../domain/roster/learner-record";
import type { MatchCandidate } from "../../domain/roster/match-learner";

/** Dates of birth are DATE columns: Prisma gives them at UTC midnight. */
const isoDate = (date: Date | null): string => (date ? date.toISOString().slice(0, 10) : "");
const dateOf = (isoBirthdate: string): Date => new Date(`${isoBirthdate}T00:00:00Z`);

export type RosterEstablishment = { id: number; name: string; uai: string | null; isManagingStudents: boolean };

export async function findRosterEstablishment(establishmentId: number): Promise<RosterEstablishment | null> {
  return db.establishment.findFirst({
    where: { id: establishmentId, archivedAt: null },
    select: { id: true, name: true, uai: true, isManagingStudents: true },
  });
}

// ───────────── Import: a few set-based statements inside one transaction ─────────────

/** The roster of one establishment, as the import sees it inside its transaction. */
export interface RosterWriter {
  existingLearners(): Promise<ExistingLearner[]>;
  /** Creates or updates (by INE) every record and makes it active again. */
  upsertLearners(records: readonly LearnerRecord[]): Promise<void>;
  disableLearners(learnerIds: readonly number[]): Promise<number>;
}

/** JSON keys → columns; one jsonb parameter carries the whole file, whatever the number of pupils. */
const RECORD_COLUMNS = [
  ["nationalStudentId", "national_student_id"], ["firstName", "first_name"], ["middleName", "middle_name"], ["thirdName", "third_name"],
  ["lastName", "last_name"], ["preferredLastName", "preferred_last_name"], ["sex", "sex"], ["birthCity", "birth_city"],
  ["birthCityCode", "birth_city_code"], ["birthProvinceCode", "birth_province_code"], ["birthCountryCode", "birth_country_code"],
  ["mefCode", "mef_code"], ["status", "status"], ["division", "division"],
] as const;

const UPSERT_SQL = `
INSERT INTO learners (establishment_id, ${RECORD_COLUMNS.map(([, column]) => column).join(", ")}, birthdate, is_disabled, created_at, updated_at)
SELECT $2, ${RECORD_COLUMNS.map(([key]) => `v."${key}"`).join(", ")}, v."birthdate"::date, false, $3, $3
FROM jsonb_to_recordset($1::jsonb) AS v(${RECORD_COLUMNS.map(([key]) => `"${key}" text`).join(", ")}, "birthdate" text)
ON CONFLICT (establishment_id, national_student_id) DO UPDATE SET
  ${[...RECORD_COLUMNS.map(([, column]) => column), "birthdate"].filter((c) => c !== "national_student_id").map((c) => `${c} = EXCLUDED.${c}`).join(", ")},
  is_disabled = false, updated_at = EXCLUDED.updated_at`;

/**
 * Runs `work` in one transaction that holds a lock on the establishment: two imports of the same school run one
 * after the other, and any failure leaves the roster exactly as it was. `client` is only given by the demo seed.
 */
export async function withRosterTransaction<T>(establishmentId: number, now: Date, work: (roster: RosterWriter) => Promise<T>, client: PrismaClient = db): Promise<T> {
  return client.$transaction(
    async (tx) => {
      await tx.$queryRawUnsafe(`SELECT id FROM establishments WHERE id = $1 FOR UPDATE`, establishmentId);
      const roster: RosterWriter = {
        async existingLearners() {
          return tx.learner.findMany({ where: { establishmentId }, select: { id: true, nationalStudentId: true, isDisabled: true } });
        },
        async upsertLearners(records) {
          if (records.length === 0) return;
          const rows = records.map((record) => {
            const row: Record<string, string | null> = { birthdate: record.birthdate };
            for (const [key] of RECORD_COLUMNS) row[key] = record[key] ?? null;
            return row;
          });
          await tx.$executeRawUnsafe(UPSERT_SQL, JSON.stringify(rows), establishmentId, now);
        },
        async disableLearners(learnerIds) {
          if (learnerIds.length === 0) return 0;
          return tx.$executeRawUnsafe(
            `UPDATE learners SET is_disabled = true, updated_at = $3 WHERE establishment_id = $1 AND id = ANY($2::int[]) AND is_disabled = false`,
            establishmentId, [...learnerIds], now,
          );
        },
      };
      return work(roster);
    },
    { timeout: 120_000, maxWait: 15_000 },
  );
}

// ───────────── Reconciliation ─────────────

export type RosterCandidate = MatchCandidate & { userId: number | null };

/** Active pupils of the establishment born on that day (the only ones a typed identity may match). */
export async function findActiveLearnersBornOn(establishmentId: number, birthdate: string): Promise<RosterCandidate[]> {
  const rows = await db.learner.findMany({
    where: { establishmentId, isDisabled: false, birthdate: dateOf(birthdate) },
    select: { id: true, userId: true, firstName: true, middleName: true, thirdName: true, lastName: true, preferredLastName: true, birthdate: true },
  });
  return rows.map((row) => ({ ...row, birthdate: isoDate(row.birthdate) }));
}

/**
 * Every active pupil of the establishment with the fields an identity check compares (names, birthdate): the check
 * needs to know which entries a typed name aims at, whatever the birthdate, to limit attempts per entry.
 */
export async function findActiveRoster(establishmentId: number): Promise<RosterCandidate[]> {
  const rows = await db.learner.findMany({
    where: { establishmentId, isDisabled: false },
    select: { id: true, userId: true, firstName: true, middleName: true, thirdName: true, lastName: true, preferredLastName: true, birthdate: true },
  });
  return rows.map((row) => ({ ...row, birthdate: isoDate(row.birthdate) }));
}

export type LinkedLearner = { id: number; isDisabled: boolean; division: string | null };

export async function findLearnerOfUser(establishmentId: number, userId: number): Promise<LinkedLearner | null> {
  return db.learner.findFirst({ where: { establishmentId, userId }, select: { id: true, isDisabled: true, division: true } });
}

export async function takenUsernames(candidates: readonly string[]): Promise<Set<string>> {
  const rows = await db.user.findMany({ where: { username: { in: [...candidates] } }, select: { username: true } });
  return new Set(rows.map((row) => row.username!));
}

/** Whether a pupil of the roster is linked to an account, and still active (after a link lost to another request). */
export async function findLearnerLinkState(learnerId: number): Promise<{ userId: number | null; isDisabled: boolean } | null> {
  return db.learner.findUnique({ where: { id: learnerId }, select: { userId: true, isDisabled: true } });
}
