import { campaignForPage } from "@/lib/auth/campaign-access";

export default async function CampaignResultsPage({ params }: { params: Promise<{ id: string }> }) {
  const campaign = await campaignForPage((await params).id);
  return (
    <section aria-labelledby="results-title" className="space-y-3 rounded-xl bg-white p-6 shadow-sm">
      <h2 id="results-title" className="text-xl font-bold">Résultats</h2>
      <p className="text-slate-700">Les résultats envoyés par les participants de « {campaign.name} » s&apos;afficheront ici.</p>
    </section>
  );
}
