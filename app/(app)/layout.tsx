import { AppHeader } from "@/components/app/app-header";
import { PasswordChangeGate } from "@/components/app/reconciliation/password-change-gate";
import { getSessionUserId } from "@/lib/auth/session";
import { findPupilDisplayName } from "@/lib/db/queries/orga-context";
import { isPasswordChangeRequired } from "@/lib/db/repositories/learner-repository";

export const dynamic = "force-dynamic";

export default async function StudentLayout({ children }: { children: React.ReactNode }) {
  const userId = await getSessionUserId();
  const user = userId === null ? null : await findPupilDisplayName(userId);
  // A one-time password (given by a teacher) must be replaced before anything else, except on that very page.
  const mustChangePassword = userId !== null && (await isPasswordChangeRequired(userId));
  return (
    <>
      <AppHeader userName={user ? `${user.firstName} ${user.lastName}` : null} />
      <main id="contenu" className="mx-auto max-w-5xl px-4 py-8">
        <PasswordChangeGate isRequired={mustChangePassword}>{children}</PasswordChangeGate>
      </main>
    </>
  );
}
