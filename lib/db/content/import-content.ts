import type { PrismaClient } from "../prisma-factory";
import type { ParsedContent } from "../../domain/learning-content/validate-content";
import { pixValuesBySkill } from "../../domain/learning-content/pix-values";

type Row = Record<string, unknown>;

/**
 * Upserts every row of a table in one statement (jsonb_to_recordset), then retires the rows that are no
 * longer in the source instead of deleting them, so that answers and knowledge elements keep their references.
 */
async function upsertAll(client: PrismaClient, table: string, columns: Record<string, string>, rows: Row[], retire = true) {
  const names = Object.keys(columns);
  const definition = names.map((n) => `"${n}" ${columns[n]}`).join(", ");
  const list = names.map((n) => `"${n}"`).join(", ");
  const updates = names.filter((n) => n !== "id").map((n) => `"${n}" = EXCLUDED."${n}"`);
  if (retire) updates.push(`"retired_at" = NULL`);
  await client.$executeRawUnsafe(
    `INSERT INTO "${table}" (${list}) SELECT ${list} FROM jsonb_to_recordset($1::jsonb) AS r(${definition})
     ON CONFLICT ("id") DO UPDATE SET ${updates.join(", ")}`,
    JSON.stringify(rows),
  );
  if (retire) {
    await client.$executeRawUnsafe(
      `UPDATE "${table}" SET "retired_at" = now() WHERE "retired_at" IS NULL AND NOT ("id" = ANY($1::text[]))`,
      rows.map((r) => r.id),
    );
  }
}

export async function importContent(client: PrismaClient, content: ParsedContent): Promise<void> {
  const areaIdByCode = new Map(content.framework.areas.map((a) => [a.code, a.id]));
  const competences = content.competences;
  const tubes = competences.flatMap((c) => c.tubes.map((t) => ({ ...t, competenceId: c.id })));
  const skills = competences.flatMap((c) => {
    const pix = pixValuesBySkill(c);
    return c.tubes.flatMap((t) => t.skills.map((s) => ({ ...s, tubeId: t.id, competenceId: c.id, pixValue: pix.get(s.id)! })));
  });
  await client.$transaction(
    async (tx) => {
      const t = tx as unknown as PrismaClient;
      await upsertAll(t, "areas", { id: "text", code: "text", name: "text", color: "text" }, content.framework.areas);
      await upsertAll(
        t,
        "competences",
        { id: "text", index: "text", name: "text", description: "text", area_id: "text" },
        competences.map((c) => ({ id: c.id, index: c.index, name: c.name, description: c.description, area_id: areaIdByCode.get(c.index[0]) })),
      );
      await upsertAll(
        t,
        "tubes",
        { id: "text", name: "text", practical_title: "text", practical_description: "text", competence_id: "text" },
        tubes.map((x) => ({ id: x.id, name: x.name, practical_title: x.practicalTitle, practical_description: x.practicalDescription, competence_id: x.competenceId })),
      );
      await upsertAll(
        t,
        "skills",
        {
          id: "text", name: "text", level: "int", pix_value: "float8", description: "text", tube_id: "text",
          competence_id: "text", tutorial_ids: "text[]", learning_more_tutorial_ids: "text[]",
        },
        skills.map((s) => ({
          id: s.id, name: s.name, level: s.level, pix_value: s.pixValue, description: s.description, tube_id: s.tubeId,
          competence_id: s.competenceId, tutorial_ids: s.tutorialIds, learning_more_tutorial_ids: s.learningMoreTutorialIds,
        })),
      );
      await upsertAll(
        t,
        "challenges",
        { id: "text", skill_id: "text", type: "text", timer: "int", content: "jsonb" },
        skills.flatMap((s) => s.challenges.map((c) => ({ id: c.id, skill_id: s.id, type: c.type, timer: c.timer ?? null, content: c }))),
      );
      await upsertAll(
        t,
        "tutorials",
        { id: "text", title: "text", source: "text", format: "text", duration_minutes: "int", link: "text", page: "jsonb", competence_id: "text" },
        competences.flatMap((c) =>
          c.tutorials.map((x) => ({
            id: x.id, title: x.title, source: x.source, format: x.format, duration_minutes: x.durationMinutes,
            link: x.link ?? null, page: x.page ?? null, competence_id: c.id,
          })),
        ),
      );
      await upsertAll(
        t,
        "target_profiles",
        { id: "text", name: "text", category: "text", description: "text", establishment_kinds: '"EstablishmentKind"[]' },
        content.targetProfiles.map((p) => ({ id: p.id, name: p.name, category: p.category, description: p.description, establishment_kinds: p.establishmentKinds })),
      );
      // Parcours composition and stages are owned by the source file: replace them wholesale.
      const profileIds = content.targetProfiles.map((p) => p.id);
      await t.targetProfileTube.deleteMany({ where: { targetProfileId: { in: profileIds } } });
      await t.targetProfileTube.createMany({
        data: content.targetProfiles.flatMap((p) => p.tubes.map((x) => ({ targetProfileId: p.id, tubeId: x.tubeId, level: x.level }))),
      });
      await t.stage.deleteMany({ where: { targetProfileId: { in: profileIds } } });
      await t.stage.createMany({
        data: content.targetProfiles.flatMap((p) => p.stages.map((s) => ({ ...s, targetProfileId: p.id }))),
      });
    },
    { timeout: 60_000 },
  );
}
