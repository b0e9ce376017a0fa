import { htmlMail } from "./layout";
import type { Mail } from "./send-mail";

export function invitationMail(input: { to: string; establishmentName: string; url: string; validityDays: number }): Mail {
  const subject = `Invitation à rejoindre ${input.establishmentName} sur Pix Orga`;
  const paragraphs = [
    "Bonjour,",
    `Vous êtes invité(e) à rejoindre l'espace Pix Orga de ${input.establishmentName}, l'espace des enseignants pour créer des campagnes et suivre les résultats des élèves.`,
    `Cette invitation est valable ${input.validityDays} jours.`,
  ];
  const footer = "Vous ne vous attendiez pas à cette invitation ? Ignorez simplement ce message.";
  return {
    to: input.to,
    subject,
    text: `${paragraphs.join("\n\n")}\n\nRejoindre l'espace : ${input.url}\n\n${footer}`,
    html: htmlMail(subject, paragraphs, { label: "Rejoindre l'espace Pix Orga", url: input.url }, footer),
  };
}

export function activationMail(input: { to: string; establishmentName: string; url: string; validityDays: number }): Mail {
  const subject = "Accès à votre espace Pix Orga";
  const paragraphs = [
    "Bonjour,",
    `Une demande d'activation de l'espace Pix Orga de ${input.establishmentName} a été faite. En suivant ce lien, vous en deviendrez administrateur et pourrez inviter les enseignants de l'établissement.`,
    `Ce lien est valable ${input.validityDays} jours.`,
  ];
  const footer = "Vous n'êtes pas à l'origine de cette demande ? Ignorez ce message : rien ne change sans ce lien.";
  return {
    to: input.to,
    subject,
    text: `${paragraphs.join("\n\n")}\n\nActiver l'espace : ${input.url}\n\n${footer}`,
    html: htmlMail(subject, paragraphs, { label: "Activer l'espace Pix Orga", url: input.url }, footer),
  };
}

export function passwordResetMail(input: { to: string; url: string }): Mail {
  const subject = "Réinitialisation de votre mot de passe Pix Libre";
  const paragraphs = [
    "Bonjour,",
    "Vous avez demandé à réinitialiser votre mot de passe. Ce lien est valable 1 heure et ne peut servir qu'une fois.",
  ];
  const footer = "Vous n'êtes pas à l'origine de cette demande ? Ignorez ce message : votre mot de passe reste inchangé.";
  return {
    to: input.to,
    subject,
    text: `${paragraphs.join("\n\n")}\n\nChoisir un nouveau mot de passe : ${input.url}\n\n${footer}`,
    html: htmlMail(subject, paragraphs, { label: "Choisir un nouveau mot de passe", url: input.url }, footer),
  };
}
