import type { Metadata } from "next";
import Link from "next/link";
import { InfoArticle } from "@/components/info/info-page";
import { HelpFigure } from "@/components/info/help-figure";
import { AIDE_CAPTURES } from "@/lib/site/aide-captures";

export const metadata: Metadata = { title: "Aide" };

export default function PupilHelpPage() {
  const code = AIDE_CAPTURES["eleve-code"];
  const results = AIDE_CAPTURES["eleve-envoi"];
  return (
    <InfoArticle title="Aide">
      <nav aria-label="Sur cette page">
        <ul>
          <li><a href="#code">Entrer le code de mon professeur</a></li>
          <li><a href="#perdu">Je suis perdu</a></li>
          <li><a href="#envoi">Comment mes résultats arrivent chez mon professeur</a></li>
        </ul>
      </nav>

      <h2 id="code">Entrer le code de mon professeur</h2>
      <ol className="list-decimal space-y-1 pl-6">
        <li>Cliquez sur <strong>« J&apos;ai un code »</strong>, en haut de chaque page.</li>
        <li>Tapez le code donné par votre professeur dans <strong>« Saisissez votre code »</strong> : des lettres et des chiffres, par exemple <span className="font-mono">ABCDEF123</span>. Majuscules ou minuscules, peu importe.</li>
        <li>Cliquez sur <strong>« Accéder au parcours »</strong>, puis connectez-vous ou créez votre compte.</li>
        <li>Si votre établissement utilise l&apos;ENT, passez par le médiacentre : vous arrivez directement, sans mot de passe.</li>
      </ol>
      <HelpFigure src={code.src} width={code.width} height={code.height} alt="La page « J'ai un code » sur un téléphone : le champ « Saisissez votre code » et le bouton « Accéder au parcours »." caption="La page « J'ai un code »." />

      <h2 id="perdu">Je suis perdu</h2>
      <h3>J&apos;ai oublié mon mot de passe</h3>
      <ul>
        <li>Vous vous connectez avec une <strong>adresse e-mail</strong> : sur la page de connexion, cliquez sur « Mot de passe oublié ? ». Vous recevez un e-mail avec un lien pour choisir un nouveau mot de passe.</li>
        <li>Vous vous connectez avec un <strong>identifiant</strong> (par exemple <span className="font-mono">lea.martin0112</span>) : demandez à votre professeur. Il vous donne un mot de passe provisoire, que vous changerez à la connexion suivante.</li>
      </ul>
      <h3>Le site me dit « Vérifiez vos informations »</h3>
      <p>
        Le prénom, le nom ou la date de naissance que vous avez tapés ne ressemblent pas à ceux que votre établissement connaît.
        Vérifiez l&apos;orthographe et la date (jour, mois, année), puis réessayez. Si cela ne marche toujours pas, montrez le message
        à votre professeur.
      </p>
      <h3>Mon code ne marche pas</h3>
      <p>Vérifiez chaque lettre et chaque chiffre (le chiffre 0 et la lettre O se ressemblent). Si la campagne est terminée, votre professeur vous donnera un nouveau code.</p>
      <h3>J&apos;ai fermé la page au milieu</h3>
      <p>Rien n&apos;est perdu : tapez le même code, vous reprenez à la question où vous étiez.</p>

      <h2 id="envoi">Comment mes résultats arrivent chez mon professeur</h2>
      <ol className="list-decimal space-y-1 pl-6">
        <li>Pendant le parcours, votre professeur voit seulement « En cours ».</li>
        <li>À la fin, vous voyez vos résultats. Votre professeur voit « En attente d&apos;envoi » : il ne voit pas encore vos résultats.</li>
        <li>Cliquez sur <strong>« J&apos;envoie mes résultats »</strong>. Votre professeur voit alors « Résultats reçus » et peut vous aider sur ce qui reste à apprendre.</li>
      </ol>
      <HelpFigure src={results.src} width={results.width} height={results.height} alt="La fin d'un parcours : les résultats de l'élève et le bouton « J'envoie mes résultats »." caption="La fin d'un parcours, avant l'envoi." />
      <p>
        Ce que nous gardons sur vous et comment le supprimer : <Link href="/donnees-personnelles">Données personnelles</Link>.
        {" "}Vous êtes enseignant ? <Link href="/orga/aide">Aide de Pix Orga</Link>.
      </p>
    </InfoArticle>
  );
}
