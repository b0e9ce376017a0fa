import { parse } from "csv-parse/sync";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { roundTrips } from "@/lib/db/prisma-factory";
import { campaignCreationSchema } from "@/lib/domain/campaigns/campaign-form";
import { campaignExportParticipations } from "@/lib/db/queries/campaign-export";
import { createCampaign } from "@/lib/use-cases/campaigns/create-campaign";
import { exportCampaignResults } from "@/lib/use-cases/campaigns/export-campaign-results";
import { shareResults } from "@/lib/use-cases/participations/participation-results";
import { startParticipation } from "@/lib/use-cases/participations/pupil-campaign";
import { addMember, createEstablishment, createUser } from "../../support/factories";

// The route reads the signed-in user from next-auth's session: stubbed here, the rest runs for real.
const session = vi.hoisted(() => ({ userId: null as number | null }));
vi.mock("@/lib/auth/session", () => ({ getSessionUserId: async () => session.userId }));
const { GET } = await import("@/app/api/campagnes/[id]/export/route");

const NOW = new Date("2026-10-05T08:07:00Z");
const BOM = [0xef, 0xbb, 0xbf];
const COMPETENCE = "Mener une recherche et une veille d'information";
const AREA = "Information et données";

async function schoolWithTeacher(name = "Collège Marie Curie") {
  const school = await createEstablishment({ name, isManagingStudents: true });
  const teacher = await createUser({ firstName: "Alice", lastName: "Prof" });
  await addMember(school.id, teacher.id, "MEMBER");
  return { school, teacher };
}

/** Parcours "1.1" only: one competence, one area, 26 skills in 6 tubes, 4 stages. */
async function assessmentCampaign(establishmentId: number, ownerId: number, externalIdLabel: string | null = "Numéro d'élève") {
  const campaign = campaignCreationSchema.parse({
    name: "Rentrée 3e B", type: "ASSESSMENT", targetProfileId: "tp-competence-1-1", ownerId: String(ownerId),
    askExternalId: externalIdLabel ? "yes" : "no", externalIdLabel: externalIdLabel ?? undefined,
  });
  return createCampaign({ actorUserId: ownerId, establishmentId, campaign });
}

async function exportBytes(userId: number, campaignId: number): Promise<Buffer> {
  const { stream } = await exportCampaignResults({ userId, campaignId, now: NOW });
  return Buffer.from(await new Response(stream).arrayBuffer());
}

async function exportRecords(userId: number, campaignId: number): Promise<string[][]> {
  return parse((await exportBytes(userId, campaignId)).toString("utf8"), { delimiter: ";", bom: true, relax_column_count: false });
}

const column = (records: string[][], header: string) => {
  const index = records[0].indexOf(header);
  if (index < 0) throw new Error(`no column ${header}`);
  return (row: string[]) => row[index];
};

