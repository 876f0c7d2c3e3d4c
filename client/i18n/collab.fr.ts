/**
 * Chaînes françaises des fonctions collaboratives (commentaires, recherche, colonnes de
 * maturation, vues et synthèse du portefeuille). Même forme que `collab.en.ts` : le type
 * `Messages` l'impose. Typographie : espace insécable avant « : » et fine avant « ; ! ? ».
 */
import type { Messages } from './messages.ts';
import { plural } from './plural.ts';

export const collabFr: Pick<Messages, 'comments' | 'search' | 'portfolioExtra'> = {
  comments: {
    title: 'Commentaires',
    count: (n: number, formatted: string) =>
      plural('fr', n, { one: `${formatted} commentaire`, other: `${formatted} commentaires` }),
    loading: 'Chargement des commentaires…',
    emptyTitle: 'Aucun commentaire pour l’instant',
    emptyBody: 'Posez une question, signalez un risque, ou mentionnez un collègue avec @ pour l’associer.',
    emptyObserverBody: 'L’équipe n’a encore partagé aucun commentaire avec les partenaires sur ce jalon.',
    errorTitle: 'Les commentaires n’ont pas pu être chargés',
    errorBody: (message: string) => `${message} Rien n’a été modifié.`,
    observerNote:
      'Vous voyez les commentaires que l’équipe partage avec les partenaires. En tant qu’observateur, vous ne pouvez pas commenter.',
    newThread: 'Nouveau commentaire',
    composerLabel: 'Votre commentaire',
    placeholder: 'Écrivez un commentaire. Tapez @ pour mentionner quelqu’un.',
    replyLabel: (author: string) => `Répondre à ${author}`,
    replyPlaceholder: 'Répondre…',
    send: 'Commenter',
    sendReply: 'Répondre',
    sending: 'Envoi…',
    cancel: 'Annuler',
    sendShortcut: (keys: string) => `${keys} pour envoyer`,
    emptyBodyError: 'Écrivez quelque chose avant d’envoyer.',
    tooLong: (max: string) => `Un commentaire compte au plus ${max} caractères.`,
    postFailed: (message: string) =>
      `Votre commentaire n’a pas été envoyé : ${message} Votre texte est conservé.`,
    resolveFailed: (message: string) => `La discussion n’a pas pu être mise à jour : ${message}`,
    visibility: {
      legend: 'Qui peut le lire',
      team: 'Équipe',
      partners: 'Partenaires aussi',
      teamHelp:
        'Membres et mentors uniquement. Jamais montré aux observateurs, comme les partenaires industriels.',
      partnersHelp:
        'Visible aussi des observateurs du projet : partenaires industriels, investisseurs, financeurs.',
    },
    badge: {
      team: 'Équipe uniquement',
      partners: 'Partagé avec les partenaires',
    },
    replyKeepsVisibility: 'Les réponses gardent la visibilité de la discussion.',
    reply: 'Répondre',
    resolve: 'Résoudre',
    reopen: 'Rouvrir',
    resolvedBy: (name: string, when: string) => `Résolu par ${name} ${when}`,
    replies: (n: number, formatted: string) =>
      plural('fr', n, { one: `${formatted} réponse`, other: `${formatted} réponses` }),
    threadLabel: (author: string) => `Discussion ouverte par ${author}`,
    liveNew: (author: string) => `Nouveau commentaire de ${author}`,
    mentions: {
      listLabel: 'Membres du projet à mentionner',
      noMatch: 'Aucun membre du projet à ce nom',
      hint: 'Flèches haut et bas pour choisir, Entrée pour insérer, Échap pour fermer.',
    },
  },
  search: {
    label: 'Rechercher des projets et des jalons',
    placeholder: 'Rechercher projets et jalons…',
    shortcut: (keys: string) => `Appuyez sur ${keys} pour rechercher des projets et des jalons`,
    resultsLabel: 'Résultats de recherche',
    searching: 'Recherche…',
    results: (n: number, formatted: string) =>
      plural('fr', n, { one: `${formatted} résultat`, other: `${formatted} résultats` }),
    tooShort: 'Saisissez au moins deux lettres.',
    noResults: (query: string) =>
      `Rien de ce que vous pouvez voir ne correspond à « ${query} ». Essayez des mots moins nombreux ou plus courts.`,
    error: (message: string) => `La recherche a échoué. ${message}`,
    retry: 'Réessayer',
    kinds: {
      project: 'Projet',
      milestone: 'Jalon',
    },
    inProject: (title: string) => `dans ${title}`,
    hint: 'Flèches haut et bas pour parcourir, Entrée pour ouvrir, Échap pour fermer.',
  },
  portfolioExtra: {
    view: {
      label: 'Affichage',
      table: 'Tableau',
      cards: 'Cartes',
    },
    columns: {
      readiness: 'Maturité',
      health: 'Jalons',
    },
    kind: {
      label: 'Type d’organisation porteuse',
      all: 'Tous les types d’organisation',
    },
    updated: (when: string) => `Mis à jour ${when}`,
    nextGatePrefix: 'Prochain passage :',
    readiness: {
      summary: (average: string) => `Radar de maturité, niveau moyen ${average} sur 9`,
      level: (dimension: string, level: string) => `${dimension} : ${level}`,
      notScored: 'Maturité pas encore évaluée',
      lowest: (dimension: string, level: string) => `Point faible : ${dimension} (${level})`,
    },
    health: {
      overdue: (_n: number, formatted: string) => `${formatted} en retard`,
      atRisk: (_n: number, formatted: string) => `${formatted} à risque`,
      blocked: (n: number, formatted: string) =>
        plural('fr', n, { one: `${formatted} bloqué`, other: `${formatted} bloqués` }),
      doneThisMonth: (n: number, formatted: string) =>
        plural('fr', n, {
          one: `${formatted} terminé ce mois-ci`,
          other: `${formatted} terminés ce mois-ci`,
        }),
      progress: (done: string, total: string) => `${done}/${total} terminés`,
      none: 'Aucun jalon pour l’instant',
      onTrack: 'Dans les temps',
    },
    overview: {
      title: 'Synthèse du portefeuille',
      show: 'Afficher la synthèse du portefeuille',
      hide: 'Masquer la synthèse du portefeuille',
      showShort: 'Afficher',
      hideShort: 'Masquer',
      funnelTitle: 'Projets par étape',
      funnelHelp:
        'Tout le portefeuille, de l’accueil à la phase avancée. Choisissez une étape pour filtrer la liste.',
      kindTitle: 'Projets par type d’organisation porteuse',
      kindHelp: 'Choisissez un type pour filtrer la liste.',
      projects: (n: number, formatted: string) =>
        plural('fr', n, { one: `${formatted} projet`, other: `${formatted} projets` }),
      barLabel: (what: string, count: string) => `${what} : ${count}`,
    },
    stale: 'La dernière actualisation a échoué : vous voyez la liste telle qu’elle a été chargée.',
  },
};
