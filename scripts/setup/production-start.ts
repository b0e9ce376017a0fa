/**
 * What stops `npm run dev -- --prod` before anything starts: it used to announce « prêt » and then answer 500 on every
 * page when a production requirement was missing (NEXTAUTH_SECRET above all). Checked before the database starts.
 */
import { parseEnvironment } from "../../lib/env";

export function productionStartProblem(source: Readonly<Record<string, string | undefined>>, input: { hasBuild: boolean }): string | null {
  try {
    // dev.ts provides the database (embedded unless DATABASE_URL is set): a stand-in address lets the rest be checked.
    parseEnvironment({ ...source, NODE_ENV: "production", DATABASE_URL: source.DATABASE_URL ?? "postgresql://localhost/pix" });
  } catch (error) {
    return `${error instanceof Error ? error.message : String(error)}\nLe mode production (--prod) demande par exemple : NEXTAUTH_SECRET=$(openssl rand -base64 48) npm run dev -- --prod`;
  }
  if (!input.hasBuild) return "Aucune version de production construite : lancez d'abord « npm run build », puis « npm run dev -- --prod ».";
  return null;
}

/** The development outbox in production mode: its page only opens with MAIL_OUTBOX_PAGE=1 (never on a real deployment). */
export function outboxLine(source: Readonly<Record<string, string | undefined>>, appUrl: string, production: boolean): string {
  if (source.SMTP_URL?.trim()) return "Mails                   envoyés par SMTP (SMTP_URL)";
  if (!production || source.MAIL_OUTBOX_PAGE === "1") return `Boîte d'envoi (mails)   ${appUrl}/dev/mails`;
  return "Boîte d'envoi (mails)   fermée en production (MAIL_OUTBOX_PAGE=1 pour l'ouvrir)";
}
