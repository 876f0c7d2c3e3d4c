/** Les textes du rapport imprimable d’un projet (`t().report`), même forme que `report.en.ts`. */
import type { Messages } from './messages.ts';

export const auditCheckFr: Messages['auditCheck'] = {
  title: 'Piste d’audit',
  intro:
    'Chaque modification est une entrée chaînée à la précédente par son empreinte\u00a0: une seule entrée altérée rompt la chaîne.',
  verify: 'Vérifier la piste d’audit',
  verifying: 'Vérification…',
  intact: (_n: number, entries: string) => `Intacte\u00a0: ${entries} entrées vérifiées.`,
  broken: (at: string, entries: string) =>
    `Rompue\u00a0: l’entrée n°\u00a0${at} ne correspond pas à son empreinte (${entries} entrées lues).`,
};

export const reportFr: Messages['report'] = {
  open: 'Rapport imprimable',
  exportCsv: 'Exporter en CSV',
  exportCsvHint: 'Les projets listés ici, en tableur',
  print: 'Imprimer ou enregistrer en PDF',
  back: 'Retour au projet',
  loading: 'Préparation du rapport…',
  errorTitle: 'Le rapport n’a pas pu être préparé',
  title: 'Rapport de projet',
  generated: (when: string) => `Établi le ${when}`,
  confidential: 'Confidentiel — réservé aux membres et partenaires du projet.',
  summary: 'Résumé',
  noSummary: 'Aucun résumé rédigé.',
  facts: {
    lead: 'Organisation porteuse',
    partners: 'Partenaires',
    track: 'Filière',
    stage: 'Étape actuelle',
    started: 'Dans Jalon depuis',
    milestones: 'Jalons',
    archived: 'Archivé',
  },
  milestoneCounts: (done: string, total: string, overdue: string) =>
    `${done} terminé(s) sur ${total} · ${overdue} en retard`,
  history: 'Historique des étapes',
  historyDate: 'Date',
  historyStage: 'Étape',
  historyHow: 'Comment',
  startedAt: 'Entrée du projet dans Jalon',
  byGate: (outcome: string) => `Décision de passage\u00a0: ${outcome}`,
  gates: 'Décisions de passage',
  noGates: 'Aucune revue de passage n’a encore été décidée.',
  readiness: 'Maturité',
  readinessNow: 'Aujourd’hui',
  readinessLastGate: 'Au dernier passage',
  noReadiness: 'La maturité n’est pas encore évaluée.',
  dimension: 'Dimension',
  level: 'Niveau',
  evidence: 'Preuves',
  milestones: 'Jalons',
  noMilestones: 'Aucun jalon pour l’instant.',
  milestoneTitle: 'Jalon',
  status: 'Statut',
  due: 'Échéance',
  owner: 'Responsable',
  none: '—',
  stageHeading: (index: string, name: string) => `Étape ${index} · ${name}`,
};
