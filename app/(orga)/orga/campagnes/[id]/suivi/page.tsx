import type { Metadata } from "next";
import Link from "next/link";
import { FilterSelect } from "@/components/orga/campaigns/filter-fields";
import { LiveViewBoard } from "@/components/orga/live-view/live-view-board";
import { campaignForPage } from "@/lib/auth/campaign-access";
import { divisionFilter, liveViewClasses, readLiveView } from "@/lib/use-cases/live-view/read-live-view";

/** The tab's own title (RGAA 8.6: every page names itself; the campaign's name is in the page's heading). */
export const metadata: Metadata = { title: "Suivi en direct — Campagne" };

export const dynamic = "force-dynamic";

/**
 * « Suivi en direct » (issue 17): during a class session, where each pupil is. The first render reads the rows here, so
 * the page works without JavaScript (« Actualiser » reloads it); with JavaScript it keeps itself up to date. No meta
 * refresh: reloading every few seconds would throw a keyboard or screen-reader user back to the top of the page.
 */
export default async function LiveViewPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ classe?: string }> }) {
  const campaign = await campaignForPage((await params).id);
  const division = divisionFilter((await searchParams).classe);
  const [snapshot, classes] = await Promise.all([
    readLiveView({ userId: campaign.userId, campaignId: campaign.id, division, now: new Date() }),
    liveViewClasses({ userId: campaign.userId, campaignId: campaign.id }),
  ]);
  const here = `/orga/campagnes/${campaign.id}/suivi${division ? `?classe=${encodeURIComponent(division)}` : ""}`;
  return (
    <section aria-labelledby="live-title" className="space-y-5">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 id="live-title" className="text-xl font-bold">Suivi en direct</h2>
        <Link href={here} prefetch={false} className="font-semibold text-brand-700 underline hover:no-underline">Actualiser</Link>
      </div>
      <p className="text-slate-700">
        Pendant la séance, l'avancement de chaque élève. Un élève est signalé « bloqué ? » s'il n'a pas répondu depuis plus de 4 minutes,
        s'il a passé 3 questions de suite ou s'il a dépassé le temps 3 fois.
      </p>
      {classes.length > 0 && (
        <form className="flex flex-wrap items-end gap-3" action={`/orga/campagnes/${campaign.id}/suivi`}>
          <FilterSelect name="classe" label="Classe" allLabel="Tous les participants" value={division ?? undefined} options={classes.map((c) => ({ value: c, label: c }))} />
          <button type="submit" className="rounded-lg border border-slate-300 bg-white px-4 py-2 font-semibold hover:bg-slate-100">Afficher</button>
        </form>
      )}
      <LiveViewBoard key={division ?? ""} initial={snapshot} campaignId={campaign.id} showDivision={division === null} />
    </section>
  );
}
