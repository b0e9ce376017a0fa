import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { campaignCreationSchema } from "@/lib/domain/campaigns/campaign-form";
import { CAMPAIGN_CODE_PATTERN } from "@/lib/domain/campaigns/campaign-code";
import { listCampaigns } from "@/lib/db/queries/campaign-list";
import { createCampaign } from "@/lib/use-cases/campaigns/create-campaign";
import { archiveCampaign, deleteCampaign, readableCampaign, updateCampaign } from "@/lib/use-cases/campaigns/manage-campaign";
import { createRentreeCampaigns } from "@/lib/use-cases/campaigns/create-rentree-campaigns";
import { addMember, createEstablishment, createUser } from "../../support/factories";

async function schoolWithTeachers() {
  const school = await createEstablishment({ name: "Collège Marie Curie" });
  const admin = await createUser({ firstName: "Alice", lastName: "Admin" });
  const member = await createUser({ firstName: "Marc", lastName: "Membre" });
  await addMember(school.id, admin.id, "ADMIN");
  await addMember(school.id, member.id, "MEMBER");
  return { school, admin, member };
}

const assessment = (ownerId: number, name = "Rentrée 3e B") =>
  campaignCreationSchema.parse({ name, type: "ASSESSMENT", targetProfileId: "tp-rentree-3e", askExternalId: "no", ownerId: String(ownerId), title: "Parcours 3e" });

