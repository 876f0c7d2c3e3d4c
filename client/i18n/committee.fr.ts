/** Chaînes françaises des comités de revue, de l'attente et de la reprise, et des conditions suivies jusqu'au jalon suivant. */
import type { Messages } from './messages.ts';

export const committeeFr: Messages['committee'] = {
  title: 'Comité',
  none: 'Aucun comité n’a été désigné pour cette revue : un responsable du cluster décide et signe.',
  chair: 'président',
  manager: 'responsable du cluster',
  external: 'membre',
  excluded: (orgs) => `exclu : conflit d’intérêts avec ${orgs}`,
  signed: (when) => `a signé le ${when}`,
  quorum: (counted, needed) =>
    `Quorum : ${counted} recommandation${counted > 1 ? 's' : ''} sur ${needed} de membres non exclus`,
  quorumMet: 'Quorum atteint',
  quorumMissing: 'Quorum non atteint : la décision ne peut pas encore être enregistrée',
  deadline: (when) => `Échéance : ${when}`,
  deadlinePassed: (when) => `Échéance dépassée : ${when}`,
  signingChair: 'Le président signe la décision.',
  signingAll: 'Chaque membre non exclu signe la décision ; d’ici là, elle est sans effet.',
  pending: (outcome, by) => `${outcome}, énoncé par ${by} : signatures en attente`,
  awaiting: (names) => `Doivent encore signer : ${names}`,
  cosigned: 'Signée par chaque membre',
  reviewDate: 'Date de réexamen',
  reviewDateHint:
    'Une mise en attente gèle le projet : aucun travail n’est attendu avant que le comité le réexamine à cette date.',
  reviewDateNeeded: 'Une mise en attente fixe la date de réexamen du projet.',
  onHoldUntil: (date) => `En attente jusqu’au ${date}`,
  deficiencies: 'Lacunes à retravailler',
  deficienciesHint:
    'Une reprise renvoie le projet retravailler au sein de l’étape : chaque lacune devient un jalon.',
  deficienciesNeeded: 'Une reprise nomme au moins une lacune à retravailler.',
  milestonesTitle: 'Jalons de cette décision',
  previousTitle: 'Conditions de la décision précédente',
  previousNone: 'La décision précédente n’a fixé aucune condition.',
  explanation: 'Pourquoi la revue est demandée alors que des conditions restent ouvertes',
  explanationLabel: 'Explication (consignée dans la revue)',
  explanationNeeded:
    'Des conditions de la décision précédente sont encore ouvertes : expliquez pourquoi la revue est demandée maintenant.',
  status: {
    planned: 'prévu',
    in_progress: 'en cours',
    at_risk: 'à risque',
    blocked: 'bloqué',
    done: 'terminé',
    removed: 'retiré du plan',
  },
};
