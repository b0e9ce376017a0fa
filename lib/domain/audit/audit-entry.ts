/**
 * One line of the audit log: who acted (account and establishment), what they did (a stable code), on which account
 * or roster entry, from which address. `details` carries counts and flags only: never a password, an e-mail, a
 * name or a login, so that the log itself holds as little personal data as possible (and can be kept a year).
 */
export const AUDIT_ACTIONS = [
  /** A teacher gave a pupil's account a one-time password. */
  "ACCOUNT_PASSWORD_RESET",
  /** A teacher gave a pupil's account a username (and a one-time password). */
  "ACCOUNT_USERNAME_ADDED",
  /** A pupil linked their own account to a roster entry (restricted campaign, sign-up, GAR first arrival). */
  "LEARNER_LINKED",
  /** A teacher undid a link (« Dissocier »). */
  "LEARNER_UNLINKED",
  /** A teacher cleared the failed identity checks that blocked a roster entry (« Débloquer l'identification »). */
  "IDENTITY_UNBLOCKED",
  /** An ADMIN deleted a pupil from the roster. */
  "LEARNER_DELETED",
  /** The campaign's owner or an ADMIN deleted a participation. */
  "PARTICIPATION_DELETED",
  /** A pupil deleted their account (anonymised). */
  "ACCOUNT_DELETED",
  /** A pupil downloaded everything stored about them. */
  "ACCOUNT_DATA_EXPORTED",
  /** The retention command anonymised an establishment's old data. */
  "RETENTION_RUN",
  /** The retention command purged old lines of this log. */
  "AUDIT_LOG_PURGED",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditDetails = Record<string, string | number | boolean | null>;

export interface AuditEntry {
  action: AuditAction;
  /** Null: the platform itself (retention command). */
  actorUserId: number | null;
  establishmentId: number | null;
  targetUserId: number | null;
  targetLearnerId: number | null;
  clientAddress: string | null;
  details: AuditDetails;
}

/** Keys that would invite a secret or a contact into the log. */
const FORBIDDEN_KEY = /pass|mail|token|secret|login|username|firstname|lastname|fullname|birth|^ine$|nationalstudent/i;
const MAX_DETAIL_LENGTH = 100;

export class PersonalDataInAuditError extends Error {}

/** Refuses (a programming error, not a user error) details that could carry a secret or a person's identity. */
export function checkAuditDetails(details: AuditDetails): AuditDetails {
  for (const [key, value] of Object.entries(details)) {
    if (FORBIDDEN_KEY.test(key)) throw new PersonalDataInAuditError(`audit: clé interdite « ${key} »`);
    if (typeof value === "string" && (value.includes("@") || value.length > MAX_DETAIL_LENGTH)) {
      throw new PersonalDataInAuditError(`audit: valeur refusée pour « ${key} »`);
    }
  }
  return details;
}

/** An entry with its optional parts filled in and its details checked. */
export function auditEntry(input: Pick<AuditEntry, "action" | "actorUserId" | "establishmentId"> & Partial<Omit<AuditEntry, "action" | "actorUserId" | "establishmentId">>): AuditEntry {
  return {
    action: input.action,
    actorUserId: input.actorUserId,
    establishmentId: input.establishmentId,
    targetUserId: input.targetUserId ?? null,
    targetLearnerId: input.targetLearnerId ?? null,
    clientAddress: input.clientAddress ?? null,
    details: checkAuditDetails(input.details ?? {}),
  };
}
