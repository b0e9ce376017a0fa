import { MASTERY_BANDS, MASTERY_BANDS_HEADING, MASTERY_READING_NOTE, masteryBandsOf, type Stage } from "@/lib/domain/scoring/stages";
import { Stars } from "@/components/ui/stars";
import { frenchTypography } from "@/lib/domain/typography/french-typography";
import { PRECISION_KEY_TEXT } from "@/lib/domain/scoring/precision";

/** "Clés de lecture des résultats": the four bands with their stars, described for the campaign's parcours. */
export function MasteryKey({ stages = [] }: { stages?: readonly Pick<Stage, "threshold" | "prescriberDescription">[] }) {
  const bands = stages.length > 0 ? masteryBandsOf(stages) : MASTERY_BANDS;
  const total = bands.length - 1;
  return (
    <details className="rounded-xl bg-white p-5 shadow-sm">
      <summary className="cursor-pointer text-lg font-bold">{MASTERY_BANDS_HEADING}</summary>
      <p className="mt-3 text-sm text-slate-700">{frenchTypography(MASTERY_READING_NOTE)}</p>
      <ul className="mt-4 space-y-4">
        {bands.map((band, i) => (
          <li key={band.threshold} className="space-y-1">
            <p className="flex flex-wrap items-center gap-3">
              <Stars reached={i} total={total} />
              <span>{band.rangeLabel} : <strong>{band.prescriberTitle}</strong></span>
            </p>
            {band.guidance.map((text) => <p key={text} className="text-sm text-slate-700">{frenchTypography(text)}</p>)}
          </li>
        ))}
      </ul>
      <p className="mt-4 text-sm text-slate-700">{frenchTypography(PRECISION_KEY_TEXT)}</p>
    </details>
  );
}
