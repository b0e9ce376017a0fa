/** French messages of the GAR first arrival (a plain module: the form and the use case share them). */
export const PENDING_EXPIRED_MESSAGE =
  "Ce lien de première connexion a expiré ou a déjà servi. Reconnectez-vous depuis le Médiacentre de votre ENT.";

export const UNKNOWN_ESTABLISHMENT_MESSAGE =
  "Votre établissement n'est pas inscrit sur Pix Libre. Demandez à votre enseignant de vérifier l'inscription de l'établissement.";

export const GAR_AMBIGUOUS_MESSAGE =
  "Plusieurs élèves de votre établissement correspondent à ces informations : demandez à votre enseignant de vous aider.";

/** "2011-12-01" → "01/12/2011" without going through a Date (no time zone shift). */
const frenchDate = (isoDate: string) => isoDate.split("-").reverse().join("/");

export function garNoMatchMessage(firstName: string, lastName: string, isoBirthdate: string): string {
  return `Nous ne trouvons pas ${firstName} ${lastName}, né(e) le ${frenchDate(isoBirthdate)}, dans la liste des élèves de votre établissement. Vérifiez votre date de naissance ; si elle est juste, demandez à votre enseignant de vérifier la liste des élèves.`;
}
