import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { LIMITS } from "@/lib/domain/limits/limits";
import { changePassword } from "@/lib/use-cases/accounts/password-reset";
import { changeRequiredPassword } from "@/lib/use-cases/roster/change-required-password";
import { deleteMyAccount } from "@/lib/use-cases/privacy/delete-my-account";
import { createUser } from "../../support/factories";

const NEW_PASSWORD = "Girafe-Bleue-42";

async function change(userId: number, currentPassword: string): Promise<string> {
  try {
    await changePassword({ userId, currentPassword, newPassword: NEW_PASSWORD });
    return "OK";
  } catch (error) {
    return (error as Error).message;
  }
}

describe("« Mon compte »: the current password is no oracle for whoever holds a session", () => {
  it("after 5 wrong current passwords, even the right one is refused for 15 minutes, in French; the password is unchanged", async () => {
    const user = await createUser({ email: "lea@example.org" });
    for (let i = 0; i < LIMITS.currentPassword.points; i++) expect(await change(user.id, `devine-${i}`)).toBe("Le mot de passe actuel est incorrect.");
    expect(await change(user.id, "Pix12345")).toMatch(/^Trop de mots de passe actuels incorrects : réessayez dans 1[45] minutes\.$/);
    const before = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(before.passwordHash).toBe(user.passwordHash);
    // Another account is not affected.
    const other = await createUser({ email: "tom@example.org" });
    expect(await change(other.id, "Pix12345")).toBe("OK");
  });

  it("a few typos then the right password go through", async () => {
    const user = await createUser({ email: "lea@example.org" });
    for (let i = 0; i < LIMITS.currentPassword.points - 1; i++) expect(await change(user.id, `devine-${i}`)).toBe("Le mot de passe actuel est incorrect.");
    expect(await change(user.id, "Pix12345")).toBe("OK");
  });

  it("shares its budget with « Supprimer mon compte » (one budget of password checks per account)", async () => {
    const user = await createUser({ email: "lea@example.org" });
    for (let i = 0; i < LIMITS.currentPassword.points; i++) {
      await expect(deleteMyAccount({ userId: user.id, password: `devine-${i}`, address: "198.51.100.1" })).rejects.toThrow("Mot de passe incorrect.");
    }
    expect(await change(user.id, "Pix12345")).toMatch(/^Trop de mots de passe actuels incorrects/);
  });

  it("the forced change (no current password) is not held by it", async () => {
    const user = await createUser({ email: "lea@example.org" });
    await db.user.update({ where: { id: user.id }, data: { shouldChangePassword: true } });
    for (let i = 0; i < LIMITS.currentPassword.points; i++) await change(user.id, `devine-${i}`);
    await expect(changeRequiredPassword({ userId: user.id, password: "Nuage7Tortue" })).resolves.toBeTypeOf("number");
  });
});
