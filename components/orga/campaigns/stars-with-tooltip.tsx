import { frenchTypography } from "@/lib/domain/typography/french-typography";
import { Stars } from "@/components/ui/stars";

/** Stars of the stage reached, with the stage's teacher title and description on hover and on focus. */
export function StarsWithTooltip({ reached, total, title, description }: { reached: number; total: number; title: string; description: string }) {
  return (
    <span className="group relative inline-flex items-center" tabIndex={0} aria-describedby={undefined}>
      <Stars reached={reached} total={total} />
      <span role="tooltip" className="absolute left-0 top-full z-10 mt-1 hidden w-72 max-w-[calc(100vw-3rem)] rounded-lg bg-slate-900 p-3 text-xs text-white shadow-lg group-hover:block group-focus:block">
        <strong className="block">{frenchTypography(title)}</strong>
        {frenchTypography(description)}
      </span>
    </span>
  );
}