describe("campaigns", () => {
  it("freezes the parcours' skills (capped tubes) at creation and gets a well-formed code", async () => {
    const { school, member } = await schoolWithTeachers();
    const { id, code } = await createCampaign({ actorUserId: member.id, establishmentId: school.id, campaign: assessment(member.id) });
    expect(code).toMatch(CAMPAIGN_CODE_PATTERN);
    const frozen = await db.campaignSkill.findMany({ where: { campaignId: id }, select: { skillId: true } });
    const profileTubes = await db.targetProfileTube.findMany({ where: { targetProfileId: "tp-rentree-3e" } });
    const expected = await db.skill.count({ where: { retiredAt: null, OR: profileTubes.map((t) => ({ tubeId: t.tubeId, level: { lte: t.level } })) } });
    expect(frozen).toHaveLength(expected);
    expect(expected).toBeGreaterThan(0);
  });

  it("concurrent creations never share a code", async () => {
    const { school, member } = await schoolWithTeachers();
    const created = await Promise.all(Array.from({ length: 20 }, (_, i) => createCampaign({ actorUserId: member.id, establishmentId: school.id, campaign: assessment(member.id, `C${i}`) })));
    expect(new Set(created.map((c) => c.code)).size).toBe(20);
  });

  it("is invisible to teachers of another establishment, and only the owner or an ADMIN manages it", async () => {
    const a = await schoolWithTeachers();
    const b = await schoolWithTeachers();
    const { id } = await createCampaign({ actorUserId: a.admin.id, establishmentId: a.school.id, campaign: assessment(a.admin.id) });
    await expect(readableCampaign(b.admin.id, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(archiveCampaign({ actorUserId: b.admin.id, campaignId: id, archived: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listCampaigns({ establishmentId: b.school.id, userId: b.admin.id, mine: false, archived: false, search: "", page: 1 })).total).toBe(0);
    await expect(createCampaign({ actorUserId: b.admin.id, establishmentId: a.school.id, campaign: assessment(b.admin.id) })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // A MEMBER reads but cannot manage a campaign they do not own.
    await expect(readableCampaign(a.member.id, id)).resolves.toMatchObject({ id });
    await expect(updateCampaign({ actorUserId: a.member.id, campaignId: id, update: { name: "X", title: null, landingText: null, ownerId: a.member.id, assessmentMethod: "PRECISION", precisionTarget: 8 } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(deleteCampaign({ actorUserId: a.member.id, campaignId: id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("a campaign created with a precision no longer offered (± 4, ± 6) keeps it when edited, and no campaign is moved to one", async () => {
    const { school, admin } = await schoolWithTeachers();
    const { id } = await createCampaign({ actorUserId: admin.id, establishmentId: school.id, campaign: assessment(admin.id) });
    await db.campaign.update({ where: { id }, data: { precisionTarget: 4 } });
    const update = (precisionTarget: number) => ({ name: "Rentrée 3e B", title: null, landingText: null, ownerId: admin.id, assessmentMethod: "PRECISION" as const, precisionTarget });
    await updateCampaign({ actorUserId: admin.id, campaignId: id, update: update(4) });
    expect((await db.campaign.findUniqueOrThrow({ where: { id } })).precisionTarget).toBe(4);
    await expect(updateCampaign({ actorUserId: admin.id, campaignId: id, update: update(6) })).rejects.toMatchObject({ code: "PRECISION_TARGET", message: "Veuillez choisir une des précisions proposées." });
    expect((await db.campaign.findUniqueOrThrow({ where: { id } })).precisionTarget).toBe(4);
    await updateCampaign({ actorUserId: admin.id, campaignId: id, update: update(16) });
    expect((await db.campaign.findUniqueOrThrow({ where: { id } })).precisionTarget).toBe(16);
    await expect(updateCampaign({ actorUserId: admin.id, campaignId: id, update: update(4) })).rejects.toMatchObject({ code: "PRECISION_TARGET" });
    expect((await db.campaign.findUniqueOrThrow({ where: { id } })).precisionTarget).toBe(16);
  });

  it("refuses an owner who is not a member and changes nothing", async () => {
    const a = await schoolWithTeachers();
    const stranger = await createUser();
    await expect(createCampaign({ actorUserId: a.member.id, establishmentId: a.school.id, campaign: assessment(stranger.id) })).rejects.toMatchObject({ code: "OWNER_NOT_MEMBER" });
    expect(await db.campaign.count()).toBe(0);
  });

  it("lists newest first, filters mine/all, archived, and searches by name or owner", async () => {
    const { school, admin, member } = await schoolWithTeachers();
    const first = await createCampaign({ actorUserId: admin.id, establishmentId: school.id, campaign: assessment(admin.id, "Parcours SNT"), now: new Date("2026-09-01") });
    await createCampaign({ actorUserId: member.id, establishmentId: school.id, campaign: assessment(member.id, "EMI 2nde"), now: new Date("2026-09-02") });
    const base = { establishmentId: school.id, userId: member.id, archived: false, page: 1 };
    expect((await listCampaigns({ ...base, mine: false, search: "" })).rows.map((r) => r.name)).toEqual(["EMI 2nde", "Parcours SNT"]);
    expect((await listCampaigns({ ...base, mine: true, search: "" })).rows.map((r) => r.name)).toEqual(["EMI 2nde"]);
    expect((await listCampaigns({ ...base, mine: false, search: "alice admin" })).rows.map((r) => r.name)).toEqual(["Parcours SNT"]);
    await archiveCampaign({ actorUserId: admin.id, campaignId: first.id, archived: true });
    await expect(archiveCampaign({ actorUserId: admin.id, campaignId: first.id, archived: true })).rejects.toMatchObject({ code: "ARCHIVE_STATE" });
    expect((await listCampaigns({ ...base, mine: false, search: "", archived: true })).rows.map((r) => r.name)).toEqual(["Parcours SNT"]);
    await deleteCampaign({ actorUserId: admin.id, campaignId: first.id });
    expect((await listCampaigns({ ...base, mine: false, search: "", archived: true })).total).toBe(0);
  });

  it("pre-creates the rentrée campaigns owned by « Équipe Pix », once", async () => {
    const school = await createEstablishment({ name: "Collège Jean Zay" });
    expect(await createRentreeCampaigns(school.id)).toBe(3);
    expect(await createRentreeCampaigns(school.id)).toBe(0);
    const rows = (await listCampaigns({ establishmentId: school.id, userId: 0, mine: false, archived: false, search: "", page: 1 })).rows;
    expect(rows.map((r) => r.name).sort()).toEqual(["Parcours de rentrée 3e", "Parcours de rentrée 4e", "Parcours de rentrée 5e"]);
    expect(rows.every((r) => r.ownerName === "Équipe Pix")).toBe(true);
  });
});
