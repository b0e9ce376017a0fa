import type { Metadata } from "next";
import Link from "next/link";
import { InfoArticle } from "@/components/info/info-page";
import { HelpFigure } from "@/components/info/help-figure";
import { AIDE_CAPTURES, type AideCapture } from "@/lib/site/aide-captures";

export const metadata: Metadata = { title: "Aide" };

function Capture({ name, alt, caption }: { name: AideCapture; alt: string; caption: string }) {
  const { src, width, height } = AIDE_CAPTURES[name];
  return <HelpFigure src={src} width={width} height={height} alt={alt} caption={caption} />;
}

/** The teacher's guide (« Démarrer une campagne Pix avec ses élèves »), step by step, with screenshots of the demo. */
export default function TeacherHelpPage() {
  return (
    <InfoArticle title="Aide : démarrer une campagne avec ses élèves">
      <nav aria-label="Votre check-list">
        <h2 className="mt-0!">Votre check-list</h2>
        <ol className="list-decimal space-y-1 pl-6">
          <li><a href="#acceder">Accéder à Pix Orga</a></li>
          <li><a href="#creer">Créer une campagne</a></li>
          <li><a href="#lancer">Donner le code campagne à ses élèves</a></li>
          <li><a href="#suivre">Suivre le parcours et la remontée des résultats</a></li>
          <li><a href="#analyser">Analyser les résultats</a></li>
        </ol>
      </nav>

      <h2 id="acceder">1. Accéder à Pix Orga</h2>
      <p>
        Pour accéder à Pix Orga, un enseignant doit d&apos;abord y être <strong>invité par mail</strong> par son établissement (onglet
        « Équipe »). Le lien du mail permet de créer son compte ou de se connecter ; ensuite, on se connecte à Pix Orga avec cette adresse
        et ce mot de passe.
      </p>
      <p>
        <strong>Vous n&apos;avez pas reçu votre accès ?</strong> Un correspondant Pix a été nommé dans votre établissement : demandez-lui de vous
        inviter. Si vous ne le connaissez pas, rapprochez-vous de votre chef d&apos;établissement. Mot de passe oublié : « Mot de passe
        oublié ? » sur la page de connexion.
      </p>
      <Capture name="orga-campagnes" alt="L'accueil de Pix Orga : la liste des campagnes de l'établissement et le bouton « Créer une campagne »." caption="L'accueil de Pix Orga : les campagnes de l'établissement." />

      <h2 id="creer">2. Créer une campagne</h2>
      <ol className="list-decimal space-y-1 pl-6">
        <li>Cliquez sur <strong>« Créer une campagne »</strong>.</li>
        <li>Donnez le <strong>nom de la campagne</strong> (celui affiché dans Pix Orga).</li>
        <li>« Quel est l&apos;objectif de votre campagne ? » : sélectionnez <strong>« Évaluer les participants »</strong> (ou « Collecter les profils Pix des participants » pour récupérer leurs niveaux et leur score pix).</li>
        <li>« Que souhaitez-vous tester ? » : un parcours prédéfini (par exemple le parcours de rentrée de votre niveau) ou une des 16 compétences.</li>
        <li>« Souhaitez-vous demander un identifiant externe ? » : cochez « Non », sauf besoin particulier.</li>
        <li>Le <strong>titre du parcours</strong> et le <strong>texte de la page d&apos;accueil</strong> sont affichés aux élèves (texte facultatif).</li>
      </ol>
      <p>Après validation, vous disposez d&apos;un <strong>code de campagne</strong> et d&apos;un lien direct.</p>
      <Capture name="orga-creer" alt="Le formulaire « Création d'une campagne »." caption="Le formulaire de création d'une campagne." />

      <h2 id="lancer">3. Lancer la campagne</h2>
      <p>
        Il vous suffit de <strong>donner le code de votre campagne</strong> à vos élèves : « Imprimer le code pour la classe » prépare une
        feuille à distribuer. L&apos;élève se connecte à son compte puis saisit le code dans <strong>« J&apos;ai un code »</strong>. Dans un
        établissement qui dispose du GAR, les élèves arrivent par le médiacentre de l&apos;ENT.
      </p>
      <Capture name="orga-campagne" alt="La page d'une campagne : son code, son lien direct et les onglets Activité, Résultats, Analyse, Paramètres." caption="Une campagne : le code à donner aux élèves." />

      <h2 id="suivre">4. Suivre le parcours de ses élèves</h2>
      <p>
        En cliquant sur une campagne, vous accédez à ses détails : <strong>Activité</strong> (participants et résultats reçus jour par jour),
        <strong> Résultats</strong>, <strong>Analyse</strong> et <strong>Paramètres</strong>. Chaque élève a un statut :
      </p>
      <ul>
        <li><strong>En cours</strong> : l&apos;élève n&apos;a pas terminé le test ;</li>
        <li><strong>En attente d&apos;envoi</strong> : il a terminé mais n&apos;a pas encore envoyé ses résultats ;</li>
        <li><strong>Résultats reçus</strong> : il a terminé et cliqué sur « J&apos;envoie mes résultats ».</li>
      </ul>
      <p>« Exporter les résultats (.csv) » donne un tableau à ouvrir dans un tableur.</p>
      <Capture name="orga-resultats" alt="L'onglet Résultats : nom, prénom et résultat de chaque élève." caption="L'onglet Résultats." />

      <h2 id="analyser">5. Analyser les résultats</h2>
      <p>
        L&apos;onglet <strong>Analyse</strong> recommande les sujets à travailler, classés par degré de pertinence, avec des tutos pour
        chacun. Dans les résultats, les clés de lecture situent chaque élève :
      </p>
      <ul>
        <li>de 0 à 20 % : <strong>maîtrise insuffisante</strong> — un accompagnement important est nécessaire ;</li>
        <li>de 21 à 50 % : <strong>maîtrise fragile</strong> — des bases à consolider sur de nombreux sujets ;</li>
        <li>de 51 à 80 % : <strong>maîtrise satisfaisante</strong> — progresser sur des sujets ciblés ;</li>
        <li>de 81 à 100 % : <strong>très bonne maîtrise</strong> — peut utiliser Pix en autonomie et aider ses camarades.</li>
      </ul>
      <Capture name="orga-analyse" alt="L'onglet Analyse : les sujets recommandés, classés par pertinence." caption="L'onglet Analyse." />

      <h2>Des soucis ?</h2>
      <p>
        Vous n&apos;avez pas accès à Pix Orga ? Tous vos élèves n&apos;apparaissent pas ? Le correspondant Pix de votre établissement pourra
        répondre à vos questions ; sinon, rapprochez-vous de votre chef d&apos;établissement. Dans une campagne, « Tous vos élèves
        n&apos;apparaissent pas ? » liste les élèves qui ne l&apos;ont pas encore rejointe.
      </p>
      <p>Aide pour vos élèves : <Link href="/aide">Aide de l&apos;espace élève</Link>.</p>
    </InfoArticle>
  );
}
