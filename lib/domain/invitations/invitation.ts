import { z } from "zod";
import { randomString, UNAMBIGUOUS_ALPHANUMERIC, type RandomInt } from "../shared/random-code";

/** 20 characters from a 31-symbol alphabet: about 99 bits, not guessable. */
export const INVITATION_CODE_LENGTH = 20;

export function generateInvitationCode(randomInt: RandomInt): string {
  return randomString(UNAMBIGUOUS_ALPHANUMERIC, INVITATION_CODE_LENGTH, randomInt);
}

export type InvitationStatus = "PENDING" | "ACCEPTED" | "CANCELLED";
export type InvitationLinkState = "VALID" | "ACCEPTED" | "CANCELLED" | "EXPIRED";

/** An invitation is valid until accepted, cancelled, or `validityDays` after its last sending. */
export function invitationLinkState(
  invitation: { status: InvitationStatus; sentAt: Date },
  now: Date,
  validityDays: number,
): InvitationLinkState {
  if (invitation.status === "ACCEPTED") return "ACCEPTED";
  if (invitation.status === "CANCELLED") return "CANCELLED";
  const expiresAt = invitation.sentAt.getTime() + validityDays * 24 * 3600 * 1000;
  return now.getTime() >= expiresAt ? "EXPIRED" : "VALID";
}

/** Role given on acceptance: the invitation's, else ADMIN for the first member of an establishment. */
export function roleOnAcceptance(invitationRole: "ADMIN" | "MEMBER" | null, hasActiveMembers: boolean): "ADMIN" | "MEMBER" {
  return invitationRole ?? (hasActiveMembers ? "MEMBER" : "ADMIN");
}

const emailSchema = z.email();

/**
 * Parses the invite form's list ("a@x.fr, b@x.fr" or one per line): trimmed, lower-cased, de-duplicated.
 */
export function parseEmailList(text: string): { emails: string[]; invalid: string[] } {
  const parts = text
    .split(/[\s,;]+/)
    .map((p) => p.trim().toLowerCase())
    .filter(Boolean);
  const unique = [...new Set(parts)];
  return {
    emails: unique.filter((e) => emailSchema.safeParse(e).success),
    invalid: unique.filter((e) => !emailSchema.safeParse(e).success),
  };
}
