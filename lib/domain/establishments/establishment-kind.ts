/**
 * What kind of school an establishment is: it decides which parcours its teachers are offered (the rentrée
 * parcours of its classes, the disciplinary parcours of its courses). Pix's own types (SCO, SUP, PRO) do not
 * tell a collège from a lycée.
 */
export const ESTABLISHMENT_KINDS = ["COLLEGE", "LYCEE", "LYCEE_PRO", "SUPERIEUR", "AUTRE"] as const;
export type EstablishmentKind = (typeof ESTABLISHMENT_KINDS)[number];

export const ESTABLISHMENT_KIND_LABELS: Record<EstablishmentKind, string> = {
  COLLEGE: "Collège",
  LYCEE: "Lycée général et technologique",
  LYCEE_PRO: "Lycée professionnel",
  SUPERIEUR: "Enseignement supérieur",
  AUTRE: "Autre organisation",
};

/** The spellings operators type on the command line (`--niveau lycee-pro`). */
export const ESTABLISHMENT_KIND_OPTIONS: Record<string, EstablishmentKind> = {
  college: "COLLEGE",
  lycee: "LYCEE",
  "lycee-pro": "LYCEE_PRO",
  superieur: "SUPERIEUR",
  autre: "AUTRE",
};

/**
 * The kind read from Pix's type and the name, for establishments created before kinds existed and as the
 * default of `orga:create` (the migration applies the same rules in SQL). Operators correct it with
 * `npm run orga:niveau`.
 */
export function guessEstablishmentKind(establishment: { type: string; name: string }): EstablishmentKind {
  if (establishment.type === "SUP") return "SUPERIEUR";
  if (establishment.type !== "SCO") return "AUTRE";
  const name = establishment.name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  if (/\blycee (professionnel|pro\b|des metiers)|\blp\b/.test(name)) return "LYCEE_PRO";
  if (/\blycee\b/.test(name)) return "LYCEE";
  return "COLLEGE";
}

/** The rentrée parcours pre-created for each kind of establishment (owned by « Équipe Pix »). */
const RENTREE_PROFILES: Record<EstablishmentKind, readonly string[]> = {
  COLLEGE: ["tp-rentree-5e", "tp-rentree-4e", "tp-rentree-3e"],
  LYCEE: ["tp-rentree-2nde", "tp-rentree-1ere", "tp-rentree-terminale"],
  LYCEE_PRO: ["tp-rentree-2nde", "tp-rentree-1ere", "tp-rentree-terminale"],
  SUPERIEUR: ["tp-rentree-post-bac"],
  AUTRE: [],
};

export function rentreeProfilesFor(kind: EstablishmentKind): readonly string[] {
  return RENTREE_PROFILES[kind];
}
