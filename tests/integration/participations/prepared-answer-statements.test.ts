import { describe, expect, it, vi } from "vitest";

// Before anything reads the settings (env() parses them once per file): the answer's statements as prepared statements.
process.env.DATABASE_PREPARED_STATEMENTS = "1";
const { db, pgPool } = await import("@/lib/db/client");
const { answerFlowRequest } = await import("@/lib/pupil-flow/flow-request");
const { currentQuestion } = await import("@/lib/use-cases/participations/answer-challenge");
const { flowRequest, openCampaign, pupilIn, skipForm } = await import("../support/answer-world");

/**
 * DATABASE_PREPARED_STATEMENTS=1 (ADR 0013, amendment of 07/12/2026): the answer's statements are named, prepared once
 * per connection, and a pupil goes through a test the same way — past the five custom plans after which PostgreSQL
 * may switch to a generic one, and to the end (the call that completes the test is the same statement).
 */
describe("the answer's transaction with prepared statements", () => {
  it("takes a pupil to the end of a test, each answer recorded once, with the statements prepared on the connection", async () => {
    const campaign = await openCampaign({ name: "Préparée" });
    const { id: campaignId, code } = campaign;
    const { pupil, token } = await pupilIn(campaign);
    let answered = 0;
    for (let i = 0; i < 80; i++) {
      const q = await currentQuestion({ userId: pupil.id, campaignId });
      if (q.kind === "completed") break;
      const request = flowRequest(code, token, skipForm(code, q.challengeId).toString());
      const reply = await answerFlowRequest(request);
      expect(reply.status).toBe(200);
      // The reply lost and the answer sent again: nothing more is recorded.
      if (i === 6) expect((await answerFlowRequest(request)).status).toBe(200);
      answered++;
    }
    expect((await currentQuestion({ userId: pupil.id, campaignId })).kind).toBe("completed");
    expect(answered).toBeGreaterThan(5);
    expect(await db.answer.count({ where: { assessment: { userId: pupil.id } } })).toBe(answered);
    // Every connection of the pool, held at once: the answers' connection has the named statements.
    const clients = await Promise.all(Array.from({ length: 10 }, () => pgPool().connect()));
    const names = new Set<string>();
    try {
      for (const client of clients) {
        const rows = await client.query<{ name: string }>("SELECT name FROM pg_prepared_statements WHERE name LIKE 'pix-answer-%'");
        for (const row of rows.rows) names.add(row.name);
      }
    } finally {
      for (const client of clients) client.release();
    }
    expect([...names].sort()).toEqual(["pix-answer-state", "pix-answer-submit"]);
  });

  it("when the database loses them (a pooler in transaction mode), the answer is run again without them and nothing is lost", async () => {
    const campaign = await openCampaign({ name: "Perdue" });
    const { id: campaignId, code } = campaign;
    const { pupil, token } = await pupilIn(campaign);
    const answer = async () => {
      const q = await currentQuestion({ userId: pupil.id, campaignId });
      if (q.kind === "completed") throw new Error("test already over");
      return answerFlowRequest(flowRequest(code, token, skipForm(code, q.challengeId).toString()));
    };
    const onEveryConnection = async (sql: string) => {
      const clients = await Promise.all(Array.from({ length: 10 }, () => pgPool().connect()));
      try {
        return (await Promise.all(clients.map((client) => client.query<{ name: string }>(sql)))).flatMap((r) => r.rows ?? []);
      } finally {
        for (const client of clients) client.release();
      }
    };
    expect((await answer()).status).toBe(200);
    // What PgBouncer does in transaction mode: the next transaction gets a server connection without the statements
    // that node-pg believes it prepared.
    await onEveryConnection("DEALLOCATE ALL");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      expect((await answer()).status).toBe(200);
      expect((await answer()).status).toBe(200);
      expect(warn).toHaveBeenCalledTimes(1);
    } finally {
      warn.mockRestore();
    }
    expect(await db.answer.count({ where: { assessment: { userId: pupil.id } } })).toBe(3);
    // From then on the process names no statement.
    expect(await onEveryConnection("SELECT name FROM pg_prepared_statements WHERE name LIKE 'pix-answer-%'")).toEqual([]);
  });
});
