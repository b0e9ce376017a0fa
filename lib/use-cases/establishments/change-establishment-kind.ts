import "server-only";
import { setEstablishmentKindByUai } from "../../db/repositories/establishment-repository";
import type { EstablishmentKind } from "../../domain/establishments/establishment-kind";
import { DomainError } from "../../domain/shared/errors";
import { createRentreeCampaigns } from "../campaigns/create-rentree-campaigns";

/**
 * Platform operators: the kind of school of an establishment, then the rentrée campaigns of that kind
 * (existing campaigns stay as they are: teachers may be using them).
 */
export async function changeEstablishmentKind(input: { uai: string; kind: EstablishmentKind; now?: Date }): Promise<{ name: string; rentreeCampaignsCreated: number }> {
  const establishment = await setEstablishmentKindByUai(input.uai, input.kind);
  if (!establishment) throw new DomainError("UNKNOWN_UAI", `Aucun établissement n'a l'UAI ${input.uai}.`);
  return { name: establishment.name, rentreeCampaignsCreated: await createRentreeCampaigns(establishment.id, input.now ?? new Date()) };
}
