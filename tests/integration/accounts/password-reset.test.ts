import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { logIn } from "../../support/log-in";
import { requestPasswordReset, resetPassword } from "@/lib/use-cases/accounts/password-reset";
import { createUser } from "../../support/factories";

async function lastResetToken(to: string): Promise<string> {
  const mail = await db.devMail.findFirstOrThrow({ where: { to }, orderBy: { id: "desc" } });
  return /token=([A-Za-z0-9_-]+)/.exec(mail.text)![1];
}

describe("password reset", () => {
  it("sends a single-use link; the new password works, the link then refuses", async () => {
    await createUser({ email: "lea@example.org" });
    await requestPasswordReset({ email: "Lea@example.org", address: "a" });
    const token = await lastResetToken("lea@example.org");
    await expect(resetPassword({ token, password: "court", address: "a" })).rejects.toMatchObject({ code: "WEAK_PASSWORD" });
    await resetPassword({ token, password: "Girafe-Bleue-42", address: "a" });
    expect((await logIn("lea@example.org", "Girafe-Bleue-42")).id).toBeGreaterThan(0);
    await expect(resetPassword({ token, password: "Nuage7Tortue", address: "a" })).rejects.toMatchObject({ code: "INVALID_TOKEN" });
  });

  it("expires after one hour and says nothing about unknown addresses", async () => {
    await createUser({ email: "lea@example.org" });
    const now = new Date();
    await requestPasswordReset({ email: "lea@example.org", address: "a", now });
    await requestPasswordReset({ email: "inconnu@example.org", address: "a", now });
    expect(await db.devMail.count({ where: { to: "inconnu@example.org" } })).toBe(0);
    const token = await lastResetToken("lea@example.org");
    await expect(resetPassword({ token, password: "Girafe-Bleue-42", address: "a", now: new Date(now.getTime() + 61 * 60_000) })).rejects.toMatchObject({ code: "INVALID_TOKEN" });
  });
});
