import { db } from "../client";

/** The user's latest knowledge element per skill over the whole framework (reset ones dropped). */
export async function allLatestKnowledgeElements(userId: number) {
  const rows = await db.$queryRawUnsafe<{ skill_id: string; competence_id: string; status: "VALIDATED" | "INVALIDATED" | "RESET"; earned_pix: number }[]>(
    `SELECT DISTINCT ON (skill_id) skill_id, competence_id, status, earned_pix FROM knowledge_elements
     WHERE user_id = $1 ORDER BY skill_id, created_at DESC, id DESC`,
    userId,
  );
  return rows.filter((r) => r.status !== "RESET").map((r) => ({ skillId: r.skill_id, competenceId: r.competence_id, status: r.status, earnedPix: r.earned_pix }));
}

export async function frameworkCompetences() {
  return db.competence.findMany({
    where: { retiredAt: null },
    orderBy: { index: "asc" },
    select: { id: true, index: true, name: true, area: { select: { code: true, name: true, color: true } } },
  });
}
