/** Les textes du rapport imprimable d’un projet (`t().report`), même forme que `report.en.ts`. */
import type { Messages } from './messages.ts';
import { plural } from './plural.ts';

export const auditCheckFr: Messages['auditCheck'] = {
  title: 'Piste d’audit',
  intro:
    'Chaque modification est une entrée chaînée à la précédente par son empreinte, et chaque enregistrement est signé d’une clé gardée hors de la base : une entrée altérée, supprimée ou ajoutée se voit.',
  verify: 'Vérifier la piste d’audit',
  verifying: 'Vérification…',
  intact: (_n: number, entries: string) => `Intacte : ${entries} entrées vérifiées.`,
  broken: (breaks: number, count: string, at: string, entries: string) =>
    `Rompue : ${count} ${breaks === 1 ? 'problème' : 'problèmes'}, le premier à l’entrée n° ${at} (${entries} entrées lues).`,
  lastGood: (at: string, seq: string) =>
    `Dernier point de contrôle valide : entrée n° ${seq}, signé le ${at}.`,
  noCheckpoint: 'Aucun point de contrôle signé ne se vérifie encore.',
  checkpoints: (verified: string, total: string) =>
    `${verified} points de contrôle signés vérifiés sur ${total}.`,
  breaksTitle: 'Ce qui ne se vérifie pas',
  entry: (seq: string) => `Entrée n° ${seq}`,
  entries: (from: string, to: string) => `Entrées n° ${from} à ${to}`,
  more: (n: string) =>
    `…et ${n} de plus : lancez npm run audit:verify sur le serveur pour la liste complète.`,
  kinds: {
    edited: 'modifiée : son contenu ne correspond plus à son empreinte',
    unlinked: 'déplacée : elle ne s’enchaîne pas à l’entrée précédente (insérée ou réordonnée)',
    missing: 'manquante : supprimée de la piste',
    unparsable: 'abîmée : ses données enregistrées ne se lisent plus',
    rechained: 'réécrite : une entrée ici a été modifiée et les empreintes suivantes recalculées',
    truncated: 'supprimées : un point de contrôle signé atteste de ces entrées, qui ont disparu',
    unanchored: 'non signées : ajoutées après le dernier point de contrôle signé, sans la clé',
    bad_signature: 'point de contrôle falsifié : sa signature ne tient pas',
    unknown_key: 'point de contrôle signé d’une clé qui n’est pas celle de ce serveur',
  },
};

export const reportFr: Messages['report'] = {
  open: 'Rapport imprimable',
  exportCsv: 'Exporter en CSV',
  exportCsvHint:
    'Les projets listés ici, en tableur : colonnes séparées par «\u00a0;\u00a0» et virgule décimale, comme les lit Excel en français',
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
  milestoneCounts: (doneCount: number, done: string, total: string, overdue: string) =>
    `${plural('fr', doneCount, { one: `${done} terminé`, other: `${done} terminés` })} sur ${total} · ${overdue} en retard`,
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
  evidence: 'Justificatifs',
  milestones: 'Jalons',
  noMilestones: 'Aucun jalon pour l’instant.',
  milestoneTitle: 'Jalon',
  status: 'Statut',
  due: 'Échéance',
  owner: 'Responsable',
  none: '—',
  stageHeading: (index: string, name: string) => `Étape ${index} · ${name}`,
};
