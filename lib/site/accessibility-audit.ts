/**
 * What the accessibility declaration states about the automatic checks. Kept true by tests/unit/site: the number of
 * Pix Orga page models is the app folder's, the axe version the one installed.
 */
export const ACCESSIBILITY_AUDIT = {
  /** Date of the declaration (dd/mm/yyyy). */
  date: "06/12/2026",
  /** Page models of Pix Orga (app/(orga)/orga/**\/page.tsx), each visited on a 390 px phone by tests/e2e/orga-phone.spec.ts. */
  orgaPageModels: 19,
  axeCoreVersion: "4.14",
} as const;
