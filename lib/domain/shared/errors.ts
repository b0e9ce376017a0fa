/**
 * Expected errors carry a stable code and the French message the user sees.
 * Anything else is unexpected: logged, and replaced by a generic message.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export class NotFoundError extends DomainError {
  constructor(message = "Cette page n'existe pas ou vous n'y avez pas accès.") {
    super("NOT_FOUND", message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = "Vous n'avez pas les droits pour faire cette action.") {
    super("FORBIDDEN", message);
  }
}

export class RateLimitedError extends DomainError {
  constructor(seconds: number) {
    const minutes = Math.max(1, Math.ceil(seconds / 60));
    super("RATE_LIMITED", `Trop de tentatives. Réessayez dans ${minutes} minute${minutes > 1 ? "s" : ""}.`);
  }
}

/** Past the server's capacity (no database connection within the queue deadline): nothing was read or written. */
export const BUSY_MESSAGE = "Trop de monde en même temps, votre réponse n'a pas été perdue : réessayez dans quelques secondes.";
export class BusyError extends DomainError {
  constructor(readonly retryAfterSeconds = 2) {
    super("BUSY", BUSY_MESSAGE);
  }
}
