import type { Metadata } from "next";
import { InfoArticle, SiteValue } from "@/components/info/info-page";
import { ACCESSIBILITY_AUDIT } from "@/lib/site/accessibility-audit";
import { siteIdentity } from "@/lib/site/site-identity";

export const metadata: Metadata = { title: "Déclaration d'accessibilité" };

export default function AccessibilityPage() {
  const site = siteIdentity();
  const audit = ACCESSIBILITY_AUDIT;
  return (
    <InfoArticle title="Déclaration d'accessibilité">
      <p>
        <SiteValue value={site.publisher} missing="L'éditeur de ce service" /> s&apos;engage à rendre Pix Libre accessible, conformément à
        l&apos;article 47 de la loi n° 2005-102 du 11 février 2005. Cette déclaration porte sur l&apos;espace élève, sur Pix Orga et sur les
        pages communes (aide, mentions légales, données personnelles).
      </p>

      <h2>État de conformité</h2>
      <p>
        Pix Libre est <strong>partiellement conforme</strong> avec le référentiel général d&apos;amélioration de l&apos;accessibilité (RGAA),
        version 4.1. Cet état repose sur les vérifications automatiques et manuelles décrites ci-dessous : aucun audit complet des
        106 critères du RGAA n&apos;a encore été mené par un auditeur indépendant.
      </p>

      <h2>Ce qui est vérifié automatiquement</h2>
      <ul>
        <li>
          Chaque page visitée par les tests de bout en bout (navigateur Chromium) est analysée par axe-core {audit.axeCoreVersion}, avec les
          règles WCAG 2.1 niveaux A et AA, à chaque changement de page. Un seul défaut d&apos;impact « sérieux » ou « critique » fait échouer
          les tests : <strong>0 défaut sérieux ou critique</strong> à la date de cette déclaration.
        </li>
        <li>
          Pix Orga : ses {audit.orgaPageModels} modèles de pages, tous visités sur un écran de téléphone de 390 pixels de large ; aucune
          ne défile horizontalement (les tableaux défilent dans leur propre cadre).
        </li>
        <li>
          Espace élève et pages communes : les pages traversées par les parcours testés (saisie du code, inscription, connexion,
          questions, résultats, profil de compétences, « Mon compte », mot de passe oublié, aide, pied de page).
        </li>
        <li>Les couleurs des cinq domaines de compétences et des statuts ont un contraste d&apos;au moins 4,5:1 pour le texte (test unitaire).</li>
        <li>Les formulaires fonctionnent sans JavaScript ; les erreurs sont annoncées en texte, jamais par la couleur seule.</li>
      </ul>

      <h2>Ce qui n&apos;est pas encore vérifié</h2>
      <ul>
        <li>La restitution complète avec un lecteur d&apos;écran (NVDA, JAWS, VoiceOver) sur l&apos;ensemble des parcours.</li>
        <li>L&apos;agrandissement du texte à 200 % et la modification de l&apos;espacement du texte (critères 10.4 et 10.12) sur toutes les pages.</li>
        <li>La pertinence des textes de remplacement des images des questions, écrits par les auteurs du contenu.</li>
        <li>Les critères du RGAA qu&apos;un outil automatique ne peut pas juger (pertinence des titres, ordre de lecture, compréhension des messages).</li>
      </ul>

      <h2>Contenus non accessibles</h2>
      <ul>
        <li>
          Les questions chronométrées : leur temps limite fait partie de l&apos;évaluation et ne peut pas être allongé par l&apos;élève
          (critère 13.1). Le compte à rebours est affiché en texte et annoncé avant le début de la question.
        </li>
        <li>Le graphique « Activité » de Pix Orga : ses données sont aussi données dans un tableau, lisible au clavier et par un lecteur d&apos;écran.</li>
      </ul>

      <h2>Établissement de cette déclaration</h2>
      <p>
        Déclaration établie le {audit.date}. Technologies utilisées : HTML, CSS, JavaScript (React). Vérifications faites avec Chromium,
        axe-core et Playwright, sur ordinateur et sur un écran de téléphone.
      </p>

      <h2>Retour d&apos;information et contact</h2>
      <p>
        Si vous ne pouvez pas accéder à un contenu ou à un service, écrivez-nous pour être orienté vers une autre solution :{" "}
        {site.contactEmail ? <a href={`mailto:${site.contactEmail}`}>{site.contactEmail}</a> : <SiteValue value={null} missing="adresse non renseignée par l'administrateur de ce service ; adressez-vous à votre établissement" />}.
      </p>

      <h2>Voies de recours</h2>
      <p>
        Si vous nous avez signalé un défaut d&apos;accessibilité qui vous empêche d&apos;utiliser le service et que la réponse ne vous convient
        pas, vous pouvez saisir le <strong>Défenseur des droits</strong> :
      </p>
      <ul>
        <li>par le formulaire en ligne : <a href="https://formulaire.defenseurdesdroits.fr/">formulaire.defenseurdesdroits.fr</a> ;</li>
        <li>en rencontrant un délégué près de chez vous : <a href="https://www.defenseurdesdroits.fr/saisir/delegues">liste des délégués</a> ;</li>
        <li>par courrier gratuit, sans timbre : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.</li>
      </ul>
    </InfoArticle>
  );
}
