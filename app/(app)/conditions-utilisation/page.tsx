import type { Metadata } from "next";

export const metadata: Metadata = { title: "Conditions d'utilisation" };

export default function TermsPage() {
  return (
    <article className="mx-auto max-w-3xl space-y-4 rounded-2xl bg-white p-6 shadow-sm sm:p-8">
      <h1 className="text-2xl font-bold">Conditions d&apos;utilisation</h1>
      <p>Pix Libre permet d&apos;évaluer et de développer ses compétences numériques. Le service est proposé par l&apos;établissement ou l&apos;organisme qui l&apos;héberge.</p>
      <h2 className="text-lg font-bold">Vos données</h2>
      <p>Nous conservons votre nom, votre prénom, votre adresse e-mail ou votre identifiant et vos réponses aux questions. Vos résultats ne sont transmis à un établissement que lorsque vous cliquez sur « J&apos;envoie mes résultats ».</p>
      <p>Vous pouvez demander l&apos;accès, la rectification ou l&apos;effacement de vos données à l&apos;établissement qui héberge le service.</p>
      <h2 className="text-lg font-bold">Votre compte</h2>
      <p>Votre mot de passe est personnel : ne le communiquez à personne. Après plusieurs erreurs de mot de passe, le compte est bloqué quelques minutes pour le protéger.</p>
    </article>
  );
}
