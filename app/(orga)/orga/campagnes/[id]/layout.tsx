import Link from "next/link";
import { BreakableUrl } from "@/components/ui/breakable-url";
import { CopyButton } from "@/components/ui/copy-button";
import { CampaignTabs } from "@/components/orga/campaigns/campaign-tabs";
import { campaignForPage } from "@/lib/auth/campaign-access";
import { campaignDetails } from "@/lib/db/queries/campaign-list";
import { formatDate } from "@/lib/domain/shared/format-date";
import { appUrl } from "@/lib/urls";

export default async function CampaignLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  const { id } = await params;
  const access = await campaignForPage(id);
  const c = await campaignDetails(access.id);
  const directLink = appUrl(`/campagnes/${c.code}`);
  return (
    <div className="space-y-6">
      <header className="space-y-3 rounded-2xl bg-white p-6 shadow-sm">
        <h1 className="text-2xl font-bold">
          <Link href="/orga" className="text-brand-700 underline hover:no-underline" aria-label="Retour à la liste des campagnes">←</Link> {c.name}
        </h1>
        {c.archivedAt && <p className="inline-block rounded bg-amber-100 px-2 py-1 text-sm font-semibold text-amber-900">Campagne archivée le {formatDate(c.archivedAt)}</p>}
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-slate-700">
          <span>Créée le {formatDate(c.createdAt)}</span>
          <span aria-hidden="true">|</span>
          <span>Créée par {c.creatorName}</span>
          <span aria-hidden="true">|</span>
          <span>
            Code <strong className="font-mono text-slate-900" data-testid="campaign-code">{c.code}</strong>
          </span>
          <CopyButton value={c.code} label="Copier le code" />
        </p>
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-700">
          {c.targetProfile && (
            <>
              <span>Parcours : {c.targetProfile.name}</span>
              <span aria-hidden="true">|</span>
            </>
          )}
          <span>
            Lien direct : <BreakableUrl url={directLink} testId="direct-link" />
          </span>
          <CopyButton value={directLink} label="Copier le lien direct" />
          <Link href={`/orga/impression/${c.id}`} className="font-semibold text-brand-700 underline">
            Imprimer le code pour la classe
          </Link>
          <Link href={`/orga/impression/${c.id}/classe`} className="font-semibold text-brand-700 underline">
            Fiche de classe (identifiants)
          </Link>
        </p>
        <nav aria-label="Onglets de la campagne" className="flex flex-wrap items-end justify-between gap-3 border-t border-slate-200 pt-2">
          <CampaignTabs campaignId={c.id} sharedCount={c.sharedCount} />
          <a href={`/api/campagnes/${c.id}/export`} className="rounded-lg border border-slate-300 px-3 py-2 text-sm font-semibold hover:bg-slate-100">
            Exporter les résultats (.csv)
          </a>
        </nav>
      </header>
      {children}
    </div>
  );
}
