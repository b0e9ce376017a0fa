import { headers } from "next/headers";

/**
 * Print rules of the sheets a teacher hands out (code sheet, class sheet): an A4 page with narrow margins, and nothing
 * of the site around the sheet (header, navigation, footer, skip link) on paper. Scoped to the sheet's page — it is
 * part of that page's tree — and carries the request's CSP nonce, as inline styles must (proxy.ts).
 */
export async function PrintSheetStyle() {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  const css = `
@page { size: A4 portrait; margin: 12mm; }
@media print {
  html, body { background: #fff !important; }
  header, footer, nav, a[href="#contenu"] { display: none !important; }
  main#contenu { max-width: none !important; padding: 0 !important; margin: 0 !important; }
  [data-sheet] { box-shadow: none !important; padding: 0 !important; }
  [data-sheet] tr, [data-sheet] figure, [data-sheet] ol { break-inside: avoid; }
  [data-sheet] thead { display: table-header-group; }
}`;
  return <style nonce={nonce}>{css}</style>;
}
