/** « Se déconnecter » as a plain form posted to /deconnexion (pages outside the App Router, where server actions do not exist). */
export function PlainLogoutButton({ callbackUrl }: { callbackUrl: string }) {
  return (
    <form method="post" action="/deconnexion" className="inline">
      <input type="hidden" name="retour" value={callbackUrl} />
      <button type="submit" className="font-medium text-brand-700 underline hover:no-underline">
        Se déconnecter
      </button>
    </form>
  );
}
