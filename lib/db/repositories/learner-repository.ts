import { db } from "../client";
import { Prisma } from "../generated/client";
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
  /** Learners just created whose INE is already linked to an account elsewhere (same birthdate) get that account. */
  relinkAccountsByIne(createdInes: readonly string[]): Promise<number>;
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
 * Pupils of this establishment without an account whose INE is linked elsewhere, with the same birthdate, to an
 * account that has no pupil here yet: the most recently updated link wins, and an account is given only once.
 */
const RELINK_SQL = `
WITH candidates AS (
  SELECT DISTINCT ON (mine.id) mine.id AS learner_id, other.user_id
  FROM learners mine
  JOIN learners other ON other.national_student_id = mine.national_student_id AND other.establishment_id <> mine.establishment_id
    AND other.user_id IS NOT NULL AND other.birthdate = mine.birthdate
  WHERE mine.establishment_id = $1 AND mine.national_student_id = ANY($3::text[]) AND mine.user_id IS NULL AND mine.is_disabled = false
    AND NOT EXISTS (SELECT 1 FROM learners here WHERE here.establishment_id = $1 AND here.user_id = other.user_id)
  ORDER BY mine.id, other.updated_at DESC
), single AS (
  SELECT DISTINCT ON (user_id) learner_id, user_id FROM candidates ORDER BY user_id, learner_id
)
UPDATE learners SET user_id = single.user_id, updated_at = $2 FROM single WHERE learners.id = single.learner_id`;

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
        async relinkAccountsByIne(createdInes) {
          if (createdInes.length === 0) return 0;
          return tx.$executeRawUnsafe(RELINK_SQL, establishmentId, now, [...createdInes]);
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

export type LinkedLearner = { id: number; isDisabled: boolean; division: string | null };

export async function findLearnerOfUser(establishmentId: number, userId: number): Promise<LinkedLearner | null> {
  return db.learner.findFirst({ where: { establishmentId, userId }, select: { id: true, isDisabled: true, division: true } });
}

export type AccountLogins = { email: string | null; username: string | null; samlId: string | null };

export async function findAccountLogins(userId: number): Promise<AccountLogins | null> {
  return db.user.findUnique({ where: { id: userId }, select: { email: true, username: true, samlId: true } });
}

export type LearnerIdentity = { id: number; firstName: string; lastName: string; birthdate: string; userId: number | null };

export async function findLearnerIdentity(learnerId: number): Promise<LearnerIdentity | null> {
  const row = await db.learner.findUnique({ where: { id: learnerId }, select: { id: true, firstName: true, lastName: true, birthdate: true, userId: true } });
  return row && { ...row, birthdate: isoDate(row.birthdate) };
}

/** Sets the link only if the pupil is still free and the account has no pupil there (checked by the unique index). */
export async function linkLearnerToUser(learnerId: number, userId: number, now: Date): Promise<"LINKED" | "LEARNER_TAKEN" | "ACCOUNT_TAKEN"> {
  try {
    const { count } = await db.learner.updateMany({ where: { id: learnerId, userId: null, isDisabled: false }, data: { userId, updatedAt: now } });
    return count === 1 ? "LINKED" : "LEARNER_TAKEN";
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return "ACCOUNT_TAKEN";
    throw error;
  }
}

export class LoginTakenError extends Error {}

/** Creates the pupil's account and links it in one transaction: no account is left behind when the link fails. */
export async function createAccountForLearner(input: {
  learnerId: number;
  firstName: string;
  lastName: string;
  birthdate: string;
  email: string | null;
  username: string | null;
  passwordHash: string;
  now: Date;
}): Promise<{ userId: number } | "LEARNER_TAKEN"> {
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          firstName: input.firstName, lastName: input.lastName, email: input.email, username: input.username, birthdate: dateOf(input.birthdate),
          passwordHash: input.passwordHash, termsAcceptedAt: input.now,
        },
        select: { id: true },
      });
      const { count } = await tx.learner.updateMany({ where: { id: input.learnerId, userId: null, isDisabled: false }, data: { userId: user.id, updatedAt: input.now } });
      if (count !== 1) throw new LearnerTakenSignal();
      return { userId: user.id };
    });
  } catch (error) {
    if (error instanceof LearnerTakenSignal) return "LEARNER_TAKEN";
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new LoginTakenError();
    throw error;
  }
}

