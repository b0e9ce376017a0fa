import { MASTERY_BANDS, MASTERY_BANDS_HEADING } from "@/lib/domain/scoring/stages";
import { Stars } from "@/components/ui/stars";

/** "Clés de lecture des résultats": the four bands with their stars and the guide's texts. */
export function MasteryKey() {
  const total = MASTERY_BANDS.length - 1;
  return (
    <details className="rounded-xl bg-white p-5 shadow-sm">
      <summary className="cursor-pointer text-lg font-bold">{MASTERY_BANDS_HEADING}</summary>
      <ul className="mt-4 space-y-4">
        {MASTERY_BANDS.map((band, i) => (
          <li key={band.threshold} className="space-y-1">
            <p className="flex flex-wrap items-center gap-3">
              <Stars reached={i} total={total} />
              <span>{band.rangeLabel} : <strong>{band.prescriberTitle}</strong></span>
            </p>
            {band.guidance.map((text) => <p key={text} className="text-sm text-slate-700">{text}</p>)}
          </li>
        ))}
      </ul>
    </details>
  );
}
