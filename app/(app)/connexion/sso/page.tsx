import type { Metadata } from "next";
import { SsoSignIn } from "@/components/app/gar/sso-sign-in";

export const metadata: Metadata = { title: "Connexion par le Médiacentre", referrer: "no-referrer" };

/** Where the GAR sign-in lands with its single-use token (see app/api/saml/acs). */
export default async function SsoSignInPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return (
    <section className="mx-auto max-w-md space-y-4 rounded-2xl bg-white p-6 shadow-sm sm:p-8">
      <h1 className="text-2xl font-bold">Connexion par le Médiacentre</h1>
      <SsoSignIn token={typeof token === "string" ? token : ""} redirectTo="/campagnes" />
    </section>
  );
}
