import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "../env";
import { saveDevMail } from "../db/repositories/dev-mail-repository";

export type Mail = { to: string; subject: string; html: string; text: string };

let transporter: Transporter | undefined;

/**
 * Sends through SMTP when SMTP_URL is set; otherwise the mail goes to the development outbox
 * (stored in the database, listed at /dev/mails, and printed on the console).
 */
export async function sendMail(mail: Mail): Promise<void> {
  const { SMTP_URL, MAIL_FROM } = env();
  if (SMTP_URL) {
    transporter ??= nodemailer.createTransport(SMTP_URL);
    await transporter.sendMail({ from: MAIL_FROM, ...mail });
    return;
  }
  await saveDevMail(mail);
  console.info(`[boîte d'envoi] À : ${mail.to} — ${mail.subject}\n${mail.text}\n`);
}
