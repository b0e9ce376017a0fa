export type ParticipationStatus = "STARTED" | "TO_SHARE" | "SHARED";

/** Teacher-facing labels; a profiles collection says "Profil reçu" once shared. */
export function participationStatusLabel(status: ParticipationStatus, campaignType: "ASSESSMENT" | "PROFILES_COLLECTION" = "ASSESSMENT"): string {
  if (status === "STARTED") return "En cours";
  if (status === "TO_SHARE") return "En attente d'envoi";
  return campaignType === "PROFILES_COLLECTION" ? "Profil reçu" : "Résultats reçus";
}
