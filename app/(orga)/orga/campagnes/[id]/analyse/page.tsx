import { campaignForPage } from "@/lib/auth/campaign-access";

export default async function CampaignAnalysisPage({ params }: { params: Promise<{ id: string }> }) {
  const campaign = await campaignForPage((await params).id);
  return (
    <section aria-labelledby="analysis-title" className="space-y-3 rounded-xl bg-white p-6 shadow-sm">
      <h2 id="analysis-title" className="text-xl font-bold">Analyse</h2>
      <p className="text-slate-700">L&apos;analyse des sujets à travailler de « {campaign.name} » s&apos;affichera dès que des résultats seront reçus.</p>
    </section>
  );
}
