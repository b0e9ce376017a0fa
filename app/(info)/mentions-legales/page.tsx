import type { Metadata } from "next";
import Link from "next/link";
import { InfoArticle, SiteValue } from "@/components/info/info-page";
import { siteIdentity } from "@/lib/site/site-identity";

export const metadata: Metadata = { title: "Mentions légales" };

export default function LegalNoticePage() {
  const site = siteIdentity();
  return (
    <InfoArticle title="Mentions légales">
      <h2>Éditeur du service</h2>
      <p>
        Ce service est publié par : <SiteValue value={site.publisher} missing="non renseigné par l'administrateur de ce service" />.
        {" "}Pix Libre est un logiciel libre qu&apos;une académie, un établissement ou un organisme installe sur ses propres serveurs :
        c&apos;est lui qui est responsable du service et des données que vous y confiez.
      </p>
      <h2>Contact</h2>
      <p>
        {site.contactEmail ? <a href={`mailto:${site.contactEmail}`}>{site.contactEmail}</a> : <SiteValue value={null} missing="adresse non renseignée par l'administrateur de ce service" />}
        . Élèves et enseignants : votre premier contact reste votre établissement (le correspondant Pix ou le chef d&apos;établissement).
      </p>
      <h2>Hébergement</h2>
      <p><SiteValue value={site.hosting} missing="hébergeur non renseigné par l'administrateur de ce service" /></p>
      <h2>Logiciel</h2>
      <p>
        Pix Libre n&apos;est pas le service Pix du GIP Pix : c&apos;est un logiciel indépendant qui reprend le référentiel public des
        compétences numériques (16 compétences, 5 domaines). Son code, ses textes, son logo et ses illustrations sont les siens.
      </p>
      <h2>Vos données et l&apos;accessibilité</h2>
      <ul>
        <li><Link href="/donnees-personnelles">Données personnelles</Link> : ce que nous enregistrons, pourquoi, combien de temps, et vos droits.</li>
        <li><Link href="/accessibilite">Accessibilité</Link> : la déclaration d&apos;accessibilité de ce service.</li>
        <li><Link href="/conditions-utilisation">Conditions d&apos;utilisation</Link>.</li>
      </ul>
    </InfoArticle>
  );
}
