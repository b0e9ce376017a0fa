import { OrgaLogin } from "@/components/orga/orga-login";
import { NoOrgaAccess } from "@/components/orga/no-orga-access";
import { CampaignList } from "@/components/orga/campaigns/campaign-list";
import { getOrgaContext } from "@/lib/auth/orga-actor";
import { listCampaigns } from "@/lib/db/queries/campaign-list";
import { pageNumber } from "@/lib/domain/shared/page-number";
import { appUrl } from "@/lib/urls";

type Search = { onglet?: string; statut?: string; recherche?: string; page?: string };

export default async function OrgaHome({ searchParams }: { searchParams: Promise<Search> }) {
  const context = await getOrgaContext();
  if (!context) return <OrgaLogin forgottenPasswordHref={appUrl("/mot-de-passe-oublie")} />;
  if (!context.current) return <NoOrgaAccess />;
  const search = await searchParams;
  const query = {
    onglet: search.onglet === "mes" ? ("mes" as const) : ("toutes" as const),
    statut: search.statut === "archivees" ? ("archivees" as const) : ("actives" as const),
    recherche: (search.recherche ?? "").slice(0, 100),
    page: pageNumber(search.page),
  };
  const { rows, total } = await listCampaigns({
    establishmentId: context.current.establishmentId,
    userId: context.userId,
    mine: query.onglet === "mes",
    archived: query.statut === "archivees",
    search: query.recherche,
    page: query.page,
  });
  return <CampaignList rows={rows} total={total} query={query} />;
}
