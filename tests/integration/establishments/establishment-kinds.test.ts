import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { listTargetProfilesForPicker } from "@/lib/db/queries/campaign-list";
import { campaignCreationSchema } from "@/lib/domain/campaigns/campaign-form";
import { ESTABLISHMENT_KINDS, guessEstablishmentKind, type EstablishmentKind } from "@/lib/domain/establishments/establishment-kind";
import { createCampaign } from "@/lib/use-cases/campaigns/create-campaign";
import { changeEstablishmentKind } from "@/lib/use-cases/establishments/change-establishment-kind";
import { createEstablishment as createEstablishmentForOperators } from "@/lib/use-cases/establishments/create-establishment";
import { addMember, createEstablishment, createUser } from "../../support/factories";

async function schoolOfKind(kind: EstablishmentKind) {
  const school = await createEstablishment({ isManagingStudents: false });
  await db.establishment.update({ where: { id: school.id }, data: { kind } });
  const teacher = await createUser();
  await addMember(school.id, teacher.id, "ADMIN");
  return { school, teacher };
}

const campaignOn = (targetProfileId: string, ownerId: number) =>
  campaignCreationSchema.parse({ name: `Sur ${targetProfileId}`, type: "ASSESSMENT", targetProfileId, askExternalId: "no", ownerId: String(ownerId) });

describe("parcours offered by kind of establishment", () => {
  it("a collège is offered its rentrée parcours and the 16 competences, a lycée its own, and nobody another kind's", async () => {
    const college = (await listTargetProfilesForPicker("COLLEGE")).map((p) => p.id);
    expect(college).toEqual(expect.arrayContaining(["tp-rentree-5e", "tp-rentree-4e", "tp-rentree-3e", "tp-competence-1-1", "tp-competence-5-2"]));
    expect(college).not.toContain("tp-snt");
    expect(college).not.toContain("tp-rentree-2nde");
    const lycee = (await listTargetProfilesForPicker("LYCEE")).map((p) => p.id);
    expect(lycee).toEqual(expect.arrayContaining(["tp-rentree-2nde", "tp-rentree-post-bac", "tp-snt", "tp-snt-internet", "tp-emc-1ere", "tp-stmg-1ere", "tp-humanites-lv-2nde"]));
    expect(lycee).not.toContain("tp-rentree-4e");
    const pro = (await listTargetProfilesForPicker("LYCEE_PRO")).map((p) => p.id);
    expect(pro).toContain("tp-emc-1ere");
    expect(pro).not.toContain("tp-snt");
    const sup = (await listTargetProfilesForPicker("SUPERIEUR")).map((p) => p.id);
    expect(sup).toContain("tp-rentree-post-bac");
    expect(sup).not.toContain("tp-rentree-terminale");
  });

  it("creating a campaign on a parcours not offered to the school is refused and creates nothing (a forged form included)", async () => {
    const { school, teacher } = await schoolOfKind("COLLEGE");
    await expect(createCampaign({ actorUserId: teacher.id, establishmentId: school.id, campaign: campaignOn("tp-snt", teacher.id) })).rejects.toMatchObject({ code: "UNKNOWN_TARGET_PROFILE", field: "targetProfileId" });
    expect(await db.campaign.count()).toBe(0);
    const created = await createCampaign({ actorUserId: teacher.id, establishmentId: school.id, campaign: campaignOn("tp-rentree-4e", teacher.id) });
    expect(created.code).toMatch(/^[A-Z]{6}\d{3}$/);
  });

  it("rentrée campaigns follow the kind, and a corrected kind adds its own", async () => {
    const created = await createEstablishmentForOperators({ name: "Lycée Marie Curie", uai: "0759001A", type: "SCO", contactEmail: "ce@example.org", isManagingStudents: false, firstAdminEmail: "ce@example.org" });
    expect(created.kind).toBe("LYCEE");
    const profiles = async () => (await db.campaign.findMany({ where: { establishmentId: created.establishmentId }, select: { targetProfileId: true } })).map((c) => c.targetProfileId).sort();
    expect(await profiles()).toEqual(["tp-rentree-1ere", "tp-rentree-2nde", "tp-rentree-terminale"]);
    const changed = await changeEstablishmentKind({ uai: "0759001A", kind: "SUPERIEUR" });
    expect(changed.rentreeCampaignsCreated).toBe(1);
    expect(await profiles()).toContain("tp-rentree-post-bac");
    await expect(changeEstablishmentKind({ uai: "0759999X", kind: "LYCEE" })).rejects.toMatchObject({ code: "UNKNOWN_UAI" });
  });

  it("the migration classifies existing establishments by the same rules as guessEstablishmentKind", async () => {
    const folder = readdirSync(path.join("prisma", "migrations")).find((name) => name.endsWith("_establishment_kinds"))!;
    const sql = readFileSync(path.join("prisma", "migrations", folder, "migration.sql"), "utf8");
    const update = sql.slice(sql.indexOf('UPDATE "establishments"'));
    const samples: { name: string; type: "SCO" | "SUP" | "PRO" }[] = [
      { name: "Collège Jules Ferry", type: "SCO" }, { name: "Lycée Victor Hugo", type: "SCO" }, { name: "LYCÉE PROFESSIONNEL Louise Michel", type: "SCO" },
      { name: "Lycée des métiers du bâtiment", type: "SCO" }, { name: "LP Jean Moulin", type: "SCO" }, { name: "Lycée pro Hélène Boucher", type: "SCO" },
      { name: "Université de Valmont", type: "SUP" }, { name: "Association Les Petits Débrouillards", type: "PRO" }, { name: "Cité scolaire Émile Zola", type: "SCO" },
    ];
    for (const [i, sample] of samples.entries()) await db.establishment.create({ data: { ...sample, uai: `07590${String(i).padStart(2, "0")}B`, kind: "AUTRE" } });
    await db.$executeRawUnsafe(update);
    const rows = await db.establishment.findMany({ select: { name: true, type: true, kind: true } });
    for (const row of rows) expect(row.kind, row.name).toBe(guessEstablishmentKind(row));
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(ESTABLISHMENT_KINDS));
  });
});
