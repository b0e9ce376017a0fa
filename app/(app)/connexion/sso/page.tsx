import type { Metadata } from "next";
import { SsoSignIn } from "@/components/app/gar/sso-sign-in";
import { env } from "@/lib/env";
import { relayStatePath } from "@/lib/saml/relay-state";

export const metadata: Metadata = { title: "Connexion par le Médiacentre", referrer: "no-referrer" };

/** Where the GAR sign-in lands with its single-use token (see app/api/saml/acs), and the page it was heading for. */
export default async function SsoSignInPage({ searchParams }: { searchParams: Promise<{ token?: string; retour?: string }> }) {
  const { token, retour } = await searchParams;
  return (
    <section className="mx-auto max-w-md space-y-4 rounded-2xl bg-white p-6 shadow-sm sm:p-8">
      <h1 className="text-2xl font-bold">Connexion par le Médiacentre</h1>
      <SsoSignIn token={typeof token === "string" ? token : ""} redirectTo={relayStatePath(retour, env().APP_URL) ?? "/campagnes"} />
    </section>
  );
}
