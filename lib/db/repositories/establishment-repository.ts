import { db } from "../client";

/** Establishments as the operators' and the self-activation use cases need them. Callers decide who may ask. */
export async function establishmentIdByUai(uai: string): Promise<number | null> {
  return (await db.establishment.findUnique({ where: { uai }, select: { id: true } }))?.id ?? null;
}

export async function insertEstablishment(data: { name: string; uai: string | null; type: "SCO" | "SUP" | "PRO"; contactEmail: string; isManagingStudents: boolean; createdAt: Date }) {
  return db.establishment.create({ data, select: { id: true, name: true } });
}

/** What the self-activation needs to know (the contact address is never shown to the requester). */
export async function establishmentForActivation(uai: string) {
  return db.establishment.findUnique({ where: { uai }, select: { id: true, name: true, type: true, contactEmail: true, archivedAt: true } });
}

export async function establishmentKind(establishmentId: number): Promise<{ type: string; name: string }> {
  return db.establishment.findUniqueOrThrow({ where: { id: establishmentId }, select: { type: true, name: true } });
}

/** Target profiles among `ids` that are still offered. */
export async function activeTargetProfiles(ids: string[]): Promise<{ id: string; name: string }[]> {
  return db.targetProfile.findMany({ where: { id: { in: ids }, retiredAt: null }, select: { id: true, name: true } });
}
