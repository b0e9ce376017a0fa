import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { seedDemoRoster } from "@/lib/db/seed/demo-roster";
import { DEMO_ACCOUNTS, seedDemoSchool } from "@/lib/db/seed/demo-school";

describe("demo roster", () => {
  it("imports the fixture into the demo school and links the five demo pupils, idempotently", async () => {
    const { establishmentId } = await seedDemoSchool(db);
    await seedDemoRoster(db, establishmentId);
    await seedDemoRoster(db, establishmentId);
    expect(await db.learner.count({ where: { establishmentId, isDisabled: false } })).toBe(36);
    const linked = await db.learner.findMany({ where: { establishmentId, userId: { not: null } }, select: { lastName: true, user: { select: { email: true } } }, orderBy: { lastName: "asc" } });
    expect(linked.map((l) => [l.lastName, l.user?.email])).toEqual(
      [...DEMO_ACCOUNTS.pupils].sort((a, b) => a.lastName.localeCompare(b.lastName)).map((p) => [p.lastName.toUpperCase(), p.email]),
    );
  });
});
