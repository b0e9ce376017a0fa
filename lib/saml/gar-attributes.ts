/** The GAR attributes we read (Pix's `saml.attributeMapping`): opaque id, first name, last name, school. */
export const GAR_ATTRIBUTES = { samlId: "IDO", firstName: "PRE", lastName: "NOM", uai: "UAI" } as const;

/** Who the GAR says arrives: IDO is stable per pupil and per resource; names are those of the ENT. */
export type GarIdentity = { samlId: string; firstName: string; lastName: string; uai: string | null };

const MAX_LENGTH = 200;

/** node-saml gives an attribute as a string, a list of strings (multi-valued) or an object for empty/typed values. */
function firstText(value: unknown): string | null {
  const values = Array.isArray(value) ? value : [value];
  for (const candidate of values) {
    const text = typeof candidate === "string" ? candidate : candidate && typeof candidate === "object" && "_" in candidate ? (candidate as { _: unknown })._ : null;
    if (typeof text === "string" && text.trim()) return text.trim().replace(/\s+/g, " ");
  }
  return null;
}

/**
 * The GAR identity in a validated assertion's attributes, or null when IDO, PRE or NOM is missing (or absurdly
 * long). The UAI is optional here: a returning pupil needs only IDO; a first arrival without UAI is refused later.
 */
export function garIdentityOf(attributes: Readonly<Record<string, unknown>>): GarIdentity | null {
  const samlId = firstText(attributes[GAR_ATTRIBUTES.samlId]);
  const firstName = firstText(attributes[GAR_ATTRIBUTES.firstName]);
  const lastName = firstText(attributes[GAR_ATTRIBUTES.lastName]);
  if (!samlId || !firstName || !lastName) return null;
  if ([samlId, firstName, lastName].some((text) => text.length > MAX_LENGTH)) return null;
  const uai = firstText(attributes[GAR_ATTRIBUTES.uai])?.toUpperCase() ?? null;
  return { samlId, firstName, lastName, uai: uai && uai.length <= 20 ? uai : null };
}
