/** Les textes des seuils de maturité d’un passage et du niveau d’un projet (`t().maturity`), même forme que `maturity.en.ts`. */
import type { maturityEn } from './maturity.en.ts';

type Shape<T> = { readonly [K in keyof T]: T[K] extends string ? string : T[K] };

export const maturityFr: Shape<typeof maturityEn> = {
  thresholdsTitle: 'Maturité attendue avant ce passage',
  thresholdsIntro:
    'Le référentiel fixe le niveau que chacune de ces dimensions doit atteindre avant la revue.',
  thresholdsNone: 'Le référentiel ne fixe aucun seuil de maturité pour ce passage.',
  thresholdLine: (dimension, current, required) => `${dimension} : ${current} pour ${required} requis`,
  notScored: 'non évalué',
  met: 'Atteint',
  notMet: 'Non atteint',
  unmetWarning: (n, count) =>
    n === 1
      ? `${count} seuil n’est pas atteint. Vous pouvez demander la revue : le comité verra cet avertissement dans son dossier.`
      : `${count} seuils ne sont pas atteints. Vous pouvez demander la revue : le comité verra cet avertissement dans son dossier.`,
  warningsTitle: 'Seuils de maturité non atteints à la demande de revue',
  toReadiness: 'Ouvrir les niveaux de maturité',
  levelTitle: 'Niveau sur le parcours',
  levelIntro:
    'La maturité de la technologie, sur les niveaux du parcours : distincte de l’étape, qui dit où en est le projet dans le processus des passages.',
  levelNone: 'Aucun niveau enregistré pour l’instant.',
  levelBadge: (level) => `Niveau ${level}`,
  levelSetBy: (who, when) => `Enregistré par ${who} le ${when}`,
  levelEvidence: 'Justification : ',
  levelChange: 'Changer le niveau',
  levelLabel: 'Niveau',
  levelChoose: 'Choisir un niveau…',
  evidenceLabel: 'Justification de ce niveau',
  evidenceHint:
    'Ce qui montre que le projet l’a atteint : un rapport d’étude, un résultat, une décision (1 000 caractères au plus).',
  save: 'Enregistrer le niveau',
  saving: 'Enregistrement…',
  saved: 'Le niveau est enregistré.',
  cancel: 'Annuler',
  historyTitle: 'Niveau dans le temps',
  historyNone: 'Le niveau n’a pas encore changé.',
  historyLine: (from, to) => `${from} → ${to}`,
  column: 'Niveau',
  unrecorded: '—',
  filterLabel: 'Niveau',
  filterAll: 'Tous les niveaux',
};
