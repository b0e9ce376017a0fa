import "server-only";
import { z } from "zod";
import { hashPassword } from "../../auth/password-hashing";
import { createAccountForLearner, LoginTakenError } from "../../db/repositories/learner-link-repository";
import { passwordProblem } from "../../auth/password-strength";
import type { TypedIdentity } from "../../domain/roster/match-learner";
import { DomainError } from "../../domain/shared/errors";
import { freeUsername } from "./free-username";
import { identifyLearner, learnerAlreadyLinkedError, restrictedCampaign } from "./learner-identity";
import { takenMeanwhile } from "./reconcile-learner";

/** "Je m'inscris avec : Mon adresse e-mail / Mon identifiant", then a password and the terms of use. */
export const pupilAccountSchema = z
  .object({
    method: z.enum(["email", "username"], { error: "Choisissez comment vous vous connecterez." }),
    email: z.string().trim().toLowerCase().optional(),
    password: z.string().superRefine((value, ctx) => {
      const problem = passwordProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
    acceptTerms: z.literal("on", { error: "Vous devez accepter les conditions d'utilisation." }),
  })
  .superRefine((value, ctx) => {
    if (value.method === "email" && !z.email().safeParse(value.email ?? "").success) {
      ctx.addIssue({ code: "custom", path: ["email"], message: "L'adresse e-mail n'est pas valide." });
    }
  });

export type PupilAccountChoice = z.infer<typeof pupilAccountSchema>;

async function freeLearnerFor(code: string, identity: TypedIdentity, address: string) {
  const campaign = await restrictedCampaign(code, { address, userId: null });
  const learner = await identifyLearner({ establishmentId: campaign.establishmentId, identity, address, userId: null });
  if (learner.userId !== null) throw learnerAlreadyLinkedError();
  return { campaign, learner };
}

/**
 * First step for a pupil without an account: is there a free pupil with that identity, and which username would they
 * get? Nothing about the pupil (username, birthdate) is shown unless the typed identity matched.
 */
export async function previewPupilAccount(input: { code: string; identity: TypedIdentity; address: string }): Promise<{ username: string }> {
  const { learner } = await freeLearnerFor(input.code, input.identity, input.address);
  return { username: await freeUsername(learner) };
}

/**
 * Creates the pupil's account (with an e-mail, or with a generated username and the password they chose) and
 * links it to their pupil of the roster, in one transaction. Returns the login to sign in with. A username account
 * is managed by the school (its teachers may reset it); an e-mail account is the pupil's own (docs/adr/0009).
 */
export async function signUpAndReconcile(input: { code: string; identity: TypedIdentity; account: PupilAccountChoice; address: string; now?: Date }): Promise<{ login: string; campaignCode: string }> {
  const { campaign, learner } = await freeLearnerFor(input.code, input.identity, input.address);
  const passwordHash = await hashPassword(input.account.password);
  for (let attempt = 0; attempt < 3; attempt++) {
    const username = input.account.method === "username" ? await freeUsername(learner) : null;
    const email = input.account.method === "email" ? input.account.email! : null;
    try {
      const created = await createAccountForLearner({
        learnerId: learner.id, establishmentId: campaign.establishmentId, firstName: input.identity.firstName, lastName: input.identity.lastName,
        birthdate: learner.birthdate, email, username, passwordHash, managedByEstablishmentId: email ? null : campaign.establishmentId,
        clientAddress: input.address, now: input.now ?? new Date(),
      });
      if (created === "LEARNER_TAKEN") throw await takenMeanwhile(learner.id);
      return { login: (email ?? username)!, campaignCode: campaign.code };
    } catch (error) {
      if (!(error instanceof LoginTakenError)) throw error;
      if (email) throw new DomainError("EMAIL_TAKEN", "Un compte existe déjà avec cette adresse e-mail : connectez-vous avec « J'ai déjà un compte ».", "email");
      // The username was given to someone else a moment ago: take the next free one.
    }
  }
  throw new DomainError("USERNAME_EXHAUSTED", "Impossible de créer l'identifiant pour le moment : réessayez.");
}
