import { signOutAction, signOutEverywhereAction } from "@/lib/actions/session-actions";

/** « Se déconnecter »: a small form (POST), so that it works without JavaScript too. */
export function LogoutButton({ callbackUrl, className }: { callbackUrl: string; className?: string }) {
  return (
    <form action={signOutAction} className="inline">
      <input type="hidden" name="retour" value={callbackUrl} />
      <button type="submit" className={className ?? "font-medium text-brand-700 underline hover:no-underline"}>
        Se déconnecter
      </button>
    </form>
  );
}

/** « Se déconnecter de tous les appareils »: ends every session of the account (a lost phone, a shared computer). */
export function LogoutEverywhereButton({ callbackUrl, className }: { callbackUrl: string; className?: string }) {
  return (
    <form action={signOutEverywhereAction} className="inline">
      <input type="hidden" name="retour" value={callbackUrl} />
      <button type="submit" className={className ?? "font-medium text-brand-700 underline hover:no-underline"}>
        Se déconnecter de tous les appareils
      </button>
    </form>
  );
}
