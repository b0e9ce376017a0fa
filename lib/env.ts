import { z } from "zod";

/**
 * The only reader of process.env. Validated once; a wrong setting stops the app with a clear message.
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "DATABASE_URL doit être une URL postgresql://…"),
  /** Public address of the student app, used in links and e-mails (e.g. https://app.example.fr). */
  APP_URL: z.url().default("http://localhost:3000"),
  /** Optional separate host for the teacher space (e.g. https://orga.example.fr → /orga). */
  ORGA_URL: z.url().optional(),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET doit faire au moins 32 caractères").optional(),
  /** smtp://user:pass@host:port or smtps://… ; without it, mails go to the development outbox. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "SMTP_URL doit commencer par smtp:// ou smtps://").optional(),
  MAIL_FROM: z.string().default("Pix Libre <ne-pas-repondre@pix-libre.local>"),
  INVITATION_VALIDITY_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** "1" shows the development outbox (/dev/mails) even in production mode: only for the e2e suite. */
  MAIL_OUTBOX_PAGE: z.enum(["0", "1"]).default("0"),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Configuration invalide :\n${lines}\nVoir la table « Configuration » du README.`);
  }
  if (parsed.data.NODE_ENV === "production" && !parsed.data.NEXTAUTH_SECRET) {
    throw new Error("Configuration invalide : NEXTAUTH_SECRET est obligatoire en production.");
  }
  cached = parsed.data;
  return cached;
}

export const isProduction = () => env().NODE_ENV === "production";

/** The outbox page lists every mail sent without SMTP: never on a real deployment. */
export const isOutboxPageEnabled = () => !isProduction() || env().MAIL_OUTBOX_PAGE === "1";
