import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { OrgaHeader } from "@/components/orga/orga-header";
import { SiteFooter } from "@/components/ui/site-footer";
import { getOrgaContext } from "@/lib/auth/orga-actor";
import { getSession } from "@/lib/auth/session";

export const metadata: Metadata = { title: { default: "Pix Orga", template: "%s | Pix Orga" } };

export const dynamic = "force-dynamic";

export default async function OrgaLayout({ children }: { children: React.ReactNode }) {
  // A one-time password (given by a teacher) must be replaced first: that page lives in the student app.
  if ((await getSession())?.mustChangePassword) redirect("/changer-mot-de-passe?retour=/orga");
  const context = await getOrgaContext();
  return (
    <>
      <OrgaHeader context={context} />
      <main id="contenu" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
      <SiteFooter helpHref="/orga/aide" />
    </>
  );
}
