import { describe, expect, it } from "vitest";
import { authenticate, LoginError } from "@/lib/auth/authenticate";
import { db } from "@/lib/db/client";
import { createUser } from "../../support/factories";

async function failure(login: string, password: string, now?: Date): Promise<LoginError> {
  try {
    await authenticate(login, password, now);
  } catch (error) {
    return error as LoginError;
  }
  throw new Error("expected a login failure");
}

describe("authenticate", () => {
  it("logs in with an e-mail in any case, or with a username", async () => {
    const user = await createUser({ email: "lea@example.org", username: "lea.dupont0112" });
    expect((await authenticate("LEA@example.org", "Pix12345")).id).toBe(user.id);
    expect((await authenticate("lea.dupont0112", "Pix12345")).id).toBe(user.id);
    const saved = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(saved.lastLoggedAt).not.toBeNull();
  });

  it("gives the same error for an unknown account and a wrong password", async () => {
    await createUser({ email: "lea@example.org" });
    expect((await failure("personne@example.org", "Pix12345")).code).toBe("INVALID_CREDENTIALS");
    expect((await failure("lea@example.org", "Mauvais1")).code).toBe("INVALID_CREDENTIALS");
  });

  it("blocks the account for 2 minutes at the 10th failure, even with the right password, then lets it in", async () => {
    const user = await createUser({ email: "lea@example.org" });
    const now = new Date();
    for (let i = 0; i < 9; i++) expect((await failure("lea@example.org", "Mauvais1", now)).code).toBe("INVALID_CREDENTIALS");
    const tenth = await failure("lea@example.org", "Mauvais1", now);
    expect(tenth.code).toBe("BLOCKED");
    expect(tenth.minutes).toBe(2);
    expect((await failure("lea@example.org", "Pix12345", now)).code).toBe("BLOCKED");
    const later = new Date(now.getTime() + 3 * 60_000);
    expect((await authenticate("lea@example.org", "Pix12345", later)).id).toBe(user.id);
    const saved = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(saved.loginFailureCount).toBe(0);
  });

  it("counts concurrent failures without losing any", async () => {
    const user = await createUser({ email: "lea@example.org" });
    await Promise.all(Array.from({ length: 5 }, () => failure("lea@example.org", "Mauvais1")));
    const saved = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(saved.loginFailureCount).toBe(5);
  });
});
