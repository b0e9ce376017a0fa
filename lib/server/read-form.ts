/**
 * The form of a route handler's POST, or null when the body is not a readable form (JSON, broken multipart…): the
 * route answers 400 with a French message instead of failing with a 500.
 */
export async function readForm(request: Request): Promise<FormData | null> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data") && !type.startsWith("application/x-www-form-urlencoded")) return null;
  try {
    return await request.formData();
  } catch {
    return null;
  }
}

export const UNREADABLE_FORM = "Le formulaire envoyé est illisible : rechargez la page et réessayez.";
