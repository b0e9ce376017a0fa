/**
 * « Télécharger mes données »: everything stored about a pupil, as a JSON file they can read and take elsewhere
 * (GDPR articles 15 and 20). Keys are in French (the file is for the pupil), dates in ISO 8601 (machine-readable).
 * Pure: the repository reads the rows, this shapes them.
 */
export interface StoredAccount {
  id: number;
  email: string | null;
  username: string | null;
  samlId: string | null;
  firstName: string;
  lastName: string;
  birthdate: string | null;
  createdAt: Date;
  lastLoggedAt: Date | null;
  termsAcceptedAt: Date | null;
  shouldChangePassword: boolean;
  hasPassword: boolean;
  managedBy: string | null;
}

export interface StoredLearner {
  establishment: string;
  firstName: string;
  middleName: string | null;
  thirdName: string | null;
  lastName: string;
  preferredLastName: string | null;
  sex: string | null;
  birthdate: string | null;
  birthCity: string | null;
  birthCityCode: string | null;
  birthProvinceCode: string | null;
  birthCountryCode: string | null;
  nationalStudentId: string | null;
  division: string | null;
  mefCode: string | null;
  status: string | null;
  isDisabled: boolean;
}

export interface StoredParticipation {
  id: number;
  campaign: string;
  establishment: string;
  status: string;
  createdAt: Date;
  sharedAt: Date | null;
  participantExternalId: string | null;
  masteryRate: number | null;
  pixScore: number | null;
  stageReached: number | null;
  validatedSkillsCount: number | null;
}

export interface StoredAssessment {
  id: number;
  participationId: number | null;
  state: string;
  createdAt: Date;
  answers: { challengeId: string; value: unknown; result: string; timeSpent: number | null; createdAt: Date }[];
  /** « Signaler un problème » on its questions. */
  problemReports: { challengeId: string; category: string; comment: string | null; createdAt: Date }[];
}

export interface StoredKnowledgeElement {
  skillId: string;
  competenceId: string;
  status: string;
  source: string;
  earnedPix: number;
  createdAt: Date;
}

export interface StoredAuditLine {
  action: string;
  occurredAt: Date;
  establishment: string | null;
  isOwnAction: boolean;
}

export interface StoredPersonalData {
  account: StoredAccount;
  learners: StoredLearner[];
  participations: StoredParticipation[];
  assessments: StoredAssessment[];
  knowledgeElements: StoredKnowledgeElement[];
  history: StoredAuditLine[];
}

const STATUS_LABELS: Record<string, string> = { STARTED: "En cours", TO_SHARE: "En attente d'envoi", SHARED: "Résultats reçus" };

/** The audit codes a pupil may read about their own account, in their words. */
export const HISTORY_LABELS: Record<string, string> = {
  ACCOUNT_PASSWORD_RESET: "Mot de passe réinitialisé par l'établissement",
  ACCOUNT_USERNAME_ADDED: "Identifiant ajouté par l'établissement",
  LEARNER_LINKED: "Compte rattaché à la liste des élèves",
  LEARNER_UNLINKED: "Compte dissocié de la liste des élèves par l'établissement",
  LEARNER_DELETED: "Élève retiré de la liste par l'établissement",
  PARTICIPATION_DELETED: "Participation supprimée par l'établissement",
  ACCOUNT_DATA_EXPORTED: "Données téléchargées",
  ACCOUNT_DELETED: "Compte supprimé",
};

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function personalDataFile(data: StoredPersonalData, exportedAt: Date) {
  const a = data.account;
  return {
    description: "Toutes les données que Pix Libre conserve sur votre compte, à la date de l'export. Les dates sont au format ISO 8601 (UTC).",
    exporteLe: exportedAt.toISOString(),
    compte: {
      numero: a.id,
      prenom: a.firstName,
      nom: a.lastName,
      adresseEmail: a.email,
      identifiant: a.username,
      identifiantMediacentreGar: a.samlId,
      dateDeNaissance: a.birthdate,
      aUnMotDePasse: a.hasPassword,
      motDePasseAChanger: a.shouldChangePassword,
      creeLe: iso(a.createdAt),
      derniereConnexion: iso(a.lastLoggedAt),
      conditionsAccepteesLe: iso(a.termsAcceptedAt),
      gereParEtablissement: a.managedBy,
    },
    listesDesEleves: data.learners.map((l) => ({
      etablissement: l.establishment,
      prenom: l.firstName,
      deuxiemePrenom: l.middleName,
      troisiemePrenom: l.thirdName,
      nom: l.lastName,
      nomDUsage: l.preferredLastName,
      sexe: l.sex,
      dateDeNaissance: l.birthdate,
      communeDeNaissance: l.birthCity,
      codeCommuneDeNaissance: l.birthCityCode,
      codeDepartementDeNaissance: l.birthProvinceCode,
      codePaysDeNaissance: l.birthCountryCode,
      ine: l.nationalStudentId,
      classe: l.division,
      codeMef: l.mefCode,
      statut: l.status,
      actif: !l.isDisabled,
    })),
    participations: data.participations.map((p) => ({
      numero: p.id,
      campagne: p.campaign,
      etablissement: p.establishment,
      statut: STATUS_LABELS[p.status] ?? p.status,
      commenceeLe: iso(p.createdAt),
      envoyeeLe: iso(p.sharedAt),
      identifiantExterne: p.participantExternalId,
      tauxDeMaitrise: p.masteryRate,
      pix: p.pixScore,
      etoiles: p.stageReached,
      acquisValides: p.validatedSkillsCount,
    })),
    evaluations: data.assessments.map((e) => ({
      numero: e.id,
      participation: e.participationId,
      etat: e.state,
      commenceeLe: iso(e.createdAt),
      reponses: e.answers.map((r) => ({ epreuve: r.challengeId, reponse: r.value, resultat: r.result, secondes: r.timeSpent, le: iso(r.createdAt) })),
      signalements: e.problemReports.map((r) => ({ epreuve: r.challengeId, probleme: r.category, commentaire: r.comment, le: iso(r.createdAt) })),
    })),
    acquis: data.knowledgeElements.map((k) => ({ acquis: k.skillId, competence: k.competenceId, statut: k.status, source: k.source, pix: k.earnedPix, le: iso(k.createdAt) })),
    historique: data.history.map((h) => ({ action: HISTORY_LABELS[h.action] ?? h.action, le: iso(h.occurredAt), etablissement: h.establishment, parVous: h.isOwnAction })),
  };
}

export type PersonalDataFile = ReturnType<typeof personalDataFile>;
