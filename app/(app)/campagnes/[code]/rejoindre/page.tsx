import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { JoinWithoutAccount } from "@/components/app/reconciliation/join-without-account";
import { ReconciliationForm } from "@/components/app/reconciliation/reconciliation-form";
import { primaryButton } from "@/components/ui/button-styles";
import { lookUpCampaignForPage } from "@/components/app/campaign/code-lookup-refused";
import { findUserName } from "@/lib/db/queries/orga-context";
import { rosterLinkStatus } from "@/lib/use-cases/roster/reconcile-learner";
import { LEARNER_DISABLED_MESSAGE } from "@/lib/use-cases/roster/reconciliation-messages";

export const metadata: Metadata = { title: "Rejoindre le parcours" };

/** A restricted campaign: the pupil says who they are (once) so that their account joins the school's roster. */
export default async function JoinRestrictedCampaign({ params }: { params: Promise<{ code: string }> }) {
  const lookup = await lookUpCampaignForPage((await params).code);
  if ("refusal" in lookup) return lookup.refusal;
  const { userId, campaign } = lookup;
  const landing = `/campagnes/${campaign.code}`;
  if (!campaign.isRestricted || !campaign.isAccessible) redirect(landing);
  const status = userId === null ? null : await rosterLinkStatus(campaign.establishmentId, userId);
  if (status === "LINKED") redirect(landing);
  return (
    <article className="mx-auto max-w-2xl space-y-6 rounded-2xl bg-white p-6 shadow-sm sm:p-10">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">{campaign.establishmentName}</p>
      <h1 className="text-3xl font-bold">Rejoindre le parcours « {campaign.title ?? campaign.name} »</h1>
      {status === "DISABLED" ? (
        <p className="rounded-lg bg-amber-50 p-4 font-medium text-amber-900">{LEARNER_DISABLED_MESSAGE}</p>
      ) : status === "NONE" ? (
        <section aria-labelledby="identity-title" className="space-y-4">
          <h2 id="identity-title" className="text-xl font-bold">Qui êtes-vous ?</h2>
          <p>Ce parcours est réservé aux élèves de l&apos;établissement. Vérifiez votre prénom et votre nom tels que l&apos;établissement les connaît, puis indiquez votre date de naissance : vous ne le ferez qu&apos;une fois.</p>
          <ReconciliationForm code={campaign.code} accountNames={(userId !== null && (await findUserName(userId))) || undefined} />
        </section>
      ) : (
        <>
          <section aria-labelledby="login-title" className="space-y-3">
            <h2 id="login-title" className="text-xl font-bold">J&apos;ai déjà un compte Pix</h2>
            <Link href={`/connexion?retour=${encodeURIComponent(`${landing}/rejoindre`)}`} className={primaryButton}>Je me connecte</Link>
          </section>
          <section aria-labelledby="sign-up-title" className="space-y-4 border-t border-slate-200 pt-6">
            <h2 id="sign-up-title" className="text-xl font-bold">Je n&apos;ai pas de compte Pix</h2>
            <p>Ce parcours est réservé aux élèves de l&apos;établissement. Indiquez d&apos;abord votre prénom, votre nom et votre date de naissance.</p>
            <JoinWithoutAccount code={campaign.code} />
          </section>
        </>
      )}
    </article>
  );
}
