import { AppHeader } from "@/components/app/app-header";
import { SiteFooter } from "@/components/ui/site-footer";
import { LogoutButton } from "@/components/ui/logout-button";
import { PasswordChangeGate } from "@/components/app/reconciliation/password-change-gate";
import { getSession } from "@/lib/auth/session";
import { findPupilDisplayName } from "@/lib/db/queries/orga-context";

export const dynamic = "force-dynamic";

export default async function StudentLayout({ children }: { children: React.ReactNode }) {
  const session = await getSession();
  const user = session === null ? null : await findPupilDisplayName(session.userId);
  // A one-time password (given by a teacher) must be replaced before anything else, except on that very page
  // (the pages, actions and routes themselves refuse such a session too: lib/auth/session.ts).
  const mustChangePassword = session?.mustChangePassword ?? false;
  return (
    <>
      <AppHeader userName={user ? `${user.firstName} ${user.lastName}` : null} signOut={<LogoutButton callbackUrl="/" />} />
      <main id="contenu" className="mx-auto max-w-5xl px-4 py-8">
        <PasswordChangeGate isRequired={mustChangePassword}>{children}</PasswordChangeGate>
      </main>
      <SiteFooter helpHref="/aide" />
    </>
  );
}
