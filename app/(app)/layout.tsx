import { AppHeader } from "@/components/app/app-header";
import { getSessionUserId } from "@/lib/auth/session";
import { findUserName } from "@/lib/db/queries/orga-context";

export const dynamic = "force-dynamic";

export default async function StudentLayout({ children }: { children: React.ReactNode }) {
  const userId = await getSessionUserId();
  const user = userId === null ? null : await findUserName(userId);
  return (
    <>
      <AppHeader userName={user ? `${user.firstName} ${user.lastName}` : null} />
      <main id="contenu" className="mx-auto max-w-5xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
