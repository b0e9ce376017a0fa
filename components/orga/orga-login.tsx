import Link from "next/link";
import { LoginForm } from "../ui/login-form";

/**
 * The teacher login, with the seed's guidance for teachers who never received their access. Teachers sign in with
 * their Pix account: a forgotten password is reset where every account's is (`forgottenPasswordHref`, on the app's host).
 */
export function OrgaLogin({ forgottenPasswordHref }: { forgottenPasswordHref: string }) {
  return (
    <div className="mx-auto grid max-w-4xl gap-8 md:grid-cols-2">
      <section className="rounded-2xl bg-white p-6 shadow-sm sm:p-8" aria-labelledby="orga-login-title">
        <h1 id="orga-login-title" className="mb-2 text-2xl font-bold">
          Connectez-vous à Pix Orga
        </h1>
        <p className="mb-6 text-slate-700">L&apos;espace des enseignants pour suivre les parcours de leurs élèves.</p>
        <LoginForm redirectTo="/orga" />
        <p className="mt-4 text-sm">
          <a href={forgottenPasswordHref} className="text-brand-700 underline">Mot de passe oublié ?</a>
        </p>
      </section>
      <section className="rounded-2xl border border-slate-200 bg-brand-50 p-6 sm:p-8" aria-labelledby="no-access-title">
        <h2 id="no-access-title" className="mb-3 text-lg font-bold">
          Je n&apos;ai pas reçu mon accès
        </h2>
        <p className="mb-3 text-slate-800">
          Pour accéder à Pix Orga, un enseignant doit préalablement y être invité par mail par son ou ses
          établissements.
        </p>
        <p className="mb-3 text-slate-800">
          Un correspondant Pix a été nommé dans votre établissement : demandez-lui de vous créer un accès à Pix Orga.
          Si vous ne connaissez pas votre correspondant, rapprochez-vous de votre chef d&apos;établissement.
        </p>
        <p className="text-slate-800">
          Chef d&apos;établissement ?{" "}
          <Link href="/orga/activation" className="font-semibold text-brand-700 underline hover:no-underline">
            Activez ou récupérez votre espace Pix Orga
          </Link>
        </p>
      </section>
    </div>
  );
}
