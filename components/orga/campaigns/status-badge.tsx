import { participationStatusLabel, type ParticipationStatus } from "@/lib/domain/participations/status";

/** Text and background pairs above 4.5:1, so the colour only repeats what the word says. */
const STYLES: Record<ParticipationStatus, string> = {
  STARTED: "bg-amber-100 text-amber-900",
  TO_SHARE: "bg-sky-100 text-sky-900",
  SHARED: "bg-green-100 text-green-900",
};

/** A participation's status as a coloured tag (« En cours », « En attente d'envoi », « Résultats reçus » / « Profil reçu »). */
export function StatusBadge({ status, campaignType }: { status: ParticipationStatus; campaignType: "ASSESSMENT" | "PROFILES_COLLECTION" }) {
  return (
    <span className={`inline-block whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-semibold ${STYLES[status]}`}>
      {participationStatusLabel(status, campaignType)}
    </span>
  );
}
