/**
 * Print rules of the sheets a teacher hands out (code sheet, class sheet): an A4 page with narrow margins, and nothing
 * of the site around the sheet (header, navigation, footer, skip link) on paper. React hoists the stylesheet into the
 * head and waits for it before showing the page (`precedence`); the rules live in public/print/sheet.css.
 */
export function PrintSheetStyle() {
  return <link rel="stylesheet" href="/print/sheet.css" precedence="default" />;
}
