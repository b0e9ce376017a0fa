import "server-only";
import { z } from "zod";
import { hashPassword, verifyPassword } from "../../auth/password-hashing";
import { findPasswordHash, setPassword } from "../../db/repositories/account-repository";
import { passwordProblem } from "../../auth/password-strength";
import { DomainError } from "../../domain/shared/errors";

export const newPasswordSchema = z
  .object({
    password: z.string().superRefine((value, ctx) => {
      const problem = passwordProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
    confirmation: z.string(),
  })
  .refine((value) => value.password === value.confirmation, { path: ["confirmation"], message: "Les deux mots de passe ne sont pas identiques." });

/**
 * After a one-time password given by a teacher: the pupil chooses their own (different from the one-time one);
 * shouldChangePassword is cleared with it, which lifts the redirect of the layouts.
 */
export async function changeRequiredPassword(input: { userId: number; password: string }): Promise<number> {
  const currentHash = await findPasswordHash(input.userId);
  if (currentHash && (await verifyPassword(currentHash, input.password))) {
    throw new DomainError("SAME_PASSWORD", "Choisissez un mot de passe différent de celui donné par votre enseignant.", "password");
  }
  return setPassword(input.userId, await hashPassword(input.password));
}
