import "server-only";
import { AppHeader } from "@/components/app/app-header";
import { PlainLogoutButton } from "@/components/ui/plain-logout-button";
import { SiteFooter } from "@/components/ui/site-footer";
import { FlowScreenView } from "./flow-screen";
import type { QuestionScreen } from "./question-page";
import { renderStaticMarkup } from "./static-markup";
import { rootStylesheets } from "./stylesheets";

/** The address of the page's only script (public/scripts/answer-flow.js). */
export const ANSWER_FLOW_SCRIPT = "/scripts/answer-flow.js";

/**
 * The whole question page as HTML: what app/layout.tsx and app/(app)/layout.tsx would wrap around the question (skip
 * link, header, footer, same classes), the screen, the live region the script speaks through, and the script itself,
 * carrying this response's CSP nonce.
 */
export function questionDocument(input: { userName: string | null; screen: QuestionScreen; message: string | null; nonce: string; path: string; reportStatus?: string | null }): string {
  const page = (
    <html lang="fr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Question | Pix Libre</title>
        <meta name="description" content="Évaluer, développer et certifier ses compétences numériques." />
        <link rel="icon" href="/icon.svg" type="image/svg+xml" />
        {rootStylesheets().map((href) => (
          <link key={href} rel="stylesheet" href={href} />
        ))}
      </head>
      <body>
        <a href="#contenu" className="skip-link">
          Aller au contenu
        </a>
        <AppHeader userName={input.userName} signOut={<PlainLogoutButton callbackUrl="/" />} plainPath={input.path} />
        <main id="contenu" className="mx-auto max-w-5xl px-4 py-8">
          <div data-flow-screen="">
            <FlowScreenView screen={input.screen} message={input.message} reportStatus={input.reportStatus} />
          </div>
          <p aria-live="polite" className="sr-only" data-flow-announce=""></p>
        </main>
        <SiteFooter helpHref="/aide" plain />
        <script nonce={input.nonce} src={ANSWER_FLOW_SCRIPT} defer></script>
      </body>
    </html>
  );
  return `<!DOCTYPE html>${renderStaticMarkup(page)}`;
}
