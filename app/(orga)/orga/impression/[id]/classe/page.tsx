import type { Metadata } from "next";
import Link from "next/link";
import QRCode from "qrcode";
import { BreakableUrl } from "@/components/ui/breakable-url";
import { PrintButton } from "@/components/ui/print-button";
import { PrintSheetStyle } from "@/components/orga/print/print-sheet-style";
import { ClassSheetTable } from "@/components/orga/print/class-sheet-table";
import { campaignForPage } from "@/lib/auth/campaign-access";
import { campaignDetails } from "@/lib/db/queries/campaign-list";
import { classSheetPupils, establishmentNameOf } from "@/lib/db/queries/class-sheet";
import { listDivisions } from "@/lib/db/queries/learners";
import { formatDate } from "@/lib/domain/shared/format-date";
import { appUrl } from "@/lib/urls";

export const metadata: Metadata = { title: "Fiche de classe à imprimer" };

/**
 * The class sheet a teacher prints before the session: the campaign's code and QR code, the steps, and for each pupil
 * of the chosen class what they sign in with. Only the members of the campaign's establishment reach it
 * (campaignForPage); the classes offered and the pupils listed are that establishment's only.
 */
export default async function ClassSheetPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ classe?: string | string[] }> }) {
  const access = await campaignForPage((await params).id);
  const requested = (await searchParams).classe;
  const chosen = typeof requested === "string" ? requested.trim() : "";
  const [c, divisions, schoolName] = await Promise.all([campaignDetails(access.id), listDivisions(access.establishmentId), establishmentNameOf(access.establishmentId)]);
  const division = divisions.includes(chosen) ? chosen : null;
  const unknownDivision = chosen !== "" && division === null;

  return (
    <div className="space-y-6">
      <PrintSheetStyle />
      <form method="get" className="flex flex-wrap items-end gap-3 rounded-2xl bg-white p-4 shadow-sm print:hidden">
        <p className="w-full">
          <Link href={`/orga/campagnes/${c.id}`} className="font-semibold text-brand-700 underline">← Retour à la campagne</Link>
        </p>
        <div className="flex flex-col gap-1">
          <label htmlFor="classe" className="font-semibold">Classe</label>
          <select id="classe" name="classe" defaultValue={division ?? ""} aria-describedby={unknownDivision ? "classe-erreur" : undefined} className="rounded-lg border border-slate-400 px-3 py-2">
            <option value="" disabled>Choisissez une classe</option>
            {divisions.map((d) => (
              <option key={d} value={d}>{d}</option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">Afficher la fiche</button>
        {division && <PrintButton />}
        {unknownDivision && (
          <p id="classe-erreur" role="alert" className="w-full font-semibold text-red-800">
            Cette classe n&apos;existe pas dans la liste des élèves de votre établissement : choisissez-en une dans la liste.
          </p>
        )}
        {divisions.length === 0 && (
          <p className="w-full text-slate-700">
            Aucune classe : importez d&apos;abord la liste des élèves (onglet « Élèves »). Vous pouvez imprimer <Link href={`/orga/impression/${c.id}`} className="font-semibold text-brand-700 underline">le code de la campagne</Link> seul.
          </p>
        )}
      </form>
      {division && <ClassSheet campaign={c} division={division} schoolName={schoolName} establishmentId={access.establishmentId} />}
    </div>
  );
}

async function ClassSheet({ campaign: c, division, schoolName, establishmentId }: { campaign: Awaited<ReturnType<typeof campaignDetails>>; division: string; schoolName: string; establishmentId: number }) {
  const link = appUrl(`/campagnes/${c.code}`);
  const [qr, pupils] = await Promise.all([
    QRCode.toString(link, { type: "svg", errorCorrectionLevel: "M", margin: 1 }),
    classSheetPupils(establishmentId, division),
  ]);
  return (
    <article data-sheet="classe" className="mx-auto max-w-3xl space-y-6 rounded-2xl bg-white p-4 shadow-sm sm:p-8">
      <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-slate-300 pb-3">
        <p className="font-semibold" data-testid="sheet-school">{schoolName}</p>
        <p>
          Classe <strong data-testid="sheet-division">{division}</strong> · <span data-testid="sheet-date">{formatDate(new Date())}</span>
        </p>
      </div>
      <h1 className="text-center text-2xl font-bold">{c.title ?? c.name}</h1>
      <div className="grid items-center gap-6 sm:grid-cols-[1fr_auto] print:grid-cols-[1fr_auto]">
        <div className="space-y-4 text-center">
          <p className="text-lg">Votre code de parcours :</p>
          <p className="font-mono text-5xl font-extrabold tracking-wider sm:text-6xl sm:tracking-widest" data-testid="sheet-code" aria-label={`Code : ${c.code.split("").join(" ")}`}>
            {c.code}
          </p>
        </div>
        <figure className="mx-auto w-44">
          <div className="w-44" role="img" aria-label={`QR code du lien ${link}`} dangerouslySetInnerHTML={{ __html: qr }} />
          <figcaption className="mt-2 text-center text-sm"><BreakableUrl url={link} testId="sheet-link" /></figcaption>
        </figure>
      </div>
      <ol className="list-decimal space-y-2 pl-6 text-lg">
        <li>Allez sur <BreakableUrl url={appUrl("/")} /> (ou scannez le QR code).</li>
        <li>Cliquez sur « J&apos;ai un code » et saisissez le code ci-dessus.</li>
        <li>Connectez-vous : avec votre identifiant (ci-dessous), ou avec votre adresse e-mail si vous avez un compte personnel. Pas encore de compte ? Créez-le : l&apos;établissement vous retrouve dans la liste des élèves.</li>
        <li>Répondez aux questions jusqu&apos;à la fin, puis cliquez sur « J&apos;envoie mes résultats ».</li>
      </ol>
      <ClassSheetTable division={division} pupils={pupils} />
    </article>
  );
}
