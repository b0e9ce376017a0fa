import { clientAddress } from "@/lib/auth/request-context";
import { isSameOrigin } from "@/lib/auth/same-origin";
import { getSessionUserId } from "@/lib/auth/session";
import { fileTimestamp } from "@/lib/domain/export/file-name";
import { DomainError } from "@/lib/domain/shared/errors";
import { exportMyData } from "@/lib/use-cases/privacy/export-my-data";

export const dynamic = "force-dynamic";

function refusal(message: string, status: number): Response {
  return new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}

/**
 * « Télécharger mes données »: a JSON file of everything stored about the signed-in pupil. POST (a form that works
 * without JavaScript, nothing in the URL), same origin only, and the account is the session's: no id is taken from
 * the request. Each export is audit-logged.
 */
export async function POST(request: Request): Promise<Response> {
  if (!isSameOrigin(request)) return refusal("Requête refusée.", 403);
  const userId = await getSessionUserId();
  if (userId === null) return new Response(null, { status: 303, headers: { location: "/connexion?retour=/mon-compte" } });
  try {
    const now = new Date();
    const file = await exportMyData({ userId, address: await clientAddress(), now });
    return new Response(JSON.stringify(file, null, 2), {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="mes-donnees-pix-${fileTimestamp(now)}.json"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof DomainError) return refusal(error.message, error.code === "NOT_FOUND" ? 404 : 400);
    console.error(error);
    return refusal("Une erreur inattendue est survenue. Réessayez dans un instant.", 500);
  }
}
