import { OrgaLogin } from "@/components/orga/orga-login";
import { NoOrgaAccess } from "@/components/orga/no-orga-access";
import { getOrgaContext } from "@/lib/auth/orga-actor";

export const dynamic = "force-dynamic";

export default async function OrgaHome() {
  const context = await getOrgaContext();
  if (!context) return <OrgaLogin />;
  if (!context.current) return <NoOrgaAccess />;
  return (
    <div>
      <h1 className="text-2xl font-bold">Campagnes</h1>
      <p className="mt-2 text-slate-700">{context.current.establishmentName}</p>
    </div>
  );
}
