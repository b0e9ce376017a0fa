import type { Metadata } from "next";
import Link from "next/link";
import QRCode from "qrcode";
import { campaignForPage } from "@/lib/auth/campaign-access";
import { campaignDetails } from "@/lib/db/queries/campaign-list";
import { establishmentNameOf } from "@/lib/db/queries/class-sheet";
import { formatDate } from "@/lib/domain/shared/format-date";
import { appUrl } from "@/lib/urls";
import { BreakableUrl } from "@/components/ui/breakable-url";
import { PrintButton } from "@/components/ui/print-button";
import { PrintSheetStyle } from "@/components/orga/print/print-sheet-style";

export const metadata: Metadata = { title: "Code de campagne à distribuer" };

/** "Donner le code campagne à ses élèves": a page to print for the class, with a QR code of the direct link. */
export default async function PrintCodePage({ params }: { params: Promise<{ id: string }> }) {
  const access = await campaignForPage((await params).id);
  const [c, schoolName] = await Promise.all([campaignDetails(access.id), establishmentNameOf(access.establishmentId)]);
  const link = appUrl(`/campagnes/${c.code}`);
  const qr = await QRCode.toString(link, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
  return (
    <article data-sheet="code" className="mx-auto max-w-2xl space-y-6 rounded-2xl bg-white p-4 text-center shadow-sm sm:p-8 print:shadow-none">
      <PrintSheetStyle />
      <p className="flex flex-wrap justify-center gap-3 print:hidden">
        <PrintButton />
        <Link href={`/orga/impression/${c.id}/classe`} className="rounded-lg border border-slate-300 px-4 py-2 font-semibold text-brand-700 hover:bg-slate-100">
          Fiche de classe avec les identifiants
        </Link>
      </p>
      <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-slate-300 pb-3 text-left">
        <p className="font-semibold" data-testid="sheet-school">{schoolName}</p>
        <p data-testid="sheet-date">{formatDate(new Date())}</p>
      </div>
      <h1 className="text-2xl font-bold">{c.title ?? c.name}</h1>
      <p className="text-lg">Votre code de parcours :</p>
      <p className="font-mono text-5xl font-extrabold tracking-wider sm:text-6xl sm:tracking-widest" aria-label={`Code : ${c.code.split("").join(" ")}`}>
        {c.code}
      </p>
      <figure className="mx-auto w-56">
        <div className="w-56" role="img" aria-label={`QR code du lien ${link}`} dangerouslySetInnerHTML={{ __html: qr }} />
        <figcaption className="mt-2 text-sm"><BreakableUrl url={link} testId="sheet-link" /></figcaption>
      </figure>
      <ol className="mx-auto max-w-md list-decimal space-y-2 pl-6 text-left text-lg">
        <li>Allez sur <BreakableUrl url={appUrl("/")} /> (ou scannez le QR code).</li>
        <li>Cliquez sur « J&apos;ai un code » et saisissez le code ci-dessus.</li>
        <li>Connectez-vous ou créez votre compte, puis répondez aux questions jusqu&apos;à la fin et cliquez sur « J&apos;envoie mes résultats ».</li>
      </ol>
    </article>
  );
}
