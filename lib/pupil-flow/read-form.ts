/** Larger than any answer (eight ticks, a few fields of 500 characters); a bigger body is not ours. */
const MAX_BODY_BYTES = 64 * 1024;

/** The url-encoded form of a POST (the question page's forms, and its script), or null if too big or of another type. */
export async function readUrlEncodedForm(request: Request): Promise<URLSearchParams | null> {
  if (!(request.headers.get("content-type") ?? "").startsWith("application/x-www-form-urlencoded")) return null;
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) return null;
  const text = await request.text().catch(() => null);
  if (text === null || text.length > MAX_BODY_BYTES) return null;
  return new URLSearchParams(text);
}
