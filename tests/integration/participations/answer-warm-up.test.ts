import { afterEach, describe, expect, it, vi } from "vitest";
import { db, pgPool } from "@/lib/db/client";
import { roundTrips } from "@/lib/db/prisma-factory";
import { warmAnswerPath } from "@/lib/db/repositories/answer-warm-up";
import { answerChallengeSource, campaignIdOfCode } from "@/lib/db/repositories/content-memory";
import { engineContentOfCampaign } from "@/lib/db/repositories/assessment-repository";
import { campaignCreationSchema } from "@/lib/domain/campaigns/campaign-form";
import { createCampaign } from "@/lib/use-cases/campaigns/create-campaign";
import { currentQuestion } from "@/lib/use-cases/participations/answer-challenge";
import { startParticipation } from "@/lib/use-cases/participations/pupil-campaign";
import { addMember, createEstablishment, createUser } from "../../support/factories";

/**
 * The answer path's warm-up before a process listens (ADR 0013 « 07/12 (6) »): after it, the pool holds its
 * connections open and the first answers of a class read no content from the database.
 */
async function campaignInProgress() {
  const school = await createEstablishment({ isManagingStudents: false });
  const teacher = await createUser();
  await addMember(school.id, teacher.id, "ADMIN");
  const campaign = await createCampaign({ actorUserId: teacher.id, establishmentId: school.id, campaign: campaignCreationSchema.parse({ name: "Rentrée", type: "ASSESSMENT", targetProfileId: "tp-competence-4-1", askExternalId: "no", ownerId: String(teacher.id) }) });
  const pupil = await createUser();
  await startParticipation({ userId: pupil.id, code: campaign.code, externalId: null });
  const q = await currentQuestion({ userId: pupil.id, campaignId: campaign.id });
  if (q.kind !== "question") throw new Error("no question");
  return { campaign, challengeId: q.challengeId };
}

describe("the answer path's warm-up", () => {
  afterEach(() => {
    roundTrips.log = null;
    vi.restoreAllMocks();
  });

  it("a connection refused while warming up leaves none of the others checked out (the failure is not fatal)", async () => {
    const pool = pgPool();
    const connect = pool.connect.bind(pool) as () => Promise<import("pg").PoolClient>;
    let calls = 0;
    // The third connection is refused (PostgreSQL's max_connections reached during a deploy, PgBouncer full…).
    vi.spyOn(pool, "connect").mockImplementation((() => (++calls === 3 ? Promise.reject(new Error("sorry, too many clients already")) : connect())) as never);
    const checkedOutBefore = pool.totalCount - pool.idleCount;
    await expect(warmAnswerPath({ connections: 4, campaigns: 10 })).rejects.toThrow(/too many clients/);
    // Give the connects still under way the time to settle.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(pool.totalCount - pool.idleCount).toBe(checkedOutBefore);
  });

  it("opens the pool's connections together and keeps them, each having called the answer's functions", async () => {
    await campaignInProgress();
    roundTrips.log = [];
    const report = await warmAnswerPath({ connections: 4, campaigns: 10 });
    expect(report.connections).toBe(4);
    expect(pgPool().totalCount).toBeGreaterThanOrEqual(4);
    expect(roundTrips.log.filter((sql) => sql.includes("pix_answer_state"))).toHaveLength(4);
    // The writing function too (it matches no row: nothing written): a remembered state's answer calls it alone.
    expect(roundTrips.log.filter((sql) => sql.includes("pix_answer_submit"))).toHaveLength(4);
    expect(await db.answer.count()).toBe(0);
    // A plain read outside any transaction: nothing to roll back, every connection is back in the pool.
    expect(roundTrips.log.filter((sql) => /^(BEGIN|ROLLBACK|COMMIT)$/.test(sql))).toEqual([]);
    expect(pgPool().idleCount).toBe(pgPool().totalCount);
    expect(pgPool().waitingCount).toBe(0);
  });

  it("puts challenge texts, campaign codes and the engine's content of campaigns in progress in memory", async () => {
    const { campaign, challengeId } = await campaignInProgress();
    const report = await warmAnswerPath({ connections: 1, campaigns: 10 });
    expect(report.campaigns).toBeGreaterThanOrEqual(1);
    expect(report.challenges).toBeGreaterThan(0);
    const before = roundTrips.count;
    // What the first answer of this campaign reads before its transaction: all from memory now.
    expect(await campaignIdOfCode(campaign.code)).toBe(campaign.id);
    expect((await engineContentOfCampaign(campaign.id)).skills.length).toBeGreaterThan(0);
    expect((await answerChallengeSource(challengeId))?.content.id).toBe(challengeId);
    expect(roundTrips.count).toBe(before);
  });

  it("loads a campaign missed by 50 requests at once with one read (single-flight: a cold key is no stampede)", async () => {
    const { campaign } = await campaignInProgress();
    const before = roundTrips.count;
    const ids = await Promise.all(Array.from({ length: 50 }, () => campaignIdOfCode(campaign.code)));
    expect(new Set(ids)).toEqual(new Set([campaign.id]));
    expect(roundTrips.count - before).toBe(1);
  });
});
