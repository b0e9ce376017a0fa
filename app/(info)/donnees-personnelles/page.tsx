import type { Metadata } from "next";
import Link from "next/link";
import { InfoArticle, SiteValue } from "@/components/info/info-page";
import { siteIdentity } from "@/lib/site/site-identity";

export const metadata: Metadata = { title: "Données personnelles" };

/** Figures from docs/security.md, § 13 (« Retention »): establishments.data_retention_months and the audit log's one year. */
const DEFAULT_RETENTION_MONTHS = 36;

export default function PersonalDataPage() {
  const site = siteIdentity();
  return (
    <InfoArticle title="Données personnelles">
      <section aria-labelledby="eleves" className="space-y-3 rounded-xl bg-brand-50 p-4">
        <h2 id="eleves" className="mt-0!">Pour les élèves, en quelques mots</h2>
        <ul>
          <li>Nous gardons ton nom, ton prénom, ta date de naissance, ton adresse e-mail ou ton identifiant, et tes réponses aux questions.</li>
          <li>Ton mot de passe est rangé sous une forme que personne ne peut relire, même pas nous.</li>
          <li>
            Ton professeur voit que tu as commencé ou fini un parcours. Il voit tes résultats <strong>seulement quand tu cliques sur
            « J&apos;envoie mes résultats »</strong>.
          </li>
          <li>Nous ne vendons rien, nous ne montrons pas de publicité et nous ne donnons tes données à personne d&apos;autre.</li>
          <li>Si tu n&apos;utilises plus Pix Libre, tes données sont effacées au bout de 3 ans (l&apos;établissement peut choisir moins).</li>
          <li>
            Dans <Link href="/mon-compte">Mon compte</Link>, tu peux <strong>« Télécharger mes données »</strong> pour voir tout ce que nous
            savons sur toi, ou <strong>« Supprimer mon compte »</strong>.
          </li>
          <li>Une question, un souci ? Parles-en à ton professeur ou à un adulte de ton établissement.</li>
        </ul>
      </section>

      <h2>Qui est responsable de vos données ?</h2>
      <p>
        Pour les comptes et résultats des élèves utilisés dans le cadre scolaire, le responsable de traitement est
        l&apos;établissement scolaire (son chef d&apos;établissement), qui utilise Pix Libre pour suivre les compétences numériques de ses
        élèves. Le service est opéré par : <SiteValue value={site.publisher} missing="éditeur non renseigné par l'administrateur de ce service" />.
      </p>

      <h2>Ce que nous enregistrons, et pourquoi</h2>
      <ul>
        <li><strong>Votre compte</strong> : nom, prénom, date de naissance (pour retrouver un élève dans la liste de son établissement), adresse e-mail ou identifiant, mot de passe chiffré (argon2). Pour vous connecter et vous reconnaître.</li>
        <li><strong>La liste des élèves de l&apos;établissement</strong> (importée de SIECLE ou d&apos;un fichier) : nom, prénom, date de naissance, classe, identifiant national (INE). Pour que chaque élève retrouve sa place et que l&apos;enseignant suive sa classe.</li>
        <li><strong>Les parcours</strong> : les réponses, le temps passé, les niveaux et les pix obtenus, le statut (« En cours », « En attente d&apos;envoi », « Résultats reçus »). Pour mesurer les compétences et proposer la suite.</li>
        <li><strong>Les comptes des enseignants</strong> : nom, prénom, adresse e-mail, rôle dans l&apos;établissement.</li>
        <li><strong>Un journal de sécurité</strong> des actions sensibles (réinitialisation d&apos;un mot de passe, suppression, export) : qui, quand, depuis quelle adresse IP ; jamais de mot de passe, de nom ni de date de naissance.</li>
        <li><strong>Un cookie de session</strong>, indispensable à la connexion. Aucun cookie de mesure d&apos;audience ni de publicité.</li>
      </ul>

      <h2>Base légale</h2>
      <p>
        Dans les établissements scolaires, le traitement relève de la <strong>mission d&apos;intérêt public</strong> de
        l&apos;éducation (article 6.1.e du RGPD) : le développement et l&apos;évaluation des compétences numériques font partie des
        programmes. Pour un compte personnel créé hors de l&apos;école, il repose sur l&apos;exécution des conditions d&apos;utilisation
        (article 6.1.b).
      </p>

      <h2>Combien de temps ?</h2>
      <ul>
        <li>
          Les données d&apos;un élève et ses participations sont détachées de son identité après {DEFAULT_RETENTION_MONTHS} mois sans
          activité dans l&apos;établissement (durée réglable par établissement, de 1 à 120 mois) ; la liste des élèves suit la même règle.
          Les résultats restent, sans nom, pour les statistiques de l&apos;établissement.
        </li>
        <li>Le journal de sécurité est gardé 1 an.</li>
        <li>Les liens de réinitialisation de mot de passe expirent d&apos;eux-mêmes, puis sont effacés ; une invitation d&apos;enseignant expire après 30 jours (réglable).</li>
        <li>Un compte supprimé perd immédiatement ses identifiants, son nom, sa date de naissance et son mot de passe.</li>
      </ul>

      <h2>Qui peut voir vos données ?</h2>
      <ul>
        <li>Les enseignants de votre établissement, membres de son espace Pix Orga, pour leurs élèves uniquement ; jamais ceux d&apos;un autre établissement.</li>
        <li>Les résultats d&apos;un parcours, seulement après « J&apos;envoie mes résultats ».</li>
        <li>Pix Orga n&apos;affiche jamais l&apos;adresse e-mail d&apos;un élève.</li>
      </ul>

      <h2>Exercer vos droits</h2>
      <p>Vous avez le droit d&apos;accéder à vos données, de les faire corriger, de demander leur effacement ou la limitation de leur usage, et de vous opposer à leur traitement.</p>
      <ul>
        <li>Dans <Link href="/mon-compte">Mon compte</Link> : « Télécharger mes données » (un fichier avec tout ce qui vous concerne) et « Supprimer mon compte ».</li>
        <li>Pour les données de la liste des élèves ou les résultats gardés par l&apos;établissement : adressez-vous à l&apos;établissement et à son délégué à la protection des données (DPO), dont l&apos;adresse est donnée par l&apos;établissement ou l&apos;académie.</li>
        <li>
          Contact du service :{" "}
          {site.contactEmail ? <a href={`mailto:${site.contactEmail}`}>{site.contactEmail}</a> : <SiteValue value={null} missing="adresse non renseignée par l'administrateur de ce service" />}.
        </li>
        <li>Si la réponse ne vous convient pas, vous pouvez saisir la CNIL (<a href="https://www.cnil.fr/fr/plaintes">cnil.fr/fr/plaintes</a>).</li>
      </ul>
    </InfoArticle>
  );
}
