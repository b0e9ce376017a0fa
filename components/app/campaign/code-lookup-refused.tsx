import type { ReactElement } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { clientAddress } from "@/lib/auth/request-context";
import { getSessionUserId } from "@/lib/auth/session";
import { DomainError } from "@/lib/domain/shared/errors";
import { findCampaignForRequester } from "@/lib/use-cases/participations/pupil-campaign";

type CampaignForPupil = NonNullable<Awaited<ReturnType<typeof findCampaignForRequester>>>;

/** Too many wrong codes from this visitor: the same answer for real and unknown codes, so it tells nothing. */
export function CodeLookupRefused({ message }: { message: string }) {
  return (
    <section className="mx-auto max-w-md space-y-4 rounded-2xl bg-white p-6 shadow-sm sm:p-8">
      <h1 className="text-2xl font-bold">Trop de tentatives</h1>
      <p role="alert" className="rounded-lg bg-amber-50 p-4 font-medium text-amber-900">{message}</p>
      <p><Link href="/connexion" className="font-semibold text-brand-700 underline">Se connecter</Link></p>
    </section>
  );
}

/**
 * A page under /campagnes/CODE looks its code up under the « J'ai un code » limits (a direct link is no way around
 * them): the campaign and who asks, or the refusal to render. An unknown code is a 404.
 */
export async function lookUpCampaignForPage(typed: string): Promise<{ userId: number | null; campaign: CampaignForPupil } | { refusal: ReactElement }> {
  const userId = await getSessionUserId();
  let campaign;
  try {
    campaign = await findCampaignForRequester(typed, { address: await clientAddress(), userId });
  } catch (error) {
    if (error instanceof DomainError) return { refusal: <CodeLookupRefused message={error.message} /> };
    throw error;
  }
  if (!campaign) notFound();
  return { userId, campaign };
}
