import type { Metadata } from "next";
import { CodeForm } from "@/components/app/campaign/code-form";
import { LogoutButton } from "@/components/ui/logout-button";
import { getSessionUserId } from "@/lib/auth/session";
import { findPupilDisplayName } from "@/lib/db/queries/orga-context";

export const metadata: Metadata = { title: "J'ai un code" };

export default async function EnterCodePage() {
  const userId = await getSessionUserId();
  const user = userId === null ? null : await findPupilDisplayName(userId);
  return (
    <section className="mx-auto max-w-md space-y-4 rounded-2xl bg-white p-6 shadow-sm sm:p-8">
      <h1 className="text-2xl font-bold">J&apos;ai un code</h1>
      <CodeForm />
      {user && (
        <p className="text-sm text-slate-700">
          Vous n&apos;êtes pas {user.firstName} {user.lastName} ? <LogoutButton callbackUrl="/campagnes" />
        </p>
      )}
    </section>
  );
}
