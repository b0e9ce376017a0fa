import { isSameOrigin } from "@/lib/auth/same-origin";
import { getSessionUserId } from "@/lib/auth/session";
import { reportStatusFor } from "@/lib/domain/content-quality/problem-report";
import { DomainError } from "@/lib/domain/shared/errors";
import { reportProblem } from "@/lib/use-cases/content-quality/report-problem";

export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "no-store" };

/**
 * « Signaler un problème » (components/app/campaign/report-problem.tsx). A plain form POST: without JavaScript it
 * answers 303 back to the question with `?signalement=<status>` (a word, never a message or an id); the page's
 * small script posts it with `Accept: application/json` and shows the answer in place, so that the pupil's typed
 * answer stays. Same origin only; the pupil is the session's, the assessment must be theirs (use case).
 */
export async function POST(request: Request): Promise<Response> {
  const wantsJson = (request.headers.get("accept") ?? "").includes("application/json");
  const reply = (status: number, ok: boolean, message: string, location?: string) =>
    wantsJson || !location
      ? Response.json({ ok, message }, { status, headers: NO_STORE })
      : new Response(null, { status: 303, headers: { ...NO_STORE, location } });
  if (!isSameOrigin(request)) return reply(403, false, "Requête refusée.");
  const userId = await getSessionUserId();
  if (userId === null) return reply(401, false, "Votre session a expiré : reconnectez-vous.", "/connexion");
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return reply(400, false, "Formulaire illisible : rechargez la page.");
  }
  const fields = { assessmentId: form.get("assessmentId"), challengeId: form.get("question"), category: form.get("category"), comment: form.get("comment") };
  // Where a no-JavaScript post goes back to: the question page of the campaign the form came from (code checked below).
  const rawCode = form.get("code");
  const back = typeof rawCode === "string" && /^[A-Z0-9]{1,20}$/.test(rawCode) ? `/campagnes/${rawCode}/evaluation` : null;
  try {
    const { campaignCode } = await reportProblem({ userId, fields });
    return reply(200, true, "Merci, votre signalement a été envoyé.", `/campagnes/${campaignCode}/evaluation?signalement=envoye#signalement-message`);
  } catch (error) {
    if (error instanceof DomainError) {
      const status = error.code === "RATE_LIMITED" ? 429 : error.code === "NOT_FOUND" ? 404 : 400;
      const refusedHere = error.code === "NOT_FOUND" || error.code === "NOT_ASKED";
      return reply(status, false, error.message, back && !refusedHere ? `${back}?signalement=${reportStatusFor(error.code)}#signalement-message` : undefined);
    }
    console.error(error);
    return reply(500, false, "Une erreur inattendue est survenue. Réessayez dans un instant.", back ? `${back}?signalement=erreur#signalement-message` : undefined);
  }
}
