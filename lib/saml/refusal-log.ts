import type { GarRefusalReason } from "./refusal-reasons";

/**
 * A refused GAR arrival as the server log sees it: why, which assertion and which school(s), never a name.
 * Before the signature is checked the id and the UAIs are what the message claims (unverified).
 */
export type GarRefusal = { reason: GarRefusalReason; detail: string; assertionId: string | null; uais: readonly string[] };

/** Control characters (CR, LF…) are dropped and lengths capped: a posted message must not forge log lines. */
const clean = (text: string, max: number) => JSON.stringify(text.replace(/\p{Cc}/gu, " ").slice(0, max));

/** One line per refusal, for an administrator wondering why a class cannot get in. */
export function garRefusalLogLine(refusal: GarRefusal): string {
  const assertion = refusal.assertionId === null ? "-" : clean(refusal.assertionId, 100);
  const uai = refusal.uais.length ? clean(refusal.uais.slice(0, 10).join(","), 220) : "-";
  return `[GAR] connexion refusée : raison=${refusal.reason} assertion=${assertion} uai=${uai} détail=${clean(refusal.detail, 300)}`;
}

export function logGarRefusal(refusal: GarRefusal): void {
  console.warn(garRefusalLogLine(refusal));
}
