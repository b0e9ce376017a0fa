import { DomainError } from "../shared/errors";

/**
 * The whole file is refused (wrong establishment, malformed XML, missing columns, zip bomb…).
 * The message is French and shown as is to the teacher; one bad pupil is an ImportRejection instead.
 */
export class RosterFileError extends DomainError {
  constructor(message: string) {
    super("ROSTER_FILE_INVALID", message);
    this.name = "RosterFileError";
  }
}
