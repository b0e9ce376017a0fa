/**
 * Why a GAR arrival was refused: the code travels in /gar/erreur?raison=… and the page shows the French text.
 * A plain module (no server-only): the error page and the ACS route share it.
 */
export const GAR_REFUSAL_MESSAGES = {
  signature: "La connexion envoyée par le Médiacentre n'est pas signée, ou sa signature n'est pas valide : elle a été refusée.",
  // Retrying cannot help: the deployment lacks its key (SAML_SP_PRIVATE_KEY) while the GAR encrypts for it.
  chiffree: "Le Médiacentre envoie des connexions chiffrées, que cette installation de Pix Libre ne sait pas encore lire : réessayer ne changera rien. Prévenez votre enseignant, pour que l'administrateur de Pix Libre configure la clé de déchiffrement.",
  emetteur: "Cette connexion ne vient pas du Médiacentre auquel Pix Libre est relié : elle a été refusée. Reconnectez-vous depuis le Médiacentre de votre ENT ; si le refus se répète, prévenez votre enseignant.",
  expiree: "La connexion envoyée par le Médiacentre a expiré. Reconnectez-vous depuis le Médiacentre de votre ENT.",
  rejouee: "Cette connexion a déjà été utilisée. Pour votre sécurité, chaque connexion ne sert qu'une fois : repassez par le Médiacentre de votre ENT.",
  incomplete: "Le Médiacentre n'a pas transmis votre identifiant, votre prénom et votre nom : la connexion est impossible. Contactez l'administrateur de votre ENT.",
  etablissement: "Votre établissement n'est pas inscrit sur Pix Libre, ou le Médiacentre ne l'a pas indiqué. Demandez à votre enseignant de vérifier l'inscription de l'établissement.",
  gar: "Le Médiacentre a signalé une erreur pendant la connexion. Réessayez depuis votre ENT.",
  invalide: "La connexion envoyée par le Médiacentre n'est pas valide : elle a été refusée. Réessayez depuis votre ENT.",
  indisponible: "La connexion par le Médiacentre est momentanément indisponible. Réessayez dans quelques minutes.",
} as const;

export type GarRefusalReason = keyof typeof GAR_REFUSAL_MESSAGES;

/** The message for a reason read from the URL (anything unknown gets the generic one). */
export function garRefusalMessage(reason: string | undefined): string {
  return reason && Object.hasOwn(GAR_REFUSAL_MESSAGES, reason) ? GAR_REFUSAL_MESSAGES[reason as GarRefusalReason] : GAR_REFUSAL_MESSAGES.invalide;
}

/** Sorts node-saml's validation errors into what the pupil is told (the detail goes to the server log). */
export function refusalReasonOf(error: unknown): GarRefusalReason {
  const message = error instanceof Error ? error.message : "";
  // SamlStatusError: the IdP answered with an error status instead of an assertion.
  if (error instanceof Error && "xmlStatus" in error) return "gar";
  if (/signature|signed/i.test(message)) return "signature";
  if (/expired/i.test(message)) return "expiree";
  return "invalide";
}
