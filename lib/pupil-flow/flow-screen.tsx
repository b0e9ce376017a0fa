import { CheckpointPanel, checkpointAnnouncement } from "@/components/app/campaign/checkpoint-panel";
import { QuestionPanel, questionAnnouncement } from "@/components/app/campaign/question-panel";
import type { ChallengeSource } from "@/lib/domain/learning-content/schema";
import type { CheckpointScreen, QuestionScreen } from "./question-page";
import { renderStaticMarkup } from "./static-markup";

/** A screen of the test as markup: the question page renders it, and so does the reply to an answer. */
export function FlowScreenView({ screen, message, reportStatus }: { screen: QuestionScreen | CheckpointScreen; message?: string | null; reportStatus?: string | null }) {
  if (screen.kind === "checkpoint") return <CheckpointPanel code={screen.code} view={screen.view} />;
  const question = { ...screen.question, askedAt: screen.question.askedAt === null ? null : new Date(screen.question.askedAt) };
  return <QuestionPanel campaign={screen.campaign} question={question} source={screen.source as ChallengeSource} message={message} reportStatus={reportStatus} />;
}

/** What the page's script swaps in: the markup, the address to show (a reload shows the same screen), the announcement. */
export type ScriptScreen = { html: string; path: string; announce: string };

export function scriptScreen(screen: QuestionScreen | CheckpointScreen): ScriptScreen {
  const html = renderStaticMarkup(<FlowScreenView screen={screen} />);
  if (screen.kind === "question") return { html, path: `/campagnes/${screen.campaign.code}/evaluation`, announce: questionAnnouncement(screen.question.answersCount) };
  return { html, path: `/campagnes/${screen.code}/checkpoint${screen.view.completed ? "?fin=1" : ""}`, announce: checkpointAnnouncement(screen.view) };
}
