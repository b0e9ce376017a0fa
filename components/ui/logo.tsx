import { AREA_PALETTE } from "@/lib/domain/branding/area-palette";

/**
 * Our mark: five rising blocks, one per competence area in its colour (a profile that grows level by level), and a
 * dot for the next step. Drawn for Pix Libre; `app/icon.svg` (the favicon) is the same drawing.
 */
export function LogoMark({ className = "h-8 w-8" }: { className?: string }) {
  const blocks: [number, number, string][] = [
    [2, 20, "1"],
    [12, 20, "2"],
    [22, 20, "3"],
    [12, 10, "4"],
    [22, 10, "5"],
  ];
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden="true" focusable="false">
      {blocks.map(([x, y, area]) => (
        <rect key={area} x={x} y={y} width="8" height="8" rx="2" fill={AREA_PALETTE[area].accent} />
      ))}
      <circle cx="26" cy="4.5" r="3.5" fill="#2f3db3" />
    </svg>
  );
}

/** The brand as a link text: the mark, then the product's name (« Pix Libre » or « Pix Orga »). */
export function Logo({ name }: { name: string }) {
  return (
    <span className="inline-flex items-center gap-2">
      <LogoMark />
      <span className="text-xl font-extrabold tracking-tight text-brand-700">{name}</span>
    </span>
  );
}
