/** Les analyses du portefeuille pour le bureau du programme (`t().analytics`), même forme que `analytics.en.ts`. */
import type { analyticsEn } from './analytics.en.ts';
import { plural } from './plural.ts';

export const analyticsFr: typeof analyticsEn = {
  nav: 'Analyses',
  pageTitle: 'Analyses du portefeuille',
  title: 'Analyses du portefeuille',
  intro:
    'Pour le bureau du programme et ses comités : combien de temps les projets restent à chaque étape, ce que les passages ont décidé, quels jalons glissent, et comment la maturité évolue dans le portefeuille. D’après la piste d’audit et les données des projets, à ce jour.',
  loading: 'Chargement des analyses…',
  loadError: 'Les analyses n’ont pas pu être chargées.',
  forbiddenTitle: 'Pour le bureau du programme',
  forbiddenBody: 'Seuls les gestionnaires du cluster consultent les analyses du portefeuille.',
  print: 'Imprimer',
  track: 'Parcours',
  allTracks: 'Tous les parcours',
  asOf: (date: string, projects: string) => `Au ${date}, sur ${projects}.`,
  projects: (n: number, formatted: string) =>
    plural('fr', n, { one: `${formatted} projet`, other: `${formatted} projets` }),
  emptyTitle: 'Aucun projet pour l’instant',
  emptyBody: 'Les chiffres apparaissent dès que des projets sont en cours.',
  stages: {
    title: 'Temps passé à chaque étape',
    help: 'Nombre médian de jours passés à une étape avant le passage suivant ou l’arrêt, par parcours ; entre parenthèses, le nombre de séjours terminés. Dessous, les projets à cette étape aujourd’hui et leur médiane de jours jusqu’ici.',
    stage: 'Étape',
    ended: (days: string, n: string) => `${days} j (${n})`,
    none: '—',
    current: (n: string, days: string) => `en cours ${n}, ${days} j`,
    currentNone: 'aucun en cours',
    caption: (track: string) => `Temps passé à chaque étape, ${track}`,
  },
  outcomes: {
    title: 'Décisions des passages',
    help: 'Décisions de passage signées, par trimestre. Les taux portent sur toutes les décisions.',
    quarter: 'Trimestre',
    total: 'Total',
    rate: (outcome: string, percent: string) => `${outcome} : ${percent}`,
    none: 'Aucun passage n’a encore été décidé.',
    summary: (n: number, formatted: string) =>
      plural('fr', n, { one: `${formatted} décision`, other: `${formatted} décisions` }),
  },
  milestones: {
    title: 'Jalons qui glissent',
    help: 'Jalons avec une échéance, prévu contre réel : terminés à l’échéance, terminés après, ouverts au-delà, pas encore échus. Par mois d’échéance, de 18 mois en arrière à 6 mois devant.',
    onTime: 'Terminés à temps',
    late: 'Terminés en retard',
    overdue: 'En retard',
    upcoming: 'Pas encore échus',
    medianSlip: (days: string) => `Retard médian des jalons en retard : ${days} jours.`,
    noSlip: 'Aucun jalon n’a glissé.',
    month: 'Mois d’échéance',
    worstTitle: 'Les jalons qui ont le plus glissé',
    project: 'Projet',
    milestone: 'Jalon',
    due: 'Échéance',
    state: 'Terminé le',
    stillOpen: 'toujours ouvert',
    delay: 'Retard',
    days: (n: number, formatted: string) =>
      plural('fr', n, { one: `${formatted} jour`, other: `${formatted} jours` }),
    none: 'Aucun jalon n’a encore d’échéance.',
  },
  readiness: {
    title: 'Maturité du portefeuille',
    help: 'Niveau moyen (1 à 9) de chaque dimension à la fin de chaque mois, sur les projets actifs évalués à cette date.',
    yLabel: 'Niveau moyen',
    summary: (months: string, from: string) =>
      `La maturité moyenne de chaque dimension sur ${months} mois depuis ${from}.`,
    none: 'Aucune maturité n’a encore été évaluée.',
  },
};