describe("campaign results export: access and file", () => {
  it("is refused (not found) to a teacher of another establishment, and for an unknown campaign", async () => {
    const a = await schoolWithTeacher();
    const b = await schoolWithTeacher("Lycée Victor Hugo");
    const { id } = await assessmentCampaign(a.school.id, a.teacher.id);
    await expect(exportCampaignResults({ userId: b.teacher.id, campaignId: id, now: NOW })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(exportCampaignResults({ userId: a.teacher.id, campaignId: id + 1000, now: NOW })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await db.membership.updateMany({ where: { userId: a.teacher.id }, data: { disabledAt: NOW } });
    await expect(exportCampaignResults({ userId: a.teacher.id, campaignId: id, now: NOW })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("names the file after the campaign and the Paris time, and sends the BOM and the exact header first", async () => {
    const { school, teacher } = await schoolWithTeacher();
    const { id, code } = await assessmentCampaign(school.id, teacher.id);
    const { fileName, stream } = await exportCampaignResults({ userId: teacher.id, campaignId: id, now: NOW });
    expect(fileName).toBe(`Resultats-Rentrée 3e B-${id}-2026-10-05-1007.csv`);
    const reader = stream.getReader();
    const first = await reader.read();
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(first.value);
    // The first chunk is the BOM and the header, nothing else: it leaves before any participation is read.
    expect([...first.value!.subarray(0, 3)]).toEqual(BOM);
    const headers = [
      "Nom de l'organisation", "ID Campagne", "Code", "Nom de la campagne", "Nom du Profil Cible",
      "Nom du Participant", "Prénom du Participant", "Classe", "Numéro d'élève",
      "% de progression", "Date de début", "Partage (O/N)", "Date du partage", "Palier obtenu (/3)",
      "% maitrise de l'ensemble des acquis du profil",
      "Précision (±)",
      `% de maitrise des acquis de la compétence ${COMPETENCE}`,
      `Nombre d'acquis du profil cible dans la compétence ${COMPETENCE}`,
      `Acquis maitrisés dans la compétence ${COMPETENCE}`,
      `% de maitrise des acquis du domaine ${AREA}`,
      `Nombre d'acquis du profil cible du domaine ${AREA}`,
      `Acquis maitrisés du domaine ${AREA}`,
    ];
    // Texts are quoted only when they hold ";", '"' or a line break: none of these headers does.
    expect(text).toBe(`\uFEFF${headers.join(";")}\n`);
    expect(await reader.read()).toEqual({ done: true, value: undefined });
    expect(code).toMatch(/^[A-Z0-9]+$/);
  });

  it("gives the profiles collection header: sending, pix, certifiability, then the 16 competences", async () => {
    const { school, teacher } = await schoolWithTeacher();
    const campaign = campaignCreationSchema.parse({ name: "Profils 2nde", type: "PROFILES_COLLECTION", ownerId: String(teacher.id), askExternalId: "no" });
    const { id } = await createCampaign({ actorUserId: teacher.id, establishmentId: school.id, campaign });
    const [header] = await exportRecords(teacher.id, id);
    expect(header.slice(0, 12)).toEqual([
      "Nom de l'organisation", "ID Campagne", "Code", "Nom de la campagne", "Nom du Participant", "Prénom du Participant", "Classe",
      "Envoi (O/N)", "Date de l'envoi", "Nombre de pix total", "Certifiable (O/N)", "Nombre de compétences certifiables",
    ]);
    expect(header.slice(12, 14)).toEqual([`Niveau pour la compétence ${COMPETENCE}`, `Nombre de pix pour la compétence ${COMPETENCE}`]);
    expect(header.at(-1)).toBe("Nombre de pix pour la compétence Construire un environnement numérique");
    expect(header).toHaveLength(12 + 2 * 16);
  });
});

describe("GET /api/campagnes/[id]/export", () => {
  const get = (id: string) => GET(new Request(`http://localhost/api/campagnes/${id}/export`), { params: Promise.resolve({ id }) });

  it("answers 404 « Campagne introuvable » when signed out, outside the establishment or for a bad id", async () => {
    const a = await schoolWithTeacher();
    const b = await schoolWithTeacher("Lycée Victor Hugo");
    const { id } = await assessmentCampaign(a.school.id, a.teacher.id);
    for (const [userId, campaignId] of [[null, String(id)], [b.teacher.id, String(id)], [a.teacher.id, "abc"], [a.teacher.id, "99999999999"], [a.teacher.id, "3000000000"], [a.teacher.id, String(id + 1)]] as const) {
      session.userId = userId;
      const response = await get(campaignId);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: "Campagne introuvable" });
    }
  });

  it("streams the file as an attachment with an ASCII and a UTF-8 name, never cached", async () => {
    const { school, teacher } = await schoolWithTeacher();
    const { id } = await assessmentCampaign(school.id, teacher.id);
    session.userId = teacher.id;
    const response = await get(String(id));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-disposition")).toMatch(
      new RegExp(`^attachment; filename="Resultats-Rentree 3e B-${id}-\\d{4}-\\d{2}-\\d{2}-\\d{4}\\.csv"; filename\\*=UTF-8''Resultats-Rentr%C3%A9e%203e%20B-${id}-\\d{4}-\\d{2}-\\d{2}-\\d{4}\\.csv$`),
    );
    expect([...new Uint8Array(await response.arrayBuffer()).subarray(0, 3)]).toEqual(BOM);
  });
});

describe("campaign results export: rows", () => {
  it("writes shared results with a decimal comma, NA for unshared ones, and guards formulas", async () => {
    const { school, teacher } = await schoolWithTeacher();
    const { id } = await assessmentCampaign(school.id, teacher.id);
    expect(await db.campaignSkill.count({ where: { campaignId: id } })).toBe(26);
    const léa = await createUser({ firstName: "Compte", lastName: "Léa" });
    const learner = await db.learner.create({ data: { establishmentId: school.id, userId: léa.id, firstName: "Léa", lastName: "Dupont", division: "3e B" } });
    const shared = await db.participation.create({
      data: {
        campaignId: id, userId: léa.id, learnerId: learner.id, participantExternalId: "@SUM(1)", status: "SHARED",
        createdAt: new Date("2026-03-01T09:05:00Z"), sharedAt: new Date("2026-07-14T22:30:00Z"), masteryRate: 17 / 26, masteryStandardError: 0.031, stageReached: 2, validatedSkillsCount: 17,
        validatedByCompetence: { "comp-1-1": 17 }, // as the sharing writes it: the sum of the tube rows below
      },
    });
    const tubes = { "tube-1-1-citer-sources": 3, "tube-1-1-fiabilite-sources": 5, "tube-1-1-operateurs-recherche": 6, "tube-1-1-lecture-url": 3 };
    await db.participationTubeResult.createMany({
      data: Object.entries(tubes).map(([tubeId, validatedCount]) => ({ participationId: shared.id, tubeId, competenceId: "comp-1-1", targetedCount: 6, validatedCount, highestValidated: 1, lowestNotValidated: 2 })),
    });
    const hacker = await createUser({ firstName: "Eve", lastName: '=HYPERLINK("http://evil.example","x")' });
    await db.participation.create({ data: { campaignId: id, userId: hacker.id, participantExternalId: "123", status: "TO_SHARE", createdAt: new Date("2026-03-02T10:00:00Z") } });
    // Started: 2 campaign skills assessed (a validated one, a failed one); a reset one and a skill outside the campaign do not count.
    const starter = await createUser({ firstName: "Tom", lastName: "Martin" });
    await db.participation.create({ data: { campaignId: id, userId: starter.id, status: "STARTED", createdAt: new Date("2026-03-03T10:00:00Z") } });
    const [a, b, c] = (await db.campaignSkill.findMany({ where: { campaignId: id }, orderBy: { skillId: "asc" }, take: 3 })).map((s) => s.skillId);
    const outside = await db.skill.findFirstOrThrow({ where: { competenceId: "comp-5-1" }, select: { id: true } });
    const ke = (skillId: string, status: "VALIDATED" | "INVALIDATED" | "RESET", at: string) =>
      ({ userId: starter.id, skillId, competenceId: "comp-1-1", status, source: "DIRECT" as const, earnedPix: 1, createdAt: new Date(at) });
    await db.knowledgeElement.createMany({
      data: [ke(a, "VALIDATED", "2026-03-03T10:01:00Z"), ke(b, "INVALIDATED", "2026-03-03T10:02:00Z"), ke(c, "VALIDATED", "2026-03-03T10:03:00Z"), ke(c, "RESET", "2026-03-03T10:04:00Z"), ke(outside.id, "VALIDATED", "2026-03-03T10:05:00Z")],
    });
    // Neither deleted nor superseded participations are exported.
    await db.participation.create({ data: { campaignId: id, userId: starter.id, status: "SHARED", isImproved: true, sharedAt: NOW } });
    await db.participation.create({ data: { campaignId: id, status: "STARTED", deletedAt: NOW } });

    const bytes = await exportBytes(teacher.id, id);
    const lines = bytes.toString("utf8").split("\n");
    expect(lines).toHaveLength(5); // header, 3 rows, and the empty string after the last "\n"
    const identity = `Collège Marie Curie;${id}`;
    expect(lines[1]).toMatch(new RegExp(`^${identity};[A-Z0-9]+;Rentrée 3e B;1\\.1 Mener une recherche et une veille d'information;`));
    expect(lines[1].split(";").slice(5)).toEqual([
      "Dupont", "Léa", "3e B", "'@SUM(1)", "1", "01/03/2026 10:05", "Oui", "15/07/2026 00:30", "2",
      "0,65", "0,06", "0,65", "26", "17", "0,65", "26", "17",
    ]);
    // Quoted because it holds quotes (doubled), guarded because it starts with "=".
    expect(lines[2]).toContain(`;"'=HYPERLINK(""http://evil.example"",""x"")";Eve;;123;1;02/03/2026 11:00;Non;NA;NA;NA;NA;NA;NA;NA;NA;NA`);
    expect(lines[3]).toContain(`;Martin;Tom;;;0,077;03/03/2026 11:00;Non;NA;`);
    expect(lines[4]).toBe("");

    // Dates are stored in UTC and read as such whatever the server's time zone.
    const timeZone = process.env.TZ;
    process.env.TZ = "Pacific/Kiritimati";
    try {
      expect((await exportBytes(teacher.id, id)).equals(bytes)).toBe(true);
    } finally {
      if (timeZone === undefined) delete process.env.TZ;
      else process.env.TZ = timeZone;
    }
  });

  it("computes a profile shared before the pix were kept from the snapshot taken at sharing", async () => {
    const { school, teacher } = await schoolWithTeacher();
    const campaign = campaignCreationSchema.parse({ name: "Profils", type: "PROFILES_COLLECTION", ownerId: String(teacher.id), askExternalId: "no" });
    const { id } = await createCampaign({ actorUserId: teacher.id, establishmentId: school.id, campaign });
    const pupil = await createUser({ firstName: "Inès", lastName: "Bernard" });
    const participation = await db.participation.create({ data: { campaignId: id, userId: pupil.id, status: "SHARED", sharedAt: new Date("2026-01-10T12:00:00Z") } });
    const element = (skillId: string, competenceId: string, status: string, earnedPix: number) => ({ skillId, competenceId, status, source: "DIRECT", earnedPix });
    await db.participationSnapshot.create({
      data: {
        participationId: participation.id,
        knowledgeElements: [
          element("s1", "comp-1-1", "VALIDATED", 8), element("s2", "comp-1-1", "VALIDATED", 8), element("s3", "comp-1-1", "VALIDATED", 1.5),
          element("s4", "comp-1-1", "INVALIDATED", 4), element("s5", "comp-2-1", "VALIDATED", 5),
        ],
      },
    });
    const other = await createUser({ firstName: "Noé", lastName: "Petit" });
    await db.participation.create({ data: { campaignId: id, userId: other.id, status: "TO_SHARE" } });
    const records = await exportRecords(teacher.id, id);
    expect(records).toHaveLength(3);
    const cell = (header: string) => column(records, header);
    const [, sent, notSent] = records;
    expect([cell("Envoi (O/N)")(sent), cell("Date de l'envoi")(sent), cell("Nombre de pix total")(sent), cell("Certifiable (O/N)")(sent)]).toEqual(["Oui", "10/01/2026 13:00", "22", "Non"]);
    expect([cell(`Niveau pour la compétence ${COMPETENCE}`)(sent), cell(`Nombre de pix pour la compétence ${COMPETENCE}`)(sent)]).toEqual(["2", "17"]);
    expect([cell("Niveau pour la compétence Interagir")(sent), cell("Nombre de pix pour la compétence Interagir")(sent)]).toEqual(["0", "5"]);
    expect(cell("Nombre de pix pour la compétence Programmer")(sent)).toBe("0");
    expect(notSent.slice(7)).toEqual(["Non", ...Array.from({ length: 4 + 32 }, () => "NA")]);
  });

  it("writes a profile sent by the pupil from the pix kept at sharing, whatever the pupil does afterwards", async () => {
    // A school that does not import its pupils: anyone with the code may send a profile.
    const school = await createEstablishment({ name: "Lycée ouvert", isManagingStudents: false });
    const teacher = await createUser({ firstName: "Alice", lastName: "Prof" });
    await addMember(school.id, teacher.id, "MEMBER");
    const campaign = campaignCreationSchema.parse({ name: "Profils", type: "PROFILES_COLLECTION", ownerId: String(teacher.id), askExternalId: "no" });
    const { id, code } = await createCampaign({ actorUserId: teacher.id, establishmentId: school.id, campaign });
    const pupil = await createUser({ firstName: "Inès", lastName: "Bernard" });
    const skills = await db.skill.findMany({ where: { competenceId: { in: ["comp-1-1", "comp-2-1"] } }, select: { id: true, competenceId: true }, orderBy: { id: "asc" } });
    const of = (competenceId: string) => skills.filter((s) => s.competenceId === competenceId);
    const ke = (skill: { id: string; competenceId: string }, status: "VALIDATED" | "INVALIDATED", earnedPix: number) =>
      ({ userId: pupil.id, skillId: skill.id, competenceId: skill.competenceId, status, source: "DIRECT" as const, earnedPix, createdAt: new Date("2026-01-09T12:00:00Z") });
    const [a, b, c, d] = of("comp-1-1");
    await db.knowledgeElement.createMany({ data: [ke(a, "VALIDATED", 8), ke(b, "VALIDATED", 8), ke(c, "VALIDATED", 1.5), ke(d, "INVALIDATED", 4), ke(of("comp-2-1")[0], "VALIDATED", 5)] });
    await startParticipation({ userId: pupil.id, code, externalId: null });
    await shareResults({ userId: pupil.id, campaignId: id, isProfilesCollection: true, now: new Date("2026-01-10T12:00:00Z") });
    expect((await db.participation.findFirstOrThrow({ where: { campaignId: id } })).pixByCompetence).toMatchObject({ "comp-1-1": 17, "comp-2-1": 5 });
    // Later progress of the pupil changes nothing in what the teacher receives.
    await db.knowledgeElement.create({ data: { ...ke(d, "VALIDATED", 4), createdAt: new Date("2026-02-01T12:00:00Z") } });

    const records = await exportRecords(teacher.id, id);
    const cell = (header: string) => column(records, header);
    const sent = records[1];
    expect([cell("Envoi (O/N)")(sent), cell("Date de l'envoi")(sent), cell("Nombre de pix total")(sent), cell("Certifiable (O/N)")(sent)]).toEqual(["Oui", "10/01/2026 13:00", "22", "Non"]);
    expect([cell(`Niveau pour la compétence ${COMPETENCE}`)(sent), cell(`Nombre de pix pour la compétence ${COMPETENCE}`)(sent)]).toEqual(["2", "17"]);
    expect([cell("Niveau pour la compétence Interagir")(sent), cell("Nombre de pix pour la compétence Interagir")(sent)]).toEqual(["0", "5"]);
  });

  it("reads 2,500 participations in batches of 1,000 and writes each once, in id order", async () => {
    const { school, teacher } = await schoolWithTeacher();
    const { id } = await assessmentCampaign(school.id, teacher.id, "Identifiant");
    const count = 2500;
    await db.$executeRaw`
      INSERT INTO users (first_name, last_name, updated_at)
      SELECT 'Prénom' || n, 'Nom' || n, now() FROM generate_series(1, ${count}::int) AS n`;
    // Shared ones carry validated_by_competence as the sharing writes it: the sum of their tube rows (inserted below).
    await db.$executeRaw`
      INSERT INTO participations (campaign_id, user_id, participant_external_id, status, created_at, shared_at, mastery_rate, stage_reached, validated_by_competence)
      SELECT ${id}::int, u.id, lpad(u.rn::text, 5, '0'),
             CASE WHEN u.rn % 2 = 0 THEN 'SHARED' ELSE 'STARTED' END::"ParticipationStatus",
             now(), CASE WHEN u.rn % 2 = 0 THEN now() END, CASE WHEN u.rn % 2 = 0 THEN 0.5 END, CASE WHEN u.rn % 2 = 0 THEN 1 END,
             CASE WHEN u.rn % 2 = 0 THEN '{"comp-1-1": 2}'::jsonb END
      FROM (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM users WHERE first_name LIKE 'Prénom%' AND last_name LIKE 'Nom%' AND email IS NULL) u`;
    await db.$executeRaw`
      INSERT INTO participation_tube_results (participation_id, tube_id, competence_id, targeted_count, validated_count, highest_validated, lowest_not_validated)
      SELECT id, 'tube-1-1-veille-rss', 'comp-1-1', 4, 2, 2, 3 FROM participations WHERE campaign_id = ${id} AND status = 'SHARED'`;
    const batchSizes: number[] = [];
    const tripsBefore = roundTrips.count;
    for await (const batch of campaignExportParticipations(id, "ASSESSMENT", 1000)) batchSizes.push(batch.length);
    expect(batchSizes).toEqual([1000, 1000, 500]);
    expect(roundTrips.count - tripsBefore).toBe(3); // one query per batch
    const records = await exportRecords(teacher.id, id);
    const rows = records.slice(1);
    expect(rows).toHaveLength(count);
    const externalId = column(records, "Identifiant");
    expect(rows.map(externalId)).toEqual(Array.from({ length: count }, (_, i) => String(i + 1).padStart(5, "0")));
    const validated = column(records, `Acquis maitrisés dans la compétence ${COMPETENCE}`);
    expect(rows.filter((r) => validated(r) === "2")).toHaveLength(count / 2);
    expect(rows.filter((r) => validated(r) === "NA")).toHaveLength(count / 2);
    // A download given up halfway stops the reading (the batch read ahead included) without an error.
    const { stream } = await exportCampaignResults({ userId: teacher.id, campaignId: id, now: NOW });
    const reader = stream.getReader();
    await reader.read();
    expect((await reader.read()).value?.length).toBeGreaterThan(0);
    await expect(reader.cancel()).resolves.toBeUndefined();
  });
});
