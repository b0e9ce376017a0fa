import "server-only";
import { z } from "zod";
import { hashPassword } from "../../auth/password-hashing";
import { createAccount, EmailTakenError } from "../../db/repositories/account-repository";
import { passwordProblem } from "../../auth/password-strength";
import { DomainError } from "../../domain/shared/errors";

export const signUpSchema = z.object({
  firstName: z.string().trim().min(1, "Indiquez votre prénom.").max(100, "Prénom trop long (100 caractères au plus)."),
  lastName: z.string().trim().min(1, "Indiquez votre nom.").max(100, "Nom trop long (100 caractères au plus)."),
  email: z.string().trim().toLowerCase().pipe(z.email("L'adresse e-mail n'est pas valide.")),
  password: z.string().superRefine((value, ctx) => {
    const problem = passwordProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }),
  acceptTerms: z.literal("on", { error: "Vous devez accepter les conditions d'utilisation." }),
}).superRefine((value, ctx) => {
  // The account's own name and e-mail make a password guessable: once the fields are valid, the estimator knows them.
  const problem = passwordProblem(value.password, [value.firstName, value.lastName, value.email, ...value.email.split(/[@.]/)]);
  if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
});

export type SignUpInput = z.infer<typeof signUpSchema>;

/** Creates an account with an e-mail. The message for a taken e-mail is only shown on this form. */
export async function signUp(input: SignUpInput, now = new Date()): Promise<number> {
  try {
    return await createAccount({ ...input, passwordHash: await hashPassword(input.password), now });
  } catch (error) {
    if (error instanceof EmailTakenError) {
      throw new DomainError("EMAIL_TAKEN", "Un compte existe déjà avec cette adresse e-mail : connectez-vous avec « J'ai déjà un compte ».", "email");
    }
    throw error;
  }
}
