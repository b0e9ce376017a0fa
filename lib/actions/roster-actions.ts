"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { recordIdSchema } from "../domain/shared/record-id";
import { getOrgaContext } from "../auth/orga-actor";
import { clientAddress } from "../auth/request-context";
import { getSession, getSessionUserId, startSession, startSessionForNewAccount } from "../auth/session";
import { NotFoundError } from "../domain/shared/errors";
import { safeAppPath } from "../urls";
import { changeRequiredPassword, newPasswordSchema } from "../use-cases/roster/change-required-password";
import { importLearners, type ImportReport } from "../use-cases/roster/import-learners";
import { identitySchema } from "../use-cases/roster/learner-identity";
import { manageLearnerAccount } from "../use-cases/roster/manage-learner-accounts";
import { deleteLearner } from "../use-cases/roster/delete-learner";
import { reconcileLearner } from "../use-cases/roster/reconcile-learner";
import { unblockIdentity } from "../use-cases/roster/unblock-identity";
import { unlinkLearner } from "../use-cases/roster/unlink-learner";
import { previewPupilAccount, pupilAccountSchema, signUpAndReconcile } from "../use-cases/roster/sign-up-and-reconcile";
import { fieldErrorsOf, keptValues, runAction, type ActionState } from "./run-action";

export type ImportState = ActionState & { report?: ImportReport };
export type JoinState = ActionState & { username?: string; login?: string; campaignCode?: string };

const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
const FIX_FIELDS = "Corrigez les champs signalés.";
const codeOf = (formData: FormData) => String(formData.get("code") ?? "").toUpperCase().replace(/[^A-Z0-9]/g, "");

async function signedInUserId(): Promise<number> {
  const userId = await getSessionUserId();
  if (userId === null) throw new NotFoundError();
  return userId;
}

export async function importLearnersAction(_previous: ImportState, formData: FormData): Promise<ImportState> {
  let report: ImportReport | undefined;
  const result = await runAction(async () => {
    const context = await getOrgaContext();
    if (!context?.current) throw new NotFoundError();
    const file = formData.get("file");
    if (!(file instanceof File) || file.size === 0) return { ok: false, fieldErrors: { file: "Choisissez le fichier SIECLE (XML, zip ou CSV)." } };
    if (file.size > MAX_UPLOAD_BYTES) return { ok: false, fieldErrors: { file: "Le fichier dépasse 20 Mo." } };
    const bytes = Buffer.from(await file.arrayBuffer());
    report = await importLearners({ actorUserId: context.userId, establishmentId: context.current.establishmentId, fileName: file.name, bytes });
    revalidatePath("/orga/eleves");
    return report.status === "IMPORTED" ? { ok: true, message: "Import terminé." } : { ok: false, message: report.message };
  });
  return { ...result, report };
}

const accountActionSchema = z.object({ learnerId: recordIdSchema, action: z.enum(["ADD_USERNAME", "RESET_PASSWORD"]) });

export async function learnerAccountAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const parsed = accountActionSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) throw new NotFoundError();
    const input = parsed.data;
    const credentials = await manageLearnerAccount({ actorUserId: await signedInUserId(), ...input, address: await clientAddress() });
    revalidatePath("/orga/eleves");
    const done = input.action === "ADD_USERNAME" ? "Identifiant ajouté" : "Mot de passe réinitialisé";
    return { ok: true, message: `${done}. Identifiant : ${credentials.login} — mot de passe à usage unique : ${credentials.password} (notez-le : il ne sera plus affiché).` };
  });
}

const learnerIdSchema = z.object({ learnerId: recordIdSchema });

/** « Dissocier »: the pupil of the roster is no longer linked to the account that claimed it. */
export async function unlinkLearnerAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const input = learnerIdSchema.safeParse(Object.fromEntries(formData));
    if (!input.success) throw new NotFoundError();
    await unlinkLearner({ actorUserId: await signedInUserId(), learnerId: input.data.learnerId, address: await clientAddress() });
    revalidatePath("/orga/eleves");
    return { ok: true, message: "Élève dissocié : il pourra s'identifier à nouveau en rejoignant un parcours." };
  });
}

/** « Débloquer l'identification »: a teacher of the school clears the failed identity checks aimed at a pupil. */
export async function unblockIdentityAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const input = learnerIdSchema.safeParse(Object.fromEntries(formData));
    if (!input.success) throw new NotFoundError();
    await unblockIdentity({ actorUserId: await signedInUserId(), learnerId: input.data.learnerId, address: await clientAddress() });
    return { ok: true, message: "Identification débloquée : l'élève peut de nouveau saisir son nom et sa date de naissance." };
  });
}

