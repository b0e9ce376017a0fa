/**
 * The French messages of a restricted campaign. A plain module (no "server-only"): the start form compares the
 * message it receives with RECONCILIATION_REQUIRED_MESSAGE to send the pupil to the reconciliation form.
 */
export const RECONCILIATION_REQUIRED_MESSAGE =
  "Ce parcours est réservé aux élèves de l'établissement : indiquez votre prénom, votre nom et votre date de naissance pour le rejoindre.";

export const NO_MATCH_MESSAGE = "Vérifiez vos informations (prénom, nom et date de naissance) ou contactez un enseignant.";

export const AMBIGUOUS_MESSAGE =
  "Plusieurs élèves de l'établissement correspondent à ces informations : demandez à votre enseignant de vous aider.";

export const ACCOUNT_ALREADY_LINKED_MESSAGE =
  "Votre compte est déjà rattaché à un autre élève de cet établissement : vous ne pouvez pas l'utiliser pour cet élève. Demandez à votre enseignant de vérifier la liste des élèves.";

export const LEARNER_DISABLED_MESSAGE =
  "Vous ne figurez plus dans la liste des élèves de cet établissement : demandez à votre enseignant de vérifier votre inscription.";

/**
 * Said only after the typed identity matched, and without the account's login, even partly hidden: a masked
 * username still gave away a birth month, and an attacker had nothing to learn about the account it names.
 */
export const LEARNER_ALREADY_LINKED_MESSAGE =
  "Cet élève est déjà rattaché à un compte Pix. Si c'est le vôtre, connectez-vous avec ce compte ; sinon, demandez à votre enseignant de vous aider.";
