import { pointsText } from "@/lib/domain/scoring/precision";

/**
 * « 62 % ± 6 » or « 62 % ± 4,5 »: a mastery percentage with its precision (± in points), or the percentage alone for results
 * kept before the precision was computed. No-break spaces: the figure never wraps inside.
 */
export function MasteryFigure({ percent, precision, suffix = "" }: { percent: number; precision: number | null; suffix?: string }) {
  return (
    <>
      <span className="whitespace-nowrap">
        {percent}&nbsp;%{precision !== null && <>&nbsp;±&nbsp;{pointsText(precision)}</>}
      </span>
      {suffix}
    </>
  );
}
