import { ofEstablishment } from "../domain/shared/french-text";
import { htmlMail } from "./layout";
import type { Mail } from "./send-mail";

/** A mail whose purpose is one link: paragraphs, the link (a button in HTML), a closing line. */
function linkMail(input: { to: string; subject: string; paragraphs: string[]; linkText: string; buttonLabel: string; url: string; footer: string }): Mail {
  return {
    to: input.to,
    subject: input.subject,
    text: `${input.paragraphs.join("\n\n")}\n\n${input.linkText} : ${input.url}\n\n${input.footer}`,
    html: htmlMail(input.subject, input.paragraphs, { label: input.buttonLabel, url: input.url }, input.footer),
  };
}

export function invitationMail(input: { to: string; establishmentName: string; url: string; validityDays: number }): Mail {
  return linkMail({
    to: input.to,
    subject: `Invitation à rejoindre ${input.establishmentName} sur Pix Orga`,
    paragraphs: [
      "Bonjour,",
      `Vous êtes invité(e) à rejoindre l'espace Pix Orga ${ofEstablishment(input.establishmentName)}, l'espace des enseignants pour créer des campagnes et suivre les résultats des élèves.`,
      `Cette invitation est valable ${input.validityDays} jours.`,
    ],
    linkText: "Rejoindre l'espace",
    buttonLabel: "Rejoindre l'espace Pix Orga",
    url: input.url,
    footer: "Vous ne vous attendiez pas à cette invitation ? Ignorez simplement ce message.",
  });
}

export function activationMail(input: { to: string; establishmentName: string; url: string; validityDays: number }): Mail {
  return linkMail({
    to: input.to,
    subject: "Accès à votre espace Pix Orga",
    paragraphs: [
      "Bonjour,",
      `Une demande d'activation de l'espace Pix Orga ${ofEstablishment(input.establishmentName)} a été faite. En suivant ce lien, vous en deviendrez administrateur et pourrez inviter les enseignants de l'établissement.`,
      `Ce lien est valable ${input.validityDays} jours.`,
    ],
    linkText: "Activer l'espace",
    buttonLabel: "Activer l'espace Pix Orga",
    url: input.url,
    footer: "Vous n'êtes pas à l'origine de cette demande ? Ignorez ce message : rien ne change sans ce lien.",
  });
}

export function passwordResetMail(input: { to: string; url: string }): Mail {
  return linkMail({
    to: input.to,
    subject: "Réinitialisation de votre mot de passe Pix Libre",
    paragraphs: [
      "Bonjour,",
      "Vous avez demandé à réinitialiser votre mot de passe. Ce lien est valable 1 heure et ne peut servir qu'une fois.",
    ],
    linkText: "Choisir un nouveau mot de passe",
    buttonLabel: "Choisir un nouveau mot de passe",
    url: input.url,
    footer: "Vous n'êtes pas à l'origine de cette demande ? Ignorez ce message : votre mot de passe reste inchangé.",
  });
}
