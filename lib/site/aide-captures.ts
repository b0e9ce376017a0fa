/**
 * The screenshots of the help pages: files of public/aide/, written by `npm run aide:captures`
 * (scripts/aide-captures.ts) from the demo school, with their size in pixels (no layout shift while they load).
 * The script clips each screenshot to the size below.
 */
export const AIDE_CAPTURES = {
  "eleve-code": { src: "/aide/eleve-code.png", width: 390, height: 600 },
  "eleve-envoi": { src: "/aide/eleve-envoi.png", width: 390, height: 700 },
  "orga-campagnes": { src: "/aide/orga-campagnes.png", width: 1100, height: 700 },
  "orga-creer": { src: "/aide/orga-creer.png", width: 1100, height: 900 },
  "orga-campagne": { src: "/aide/orga-campagne.png", width: 1100, height: 700 },
  "orga-resultats": { src: "/aide/orga-resultats.png", width: 1100, height: 700 },
  "orga-analyse": { src: "/aide/orga-analyse.png", width: 1100, height: 700 },
} as const;

export type AideCapture = keyof typeof AIDE_CAPTURES;
