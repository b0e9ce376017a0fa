import { getOrgaContext } from "@/lib/auth/orga-actor";
import { clientAddress } from "@/lib/auth/request-context";
import { fileTimestamp } from "@/lib/domain/export/file-name";
import { DomainError } from "@/lib/domain/shared/errors";
import { readForm, UNREADABLE_FORM } from "@/lib/server/read-form";
import { generateCredentialsSheet, type AccountAction } from "@/lib/use-cases/roster/manage-learner-accounts";

export const dynamic = "force-dynamic";

const ACTIONS: Record<string, AccountAction> = { "ADD_USERNAME": "ADD_USERNAME", "RESET_PASSWORD": "RESET_PASSWORD" };
const STATUS_BY_CODE: Record<string, number> = { NOT_FOUND: 404, FORBIDDEN: 403 };

function refusal(message: string, status: number): Response {
  return new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}

/** A cookie-authenticated POST must come from our own pages (server actions check this themselves; route handlers do not). */
function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true;
  try {
    return new URL(origin).host === (request.headers.get("x-forwarded-host") ?? request.headers.get("host"));
  } catch {
    return false;
  }
}

/**
 * The credentials sheet (Classe; Nom; Prénom; Identifiant; Mot de passe) of the selected pupils, after giving them a
 * username and/or a one-time password. POST only: it changes accounts. The establishment is the teacher's current one,
 * pupils of any other establishment are ignored by the query, and only accounts the establishment manages change.
 */
export async function POST(request: Request): Promise<Response> {
  if (!isSameOrigin(request)) return refusal("Requête refusée.", 403);
  const context = await getOrgaContext();
  if (!context?.current) return refusal("Cette page n'existe pas ou vous n'y avez pas accès.", 404);
  const form = await readForm(request);
  if (!form) return refusal(UNREADABLE_FORM, 400);
  const action = ACTIONS[String(form.get("action") ?? "")];
  const learnerIds = form.getAll("learnerId").map(Number).filter((id) => Number.isInteger(id) && id > 0);
  if (!action) return refusal("Action inconnue.", 400);
  try {
    const sheet = await generateCredentialsSheet({ actorUserId: context.userId, establishmentId: context.current.establishmentId, learnerIds, action, address: await clientAddress() });
    const name = `${action === "ADD_USERNAME" ? "identifiants" : "mots-de-passe"}-eleves-${fileTimestamp(new Date())}.csv`;
    return new Response(sheet.csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${name}"`,
        "cache-control": "no-store",
        "x-credentials-count": String(sheet.rows.length),
        "x-skipped-count": String(sheet.skipped.length),
      },
    });
  } catch (error) {
    if (error instanceof DomainError) return refusal(error.message, STATUS_BY_CODE[error.code] ?? 400);
    console.error(error);
    return refusal("Une erreur inattendue est survenue. Réessayez dans un instant.", 500);
  }
}
