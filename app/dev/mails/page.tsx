import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { isOutboxPageEnabled } from "@/lib/env";
import { listDevMails } from "@/lib/db/repositories/dev-mail-repository";
import { formatDateTime } from "@/lib/domain/shared/format-date";

export const metadata: Metadata = { title: "Boîte d'envoi de développement" };
export const dynamic = "force-dynamic";

/** The development outbox: every mail sent while no SMTP_URL is configured (never in production). */
export default async function DevMailsPage() {
  if (!isOutboxPageEnabled()) notFound();
  const mails = await listDevMails();
  return (
    <main id="contenu" className="mx-auto max-w-4xl space-y-6 px-4 py-8">
      <h1 className="text-2xl font-bold">Boîte d&apos;envoi (développement)</h1>
      <p className="text-slate-700">Sans SMTP configuré, les e-mails arrivent ici. Les plus récents en premier.</p>
      {mails.length === 0 && <p>Aucun e-mail envoyé pour l&apos;instant.</p>}
      <ol className="space-y-4">
        {mails.map((mail) => (
          <li key={mail.id} className="rounded-xl bg-white p-4 shadow-sm">
            <article aria-label={`E-mail à ${mail.to} : ${mail.subject}`}>
              <h2 className="font-bold">{mail.subject}</h2>
              <p className="text-sm text-slate-700">
                À : <span data-testid="mail-to">{mail.to}</span> — {formatDateTime(mail.createdAt)}
              </p>
              <pre className="mt-3 whitespace-pre-wrap break-words font-sans text-sm">{linkify(mail.text)}</pre>
            </article>
          </li>
        ))}
      </ol>
    </main>
  );
}

function linkify(text: string) {
  return text.split(/(https?:\/\/\S+)/g).map((part, i) =>
    /^https?:\/\//.test(part) ? (
      <a key={i} href={part} className="text-brand-700 underline">
        {part}
      </a>
    ) : (
      part
    ),
  );
}
