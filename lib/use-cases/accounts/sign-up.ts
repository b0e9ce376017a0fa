import "server-only";
import { z } from "zod";
import { hashPassword } from "../../auth/password-hashing";
import { createAccount, EmailTakenError } from "../../db/repositories/account-repository";
import { passwordProblem } from "../../auth/password-strength";
import { compositionProblem } from "../../domain/accounts/password-policy";
import { DomainError } from "../../domain/shared/errors";

export const signUpSchema = z.object({
  firstName: z.string().trim().min(1, "Indiquez votre prénom.").max(100, "Prénom trop long (100 caractères au plus)."),
  lastName: z.string().trim().min(1, "Indiquez votre nom.").max(100, "Nom trop long (100 caractères au plus)."),
  email: z.string().trim().toLowerCase().pipe(z.email("L'adresse e-mail n'est pas valide.")),
  // The composition rule alone here; the estimator runs once, below, knowing the account's names.
  password: z.string().superRefine((value, ctx) => {
    const problem = compositionProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }),
  acceptTerms: z.literal("on", { error: "Vous devez accepter les conditions d'utilisation." }),
}).superRefine(
  (value, ctx) => {
    // The account's own name and e-mail make a password guessable; they are read as typed, valid or not.
    const email = typeof value.email === "string" ? value.email : "";
    const inputs = [value.firstName, value.lastName, email, ...email.split(/[@.]/)].filter((input): input is string => typeof input === "string");
    const problem = passwordProblem(value.password, inputs);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  },
  // Also when another field is wrong (the pupil fixes everything at once), never when the password itself is.
  { when: (payload) => typeof (payload.value as { password?: unknown } | undefined)?.password === "string" && !payload.issues.some((issue) => issue.path?.[0] === "password") },
);

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
