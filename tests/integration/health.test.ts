import { describe, expect, it } from "vitest";
import { isDatabaseReachable } from "@/lib/db/queries/health";
import { createPrismaClient } from "@/lib/db/prisma-factory";

describe("database health", () => {
  it("is reachable on the test database", async () => {
    expect(await isDatabaseReachable()).toBe(true);
  });

  it("a client on a closed port reports the failure instead of hanging", async () => {
    const client = createPrismaClient("postgresql://pix:x@127.0.0.1:1/none");
    await expect(client.$queryRawUnsafe("SELECT 1")).rejects.toThrow();
    await client.$disconnect();
  });
});
