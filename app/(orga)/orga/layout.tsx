import type { Metadata } from "next";
import { OrgaHeader } from "@/components/orga/orga-header";
import { getOrgaContext } from "@/lib/auth/orga-actor";

export const metadata: Metadata = { title: { default: "Pix Orga", template: "%s | Pix Orga" } };

export const dynamic = "force-dynamic";

export default async function OrgaLayout({ children }: { children: React.ReactNode }) {
  const context = await getOrgaContext();
  return (
    <>
      <OrgaHeader context={context} />
      <main id="contenu" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
