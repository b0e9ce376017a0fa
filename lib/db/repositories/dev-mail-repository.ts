import { db } from "../client";

export async function saveDevMail(mail: { to: string; subject: string; html: string; text: string }): Promise<void> {
  await db.devMail.create({ data: mail });
}

export async function listDevMails(limit = 50) {
  return db.devMail.findMany({ orderBy: { id: "desc" }, take: limit, select: { id: true, to: true, subject: true, html: true, text: true, createdAt: true } });
}
