/** The GAR attributes we read (Pix's `saml.attributeMapping`): opaque id, first name, last name, school. */
export const GAR_ATTRIBUTES = { samlId: "IDO", firstName: "PRE", lastName: "NOM", uai: "UAI" } as const;

/**
 * Who the GAR says arrives: IDO is stable per pupil and per resource; names are those of the ENT. UAI may carry
 * several schools (a cité scolaire, a pupil attached to two establishments): all are kept, the registered one wins.
 */
export type GarIdentity = { samlId: string; firstName: string; lastName: string; uais: string[] };

const MAX_LENGTH = 200;
/** A UAI is 8 characters; a few more are tolerated, never a novel. */
const MAX_UAI_LENGTH = 20;
/** More schools than this in one assertion is not a pupil: the rest is ignored. */
const MAX_UAIS = 10;

/** node-saml gives an attribute as a string, a list of strings (multi-valued) or an object for empty/typed values. */
function texts(value: unknown): string[] {
  const values = Array.isArray(value) ? value : [value];
  return values
    .map((candidate) => (typeof candidate === "string" ? candidate : candidate && typeof candidate === "object" && "_" in candidate ? (candidate as { _: unknown })._ : null))
    .filter((text): text is string => typeof text === "string" && Boolean(text.trim()))
    .map((text) => text.trim().replace(/\s+/g, " "));
}

const firstText = (value: unknown): string | null => texts(value)[0] ?? null;

/**
 * The GAR identity in a validated assertion's attributes, or null when IDO, PRE or NOM is missing (or absurdly
 * long). The UAIs are optional here: a returning pupil needs only IDO; a first arrival without a registered UAI is refused later.
 */
export function garIdentityOf(attributes: Readonly<Record<string, unknown>>): GarIdentity | null {
  const samlId = firstText(attributes[GAR_ATTRIBUTES.samlId]);
  const firstName = firstText(attributes[GAR_ATTRIBUTES.firstName]);
  const lastName = firstText(attributes[GAR_ATTRIBUTES.lastName]);
  if (!samlId || !firstName || !lastName) return null;
  if ([samlId, firstName, lastName].some((text) => text.length > MAX_LENGTH)) return null;
  const uais = texts(attributes[GAR_ATTRIBUTES.uai])
    .map((uai) => uai.toUpperCase())
    .filter((uai) => uai.length <= MAX_UAI_LENGTH);
  return { samlId, firstName, lastName, uais: [...new Set(uais)].slice(0, MAX_UAIS) };
}