/** An ADMIN deletes a pupil of the roster; the list then says so (the row, and its form, are gone). */
export async function deleteLearnerAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  let done = false;
  const result = await runAction(async () => {
    const input = learnerIdSchema.safeParse(Object.fromEntries(formData));
    if (!input.success) throw new NotFoundError();
    await deleteLearner({ actorUserId: await signedInUserId(), learnerId: input.data.learnerId, address: await clientAddress() });
    revalidatePath("/orga/eleves");
    done = true;
    return { ok: true };
  });
  if (done) redirect("/orga/eleves?suppression=faite");
  return result;
}

/** A signed-in pupil links their account to the roster, then goes back to the campaign's landing page. */
export async function reconcileLearnerAction(_previous: JoinState, formData: FormData): Promise<JoinState> {
  let target: string | null = null;
  const result = await runAction(async () => {
    const identity = identitySchema.safeParse(Object.fromEntries(formData));
    if (!identity.success) return { ok: false, message: FIX_FIELDS, fieldErrors: fieldErrorsOf(identity.error.issues) };
    const { campaignCode } = await reconcileLearner({ userId: await signedInUserId(), code: codeOf(formData), identity: identity.data, address: await clientAddress() });
    target = `/campagnes/${campaignCode}`;
    return { ok: true };
  });
  // Linked: the header now greets the pupil with the school's spelling of their name, so the layout is drawn again.
  if (target) revalidatePath("/", "layout");
  if (target) redirect(target);
  return { ...result, values: keptValues(formData) };
}

/** A pupil without an account: first their identity, then how they will sign in. */
export async function previewPupilAccountAction(_previous: JoinState, formData: FormData): Promise<JoinState> {
  const result: JoinState = await runAction(async () => {
    const identity = identitySchema.safeParse(Object.fromEntries(formData));
    if (!identity.success) return { ok: false, message: FIX_FIELDS, fieldErrors: fieldErrorsOf(identity.error.issues) };
    const { username } = await previewPupilAccount({ code: codeOf(formData), identity: identity.data, address: await clientAddress() });
    return { ok: true, username } as JoinState;
  });
  return { ...result, values: keptValues(formData) };
}

/** The account is created, linked and signed in on the server, then the campaign opens (works without JavaScript). */
export async function signUpAndReconcileAction(_previous: JoinState, formData: FormData): Promise<JoinState> {
  let target: string | null = null;
  const result: JoinState = await runAction(async () => {
    const fields = Object.fromEntries(formData);
    const identity = identitySchema.safeParse(fields);
    const account = pupilAccountSchema.safeParse(fields);
    if (!identity.success || !account.success) {
      return { ok: false, message: FIX_FIELDS, fieldErrors: fieldErrorsOf([...(identity.error?.issues ?? []), ...(account.error?.issues ?? [])]) };
    }
    const created = await signUpAndReconcile({ code: codeOf(formData), identity: identity.data, account: account.data, address: await clientAddress() });
    await startSessionForNewAccount({ login: created.login });
    target = `/campagnes/${created.campaignCode}`;
    return { ok: true, message: "Compte créé.", ...created } as JoinState;
  });
  if (target) redirect(target);
  return { ...result, username: String(formData.get("username") ?? "") || undefined, values: keptValues(formData) };
}

/**
 * The new password replaces the one-time one, then the pupil goes on to `retour` (the new session cookie makes Next
 * render the layouts again, which let them through). Only while a one-time password is pending: otherwise a password
 * changes in « Mon compte », with the current one.
 */
export async function changeRequiredPasswordAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  let changed = false;
  const result = await runAction(async () => {
    const session = await getSession();
    if (session === null) throw new NotFoundError();
    if (!session.mustChangePassword) return { ok: false, message: "Votre mot de passe est déjà à jour : pour le changer, passez par « Mon compte » (votre mot de passe actuel vous sera demandé)." };
    const parsed = newPasswordSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { ok: false, message: FIX_FIELDS, fieldErrors: fieldErrorsOf(parsed.error.issues) };
    const sessionVersion = await changeRequiredPassword({ userId: session.userId, password: parsed.data.password });
    // Every other session of the account ended with the new password; this one goes on.
    await startSession({ id: session.userId, sessionVersion });
    changed = true;
    return { ok: true, message: "Votre mot de passe a été changé." };
  });
  if (changed) redirect(safeAppPath(String(formData.get("retour") ?? ""), "/"));
  return result;
}
