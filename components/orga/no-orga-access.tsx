import { LogoutButton } from "../ui/logout-button";

export function NoOrgaAccess() {
  return (
    <section className="mx-auto max-w-xl rounded-2xl bg-white p-6 shadow-sm sm:p-8">
      <h1 className="mb-3 text-2xl font-bold">Vous n&apos;avez pas encore accès à Pix Orga</h1>
      <p className="mb-3 text-slate-800">
        Votre compte n&apos;est membre d&apos;aucun établissement. Un correspondant Pix a été nommé dans votre
        établissement : demandez-lui de vous inviter. Si vous ne le connaissez pas, rapprochez-vous de votre chef
        d&apos;établissement.
      </p>
      <LogoutButton callbackUrl="/orga" />
    </section>
  );
}
