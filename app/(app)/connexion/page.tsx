import type { Metadata } from "next";
import { LoginForm } from "@/components/ui/login-form";
import { safeRedirectPath } from "@/lib/domain/navigation/safe-redirect";

export const metadata: Metadata = { title: "Connexion" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ retour?: string }> }) {
  const { retour } = await searchParams;
  return (
    <div className="mx-auto max-w-md rounded-2xl bg-white p-6 shadow-sm sm:p-8">
      <h1 className="mb-6 text-2xl font-bold">Connectez-vous</h1>
      <LoginForm redirectTo={safeRedirectPath(retour, "/")} />
    </div>
  );
}
