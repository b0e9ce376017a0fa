"use server";

import type { ReactNode } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { CheckpointPanel, checkpointAnnouncement } from "@/components/app/campaign/checkpoint-panel";
import { QuestionPanel, questionAnnouncement } from "@/components/app/campaign/question-panel";
import { PASSWORD_CHANGE_PATH, unverifiedSessionClaims } from "../auth/session";
import { cachedChallengeSource } from "../db/repositories/content-memory";
import type { SubmittedAnswer } from "../domain/participations/submitted-answer";
import { BusyError } from "../domain/shared/errors";
import { answerAndContinue, type AnswerAndContinue, type NextQuestion } from "../use-cases/participations/answer-and-continue";
import { runAction, type ActionState } from "./run-action";

/** A screen of the test, rendered on the server, that the page swaps in (components/app/campaign/answer-flow.tsx). */
export type FlowScreen = { panel: ReactNode; path: string; announce: string };

export type AnswerActionState = ActionState & {
  /** What to show now, and (after a checkpoint) the question that « Continuer » shows next. */
  show?: FlowScreen;
  after?: FlowScreen;
  /** A page to load instead (the test is over). */
  goTo?: string;
  /** Past capacity: nothing was recorded, the page tries again after this many seconds (with jitter). */
  retryAfterSeconds?: number;
};

const codeOf = (formData: FormData) => String(formData.get("code") ?? "").toUpperCase().replace(/[^A-Z0-9]/g, "");

/** The page posts the positions ticked in the order shown; the use case maps them back (never the client). */
function answerFrom(formData: FormData): SubmittedAnswer | null {
  if (formData.get("intent") === "skip") return null;
  const positions = formData.getAll("choice").slice(0, 8).map((v) => Number(v));
  if (formData.get("kind") === "choices") return { kind: "displayed-choices", positions };
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (key.startsWith("field:") && typeof value === "string") values[key.slice(6)] = value.slice(0, 500);
  return { kind: "fields", values };
}

function isEmpty(answer: SubmittedAnswer | null): boolean {
  if (answer === null) return false;
  if (answer.kind === "displayed-choices") return answer.positions.length === 0;
  return answer.kind === "choices" ? answer.selected.length === 0 : Object.values(answer.values).every((v) => v.trim() === "");
}

async function questionScreen(campaign: { code: string; name: string; title: string | null }, next: NextQuestion): Promise<FlowScreen | null> {
  const source = await cachedChallengeSource(next.challengeId);
  if (!source) return null;
  return { panel: <QuestionPanel campaign={campaign} question={next} source={source.content} />, path: `/campagnes/${campaign.code}/evaluation`, announce: questionAnnouncement(next.answersCount) };
}

/**
 * « Je valide » / « Je passe »: one request, one transaction (answer-and-continue.ts). With JavaScript the result
 * carries the next screen, rendered here; a plain form POST (no JavaScript) is redirected to the page to show, as before.
 */
export async function answerAction(_previous: AnswerActionState, formData: FormData): Promise<AnswerActionState> {
  const code = codeOf(formData);
  const claims = await unverifiedSessionClaims();
  if (!claims) redirect(`/connexion?retour=/campagnes/${code}`);
  const answer = answerFrom(formData);
  const isTimeUp = formData.get("timedOut") === "1";
  if (isEmpty(answer) && !isTimeUp) return { ok: false, message: "Pour valider, sélectionnez une réponse. Sinon, passez." };
  let outcome: AnswerAndContinue | null = null;
  let retryAfterSeconds: number | undefined;
  const result = await runAction(async () => {
    try {
      outcome = await answerAndContinue({ claims, code, challengeId: String(formData.get("challengeId") ?? ""), answer: isEmpty(answer) ? null : answer, isTimeUp });
    } catch (error) {
      if (error instanceof BusyError) retryAfterSeconds = error.retryAfterSeconds;
      throw error;
    }
    return { ok: true };
  });
  if (!outcome) return { ...result, retryAfterSeconds };
  const done = outcome as AnswerAndContinue;
  if (done.kind === "signed-out") redirect(`/connexion?retour=/campagnes/${code}`);
  if (done.kind === "must-change-password") redirect(PASSWORD_CHANGE_PATH);
  const base = `/campagnes/${done.campaign.code}`;
  const isEnhanced = (await headers()).has("next-action");
  if (!isEnhanced) {
    // The form was posted without JavaScript: the page to show is loaded as a page.
    if (done.checkpoint) redirect(done.checkpoint.completed ? `${base}/checkpoint?fin=1` : `${base}/checkpoint`);
    redirect(done.next ? `${base}/evaluation` : `${base}/resultats`);
  }
  const next = done.next ? await questionScreen(done.campaign, done.next) : null;
  if (done.checkpoint) {
    const checkpoint: FlowScreen = {
      panel: <CheckpointPanel code={done.campaign.code} view={done.checkpoint} />,
      path: done.checkpoint.completed ? `${base}/checkpoint?fin=1` : `${base}/checkpoint`,
      announce: checkpointAnnouncement(done.checkpoint),
    };
    return { ok: true, show: checkpoint, after: next ?? undefined };
  }
  if (next) return { ok: true, show: next };
  return { ok: true, goTo: `${base}/resultats` };
}
