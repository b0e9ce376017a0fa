import { db } from "../client";
import { Prisma } from "../generated/client";
import type { AuditEntry } from "../../domain/audit/audit-entry";
import type { PupilAccount } from "../../domain/roster/account-ownership";
import { writeAudit } from "./audit-log-repository";
import { pupilAccountSelect, toPupilAccount } from "../queries/pupil-account-read";

/** Dates of birth are DATE columns: Prisma gives them at UTC midnight. */
const isoDate = (date: Date | null): string => (date ? date.toISOString().slice(0, 10) : "");

export type ManagedLearner = {
  learnerId: number;
  division: string | null;
  firstName: string;
  lastName: string;
  birthdate: string;
  isDisabled: boolean;
  /** What the ownership rules need; never the e-mail itself. */
  account: PupilAccount | null;
};

/** The pupils among `learnerIds` that belong to the establishment (others are silently left out). */
export async function findManagedLearners(establishmentId: number, learnerIds: readonly number[]): Promise<ManagedLearner[]> {
  const rows = await db.learner.findMany({
    where: { establishmentId, id: { in: [...learnerIds] } },
    orderBy: [{ division: "asc" }, { lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
    select: {
      id: true, division: true, firstName: true, lastName: true, birthdate: true, isDisabled: true,
      user: { select: pupilAccountSelect },
    },
  });
  return rows.map((row) => ({
    learnerId: row.id,
    division: row.division,
    firstName: row.firstName,
    lastName: row.lastName,
    birthdate: isoDate(row.birthdate),
    isDisabled: row.isDisabled,
    account: toPupilAccount(row.user),
  }));
}

/** The establishment a pupil belongs to (for the authorization check), or null. */
export async function findLearnerEstablishmentId(learnerId: number): Promise<number | null> {
  const row = await db.learner.findUnique({ where: { id: learnerId }, select: { establishmentId: true } });
  return row?.establishmentId ?? null;
}

export type OneTimeCredentials = { userId: number; /** Null: the account keeps its username. */ username: string | null; passwordHash: string };

/** A uniqueness clash from a raw statement, as the pg driver adapter reports it. */
function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  const cause = (error.meta?.driverAdapterError as { cause?: { originalCode?: string } } | undefined)?.cause;
  return error.code === "P2002" || cause?.originalCode === "23505";
}

/**
 * The ownership rule is repeated in the statement itself (docs/adr/0009): an account changes only if this
 * establishment manages it, has no e-mail and belongs to no Pix Orga member, whatever the caller checked before.
 * The session version goes up with the password: whoever was signed in on the account is signed out.
 */
const CREDENTIALS_SQL = `
UPDATE users SET username = COALESCE(v.username, users.username), password_hash = v.password_hash, should_change_password = true,
  session_version = users.session_version + 1, updated_at = $2
FROM jsonb_to_recordset($1::jsonb) AS v(user_id int, username text, password_hash text)
WHERE users.id = v.user_id AND (v.username IS NULL OR users.username IS NULL)
  AND users.managed_by_establishment_id = $3 AND users.email IS NULL AND users.anonymised_at IS NULL
  AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = users.id AND m.disabled_at IS NULL)`;

/**
 * One-time passwords (and new usernames) for a whole sheet in one statement, with its audit lines: either every
 * account of the sheet gets its credentials, or none does (a username taken meanwhile, an account changed meanwhile).
 */
export async function setOneTimeCredentials(establishmentId: number, updates: readonly OneTimeCredentials[], audit: readonly AuditEntry[], now: Date): Promise<"OK" | "CONFLICT"> {
  const rows = updates.map((update) => ({ user_id: update.userId, username: update.username, password_hash: update.passwordHash }));
  try {
    await db.$transaction(async (tx) => {
      const count = await tx.$executeRawUnsafe(CREDENTIALS_SQL, JSON.stringify(rows), now, establishmentId);
      if (count !== rows.length) throw new ConflictSignal();
      await writeAudit(tx, audit, now);
    });
    return "OK";
  } catch (error) {
    if (error instanceof ConflictSignal || isUniqueViolation(error)) return "CONFLICT";
    throw error;
  }
}

class ConflictSignal extends Error {}
