import type { EstablishmentKind } from "../../domain/establishments/establishment-kind";
import { db } from "../client";

/** Establishments as the operators' and the self-activation use cases need them. Callers decide who may ask. */
export async function establishmentIdByUai(uai: string): Promise<number | null> {
  return (await db.establishment.findUnique({ where: { uai }, select: { id: true } }))?.id ?? null;
}

export async function insertEstablishment(data: { name: string; uai: string | null; type: "SCO" | "SUP" | "PRO"; kind: EstablishmentKind; contactEmail: string; isManagingStudents: boolean; createdAt: Date }) {
  return db.establishment.create({ data, select: { id: true, name: true } });
}

/** Operators: corrects the kind of an establishment found by its UAI; null when there is none. */
export async function setEstablishmentKindByUai(uai: string, kind: EstablishmentKind): Promise<{ id: number; name: string } | null> {
  const found = await db.establishment.findUnique({ where: { uai }, select: { id: true } });
  if (!found) return null;
  return db.establishment.update({ where: { id: found.id }, data: { kind }, select: { id: true, name: true } });
}

/** What the self-activation needs to know (the contact address is never shown to the requester). */
export async function establishmentForActivation(uai: string) {
  return db.establishment.findUnique({ where: { uai }, select: { id: true, name: true, type: true, contactEmail: true, archivedAt: true } });
}

export async function establishmentKind(establishmentId: number): Promise<EstablishmentKind> {
  return (await db.establishment.findUniqueOrThrow({ where: { id: establishmentId }, select: { kind: true } })).kind;
}

/** Target profiles among `ids` that are still offered. */
export async function activeTargetProfiles(ids: string[]): Promise<{ id: string; name: string }[]> {
  return db.targetProfile.findMany({ where: { id: { in: ids }, retiredAt: null }, select: { id: true, name: true } });
}
