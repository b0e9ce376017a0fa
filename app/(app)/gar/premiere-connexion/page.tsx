import type { Metadata } from "next";
import Link from "next/link";
import { GarBirthdateForm } from "@/components/app/gar/birthdate-form";
import { findPendingGarIdentity } from "@/lib/use-cases/gar/find-pending-gar-identity";
import { PENDING_EXPIRED_MESSAGE } from "@/lib/use-cases/gar/gar-messages";
import { completeGarFirstArrivalAction } from "@/lib/actions/gar-actions";
import { env } from "@/lib/env";
import { relayStatePath } from "@/lib/saml/relay-state";

export const metadata: Metadata = { title: "Première connexion par le Médiacentre", referrer: "no-referrer" };

/** First arrival from the GAR: the names come from the ENT, the pupil confirms their birthdate. */
export default async function GarFirstArrivalPage({ searchParams }: { searchParams: Promise<{ token?: string; retour?: string }> }) {
  const { token, retour } = await searchParams;
  const pendingToken = typeof token === "string" ? token : "";
  const identity = await findPendingGarIdentity(pendingToken);
  return (
    <section className="mx-auto max-w-md space-y-4 rounded-2xl bg-white p-6 shadow-sm sm:p-8">
      <h1 className="text-2xl font-bold">Première connexion</h1>
      {identity ? (
        <>
          <p className="text-slate-800">
            Bonjour <strong>{identity.firstName} {identity.lastName}</strong>, c&apos;est votre première connexion à Pix depuis le Médiacentre de votre ENT.
            Indiquez votre date de naissance pour que nous vous retrouvions dans la liste des élèves de votre établissement.
          </p>
          <GarBirthdateForm token={pendingToken} returnTo={relayStatePath(retour, env().APP_URL)} action={completeGarFirstArrivalAction} />
        </>
      ) : (
        <>
          <p role="alert" className="font-medium text-red-700">{PENDING_EXPIRED_MESSAGE}</p>
          <p><Link href="/connexion" className="font-semibold text-brand-700 underline">Se connecter autrement</Link></p>
        </>
      )}
    </section>
  );
}
