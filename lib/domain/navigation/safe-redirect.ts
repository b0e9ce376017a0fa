/** Only same-site absolute paths are followed after login (no open redirect). */
export function safeRedirectPath(value: string | undefined | null, fallback: string): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return fallback;
  return value;
}
