import { CircleCheck, Hourglass, Play, type LucideIcon } from "lucide-react";
import { participationStatusLabel, type ParticipationStatus } from "@/lib/domain/participations/status";

/** Text and background pairs above 4.5:1, and an icon per status, so the colour only repeats what the word says. */
const STYLES: Record<ParticipationStatus, { className: string; Icon: LucideIcon }> = {
  STARTED: { className: "bg-amber-100 text-amber-900", Icon: Play },
  TO_SHARE: { className: "bg-sky-100 text-sky-900", Icon: Hourglass },
  SHARED: { className: "bg-green-100 text-green-900", Icon: CircleCheck },
};

/** A participation's status as a coloured tag (« En cours », « En attente d'envoi », « Résultats reçus » / « Profil reçu »). */
export function StatusBadge({ status, campaignType }: { status: ParticipationStatus; campaignType: "ASSESSMENT" | "PROFILES_COLLECTION" }) {
  const { className, Icon } = STYLES[status];
  return (
    <span className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-semibold ${className}`}>
      <Icon className="h-3.5 w-3.5 shrink-0" />
      {participationStatusLabel(status, campaignType)}
    </span>
  );
}
