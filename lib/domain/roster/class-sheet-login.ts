import { isManagedBy, type PupilAccount } from "./account-ownership";

/**
 * What the class sheet prints in a pupil's « Pour se connecter » cell. The sheet lies on desks and goes home in bags:
 * it carries a login only where the school hands it out anyway — the username of an account its roster created —
 * and never an e-mail address (Pix Orga never shows one, docs/security.md, § 13).
 */
export type ClassSheetLogin =
  | { kind: "USERNAME"; username: string }
  | { kind: "GAR" }
  | { kind: "PERSONAL" }
  | { kind: "ELSEWHERE" }
  | { kind: "NONE" };

export function classSheetLogin(account: PupilAccount | null, establishmentId: number): ClassSheetLogin {
  if (!account) return { kind: "NONE" };
  // An e-mail account, or a teacher's own account, is the person's: the pupil signs in with their address.
  if (account.hasEmail || account.isOrgaMember) return { kind: "PERSONAL" };
  // Created by another school (or before accounts had an owner): this school does not hand out its login.
  if (!isManagedBy(account, establishmentId)) return { kind: "ELSEWHERE" };
  if (account.username) return { kind: "USERNAME", username: account.username };
  return { kind: "GAR" };
}

/** The words printed in the cell (the username itself is printed in a fixed-width font by the page). */
export function classSheetLoginLabel(login: ClassSheetLogin): string {
  switch (login.kind) {
    case "USERNAME":
      return login.username;
    case "GAR":
      return "par le Médiacentre (GAR)";
    case "PERSONAL":
      return "compte personnel";
    case "ELSEWHERE":
      return "compte créé par un autre établissement";
    case "NONE":
      return "pas encore de compte";
  }
}