class LearnerTakenSignal extends Error {}

// ───────────── Accounts managed by teachers ─────────────

export type ManagedLearner = {
  learnerId: number;
  division: string | null;
  firstName: string;
  lastName: string;
  birthdate: string;
  account: { userId: number; email: string | null; username: string | null; samlId: string | null; isOrgaMember: boolean } | null;
};

/** The pupils among `learnerIds` that belong to the establishment (others are silently left out). */
export async function findManagedLearners(establishmentId: number, learnerIds: readonly number[]): Promise<ManagedLearner[]> {
  const rows = await db.learner.findMany({
    where: { establishmentId, id: { in: [...learnerIds] } },
    orderBy: [{ division: "asc" }, { lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
    select: {
      id: true, division: true, firstName: true, lastName: true, birthdate: true,
      user: { select: { id: true, email: true, username: true, samlId: true, _count: { select: { memberships: { where: { disabledAt: null } } } } } },
    },
  });
  return rows.map((row) => ({
    learnerId: row.id,
    division: row.division,
    firstName: row.firstName,
    lastName: row.lastName,
    birthdate: isoDate(row.birthdate),
    account: row.user && { userId: row.user.id, email: row.user.email, username: row.user.username, samlId: row.user.samlId, isOrgaMember: row.user._count.memberships > 0 },
  }));
}

/** The establishment a pupil belongs to (for the authorization check), or null. */
export async function findLearnerEstablishmentId(learnerId: number): Promise<number | null> {
  const row = await db.learner.findUnique({ where: { id: learnerId }, select: { establishmentId: true } });
  return row?.establishmentId ?? null;
}

export async function takenUsernames(candidates: readonly string[]): Promise<Set<string>> {
  const rows = await db.user.findMany({ where: { username: { in: [...candidates] } }, select: { username: true } });
  return new Set(rows.map((row) => row.username!));
}

export type OneTimeCredentials = { userId: number; /** Null: the account keeps its username / e-mail. */ username: string | null; passwordHash: string };

/** A uniqueness clash from a raw statement, as the pg driver adapter reports it. */
function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  const cause = (error.meta?.driverAdapterError as { cause?: { originalCode?: string } } | undefined)?.cause;
  return error.code === "P2002" || cause?.originalCode === "23505";
}

const CREDENTIALS_SQL = `
UPDATE users SET username = COALESCE(v.username, users.username), password_hash = v.password_hash, should_change_password = true,
  session_version = users.session_version + 1, updated_at = $2
FROM jsonb_to_recordset($1::jsonb) AS v(user_id int, username text, password_hash text)
WHERE users.id = v.user_id AND (v.username IS NULL OR users.username IS NULL)`;

/**
 * One-time passwords (and new usernames) for a whole sheet in one statement: either every account of the sheet gets
 * its credentials, or none does (a username taken meanwhile, or an account given a username meanwhile).
 */
export async function setOneTimeCredentials(updates: readonly OneTimeCredentials[], now: Date): Promise<"OK" | "CONFLICT"> {
  const rows = updates.map((update) => ({ user_id: update.userId, username: update.username, password_hash: update.passwordHash }));
  try {
    await db.$transaction(async (tx) => {
      const count = await tx.$executeRawUnsafe(CREDENTIALS_SQL, JSON.stringify(rows), now);
      if (count !== rows.length) throw new ConflictSignal();
    });
    return "OK";
  } catch (error) {
    if (error instanceof ConflictSignal || isUniqueViolation(error)) return "CONFLICT";
    throw error;
  }
}

class ConflictSignal extends Error {}
