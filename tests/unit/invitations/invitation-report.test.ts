import { describe, expect, it } from "vitest";
import { invitationReportMessage } from "@/lib/domain/invitations/invitation-report";

describe("what « Inviter » says once sent", () => {
  it("names who got a mail and who was already a member", () => {
    expect(invitationReportMessage({ invited: ["a@x.fr"], sentAgain: [], alreadyMembers: [] })).toBe("Invitation envoyée à a@x.fr.");
    expect(invitationReportMessage({ invited: ["a@x.fr", "b@x.fr"], sentAgain: ["c@x.fr"], alreadyMembers: ["d@x.fr"] })).toBe(
      "2 invitations envoyées (a@x.fr, b@x.fr). Invitation renvoyée à c@x.fr (déjà invité). Déjà membre de l'établissement, rien n'a été envoyé à d@x.fr.",
    );
    expect(invitationReportMessage({ invited: [], sentAgain: ["c@x.fr", "e@x.fr"], alreadyMembers: ["d@x.fr", "f@x.fr"] })).toBe(
      "Invitation renvoyée à c@x.fr, e@x.fr (déjà invités). Déjà membres de l'établissement, rien n'a été envoyé à d@x.fr, f@x.fr.",
    );
  });
});
