import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { BreakableUrl } from "@/components/ui/breakable-url";
import { SafeMarkdown } from "@/components/ui/safe-markdown";
import { secondaryButton } from "@/components/ui/button-styles";
import { archiveCampaignAction, deleteCampaignAction } from "@/lib/actions/campaign-actions";
import { campaignForPage } from "@/lib/auth/campaign-access";
import { campaignDetails } from "@/lib/db/queries/campaign-list";
import { canManageCampaign } from "@/lib/domain/authorization/permissions";
import { appUrl } from "@/lib/urls";

/** The tab's own title (RGAA 8.6: every page names itself; the campaign's name is in the page's heading). */
export const metadata: Metadata = { title: "Paramètres — Campagne" };

function Setting({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1 border-b border-slate-100 py-3 sm:grid-cols-3">
      <dt className="font-semibold text-slate-700">{label}</dt>
      <dd className="sm:col-span-2">{children}</dd>
    </div>
  );
}

export default async function CampaignSettingsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ modifiee?: string }> }) {
  const access = await campaignForPage((await params).id);
  const { modifiee } = await searchParams;
  const c = await campaignDetails(access.id);
  const canManage = canManageCampaign({ userId: access.userId, role: access.role }, c);
  return (
    <section aria-labelledby="settings-title" className="space-y-4 rounded-xl bg-white p-6 shadow-sm">
      <h2 id="settings-title" className="text-xl font-bold">Paramètres</h2>
      {modifiee && <p role="status" className="rounded-lg bg-green-50 p-3 font-medium text-green-900">Les modifications sont enregistrées.</p>}
      <dl>
        <Setting label="Type">{c.type === "ASSESSMENT" ? "Évaluation" : "Collecte de profils"}</Setting>
        <Setting label="Nom de la campagne">{c.name}</Setting>
        {c.targetProfile && (
          <Setting label="Parcours">
            <p className="font-medium">{c.targetProfile.name}</p>
            <p className="text-sm text-slate-700">{c.targetProfile.description}</p>
          </Setting>
        )}
        <Setting label="Libellé de l'identifiant">{c.externalIdLabel ? `${c.externalIdLabel} (${c.externalIdType === "EMAIL" ? "adresse e-mail" : "texte"})` : "Non demandé"}</Setting>
        {c.type === "ASSESSMENT" && <Setting label="Titre du parcours">{c.title ?? "—"}</Setting>}
        <Setting label="Texte de la page d'accueil">{c.landingText ? <SafeMarkdown>{c.landingText}</SafeMarkdown> : "—"}</Setting>
        <Setting label="Propriétaire">{c.ownerName}</Setting>
        <Setting label="Envoi multiple">{c.multipleSendings ? "Oui" : "Non"}</Setting>
        {c.type === "ASSESSMENT" && (
          <Setting label="Déroulement du test">
            {c.assessmentMethod === "PRECISION" ? `Arrêt à la précision visée (± ${c.precisionTarget} points)` : "Déroulement historique (« smart random »)"}
          </Setting>
        )}
        <Setting label="Lien direct"><BreakableUrl url={appUrl(`/campagnes/${c.code}`)} /></Setting>
      </dl>
      <div className="flex flex-wrap items-center gap-3 pt-2">
        {canManage && (
          <Link href={`/orga/campagnes/${c.id}/modifier`} className={secondaryButton}>
            Modifier
          </Link>
        )}
        {canManage && (
          <ActionForm action={archiveCampaignAction} hidden={{ campaignId: c.id, archived: c.archivedAt ? "false" : "true" }} label={c.archivedAt ? "Désarchiver" : "Archiver"} className={secondaryButton} />
        )}
        <Link href={`/orga/campagnes/nouvelle?copie=${c.id}`} className={secondaryButton}>
          Dupliquer
        </Link>
        {canManage && (
          <ActionForm
            action={deleteCampaignAction}
            hidden={{ campaignId: c.id }}
            label="Supprimer"
            className={secondaryButton}
            confirm={`Supprimer définitivement « ${c.name} » ? Les participations seront anonymisées et les résultats ne seront plus consultables ; le code ne fonctionnera plus. Cette action est irréversible.`}
            confirmLabel="Oui, supprimer la campagne"
          />
        )}
      </div>
      {!canManage && <p className="text-sm text-slate-700">Seuls le propriétaire de la campagne et les administrateurs peuvent la modifier, l&apos;archiver ou la supprimer.</p>}
    </section>
  );
}
