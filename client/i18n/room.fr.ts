/**
 * Chaînes françaises de la salle de projet (`t().room`), même forme que `room.en.ts`.
 * Typographie : espace insécable avant « : », fine insécable avant « ; ! ? ».
 */
import type { Messages } from './messages.ts';
import { plural } from './plural.ts';

export const roomFr: Messages['room'] = {
  tabs: {
    label: 'Sections du projet',
    milestones: 'Jalons',
    readiness: 'Maturité',
    criteria: 'Critères du passage',
    about: 'À propos',
  },
  header: {
    leadOrganisation: 'Organisation porteuse',
    partners: 'Organisations partenaires',
    track: 'Filière',
    yourRole: 'Votre rôle',
    noPartners: 'Aucune',
    nextGate: 'Prochain passage',
    gateProgress: (met: number, done: string, total: string) =>
      plural('fr', met, {
        one: `${done} critère obligatoire rempli sur ${total}`,
        other: `${done} critères obligatoires remplis sur ${total}`,
      }),
  },
  save: {
    saved: 'Enregistré',
    saving: 'Enregistrement…',
    offline: (n: number, formatted: string) =>
      n === 0
        ? 'Hors ligne — les modifications sont gardées sur cet appareil'
        : plural('fr', n, {
            one: `Hors ligne — ${formatted} modification en attente`,
            other: `Hors ligne — ${formatted} modifications en attente`,
          }),
    connecting: 'Connexion…',
    live: 'Suivi en direct',
    revoked: 'Accès retiré',
    refused: 'Non connecté',
    label: 'État de l’enregistrement',
  },
  presence: {
    label: 'Présents',
    you: (name: string) => `${name} (vous)`,
    editing: (name: string, title: string) => `${name} — modifie « ${title} »`,
    here: (name: string) => `${name} — présent`,
    more: (n: string) => `+${n}`,
    editingCard: (names: string) => `Ouvert par ${names}`,
  },
  /** a tab whose code loads when it first opens */
  section: {
    loading: 'Chargement de cette section…',
    failed: 'Cette section n’a pas pu être chargée.',
  },
  access: {
    view: 'Vous observez ce projet : vous le suivez en direct, sans pouvoir le modifier.',
    comment:
      'Vous êtes mentor de ce projet : vous le suivez en direct et commentez les jalons, sans pouvoir les modifier.',
    manager:
      'Vous consultez ce projet en tant que bureau du programme du cluster : vous le suivez en direct, sans pouvoir le modifier.',
    revoked:
      'Votre accès à ce projet a été retiré. Ce que vous voyez n’est plus mis à jour ; plus rien ne peut être modifié ici.',
    refused: (message: string) =>
      `Le contenu en direct de ce projet n’a pas pu être ouvert : ${message} Rechargez la page pour réessayer.`,
    rejected: (message: string) =>
      `Le serveur a refusé une modification, qui n’est pas enregistrée : ${message} Rechargez la page pour voir la version enregistrée.`,
    writeError: (message: string) => `Cette modification n’a pas pu être faite : ${message}`,
    dismiss: 'Fermer',
    loading: 'Ouverture du projet en direct…',
    neverOpenedOffline:
      'Ce projet n’a jamais été ouvert sur cet appareil. Son contenu apparaîtra au retour de la connexion.',
  },
  statuses: {
    planned: 'Prévu',
    in_progress: 'En cours',
    at_risk: 'À risque',
    blocked: 'Bloqué',
    done: 'Terminé',
  },
  milestones: {
    title: 'Jalons',
    views: 'Affichage',
    board: 'Tableau',
    timeline: 'Calendrier',
    new: 'Nouveau jalon',
    newShortcut: 'Appuyez sur C pour ajouter un jalon',
    newTitle: 'Titre du jalon',
    newPlaceholder: 'Que faut-il accomplir ?',
    create: 'Ajouter',
    cancel: 'Annuler',
    undo: 'Annuler',
    redo: 'Rétablir',
    undoHint: 'Annuler votre dernière modification (Ctrl+Z)',
    redoHint: 'Rétablir (Ctrl+Maj+Z)',
    emptyTitle: 'Aucun jalon pour l’instant',
    emptyBody:
      'Les jalons balisent le chemin jusqu’à la prochaine revue de passage. Ajoutez le premier, puis donnez-lui un responsable et une échéance : votre équipe le voit aussitôt.',
    emptyReadOnlyBody: 'L’équipe n’a pas encore ajouté de jalon. Ils apparaîtront ici dès qu’elle le fera.',
    columnEmpty: 'Rien ici',
    columnEmptyDrop: 'Déposez un jalon ici',
    overdue: 'En retard',
    overdueBy: (days: string) => `En retard de ${days} j`,
    dueOn: (date: string) => `Échéance le ${date}`,
    noDue: 'Pas d’échéance',
    dependencies: (n: number, formatted: string) =>
      plural('fr', n, { one: `Dépend de ${formatted} jalon`, other: `Dépend de ${formatted} jalons` }),
    waitingOn: (n: number, formatted: string) =>
      plural('fr', n, {
        one: `Attend ${formatted} jalon non terminé`,
        other: `Attend ${formatted} jalons non terminés`,
      }),
    ownedBy: (name: string) => `Responsable : ${name}`,
    moveTo: 'Déplacer vers…',
    moveToLabel: (title: string) => `Déplacer « ${title} » vers…`,
    status: 'Statut',
    moveUp: 'Monter',
    moveDown: 'Descendre',
    openDetails: 'Ouvrir le détail',
    delete: 'Supprimer',
    menuFailed: 'Le menu n’a pas pu être chargé. Vérifiez votre connexion et réessayez.',
    deleted: (title: string) => `« ${title} » supprimé.`,
    moved: (title: string, status: string) => `« ${title} » déplacé vers ${status}.`,
    dragHint:
      'Glissez les cartes d’une colonne à l’autre, ou utilisez le menu « Déplacer vers… » de chaque carte.',
  },
  timeline: {
    label: 'Jalons par échéance',
    today: 'Aujourd’hui',
    undated: 'Sans échéance',
    undatedHint: 'Donnez-leur une échéance pour les placer sur le calendrier.',
  },
  detail: {
    label: (title: string) => `Jalon : ${title}`,
    close: 'Fermer',
    closeHint: 'Fermer (Échap)',
    title: 'Titre',
    titleRequired: 'Un jalon doit avoir un titre.',
    description: 'Description',
    descriptionEmpty: 'Pas de description.',
    descriptionPlaceholder: 'Contexte, critères d’acceptation, liens…',
    editorLoading: 'Chargement de l’éditeur…',
    editorFailed: 'L’éditeur n’a pas pu être chargé. Rechargez la page pour réessayer.',
    bold: 'Gras',
    italic: 'Italique',
    owner: 'Responsable',
    noOwner: 'Sans responsable',
    due: 'Échéance',
    stage: 'Étape',
    dimension: 'Dimension de maturité',
    noDimension: 'Aucune',
    dependencies: 'Dépend de',
    noDependencies: 'Aucune dépendance.',
    addDependency: 'Ajouter une dépendance',
    chooseDependency: 'Choisir un jalon…',
    removeDependency: (title: string) => `Retirer la dépendance à « ${title} »`,
    created: (name: string, date: string) => `Créé par ${name}, ${date}`,
    updated: (name: string, date: string) => `Modifié en dernier par ${name}, ${date}`,
    someone: 'quelqu’un',
    notFound: 'Ce jalon a été supprimé.',
    comments: 'Commentaires',
    commentsUnavailable:
      'Les commentaires n’ont pas pu être chargés. Vérifiez votre connexion, puis rouvrez ce jalon.',
    alsoHere: (names: string) => `Également ouvert par ${names}`,
  },
  readiness: {
    title: 'Maturité',
    intro:
      'Neuf dimensions, notées chacune de 1 (une idée) à 9 (éprouvé en pratique), avec les éléments qui justifient la note.',
    chartTitle: 'Profil de maturité',
    chartNow: 'Aujourd’hui',
    chartGate: (gate: string, date: string) => `Au ${gate} (${date})`,
    chartNoGate:
      'Aucune revue de passage n’a encore enregistré de niveaux pour ce projet : le graphique ne montre que les niveaux actuels.',
    chartSummary: (list: string) => `Niveaux de maturité actuels : ${list}.`,
    level: 'Niveau',
    levelOf: (level: string) => `Niveau ${level}`,
    levelValue: (level: string) => `${level} / 9`,
    notScored: 'Pas encore noté',
    notScoredHint: 'Choisissez un niveau pour noter cette dimension.',
    evidence: 'Justificatifs',
    evidencePlaceholder: 'Études, rapports, accords qui justifient ce niveau…',
    evidenceNeedsLevel: 'Notez d’abord cette dimension, puis ajoutez ses justificatifs.',
    noEvidence: 'Aucun justificatif.',
    updated: (name: string, date: string) => `Mis à jour par ${name}, ${date}`,
  },
  criteria: {
    intro: (_gate: string) =>
      `Ce qu’exige ce passage. L’équipe coche chaque critère obligatoire avec ses justificatifs.`,
    must: 'Obligatoires',
    should: 'Souhaitables',
    shouldHint: 'Notés de 1 à 5 par les évaluateurs lors de la revue de passage.',
    progress: (met: number, done: string, total: string) =>
      plural('fr', met, { one: `${done} rempli sur ${total}`, other: `${done} remplis sur ${total}` }),
    evidence: 'Justificatif',
    evidenceFor: (criterion: string) => `Justificatif pour : ${criterion}`,
    evidencePlaceholder: 'Lien ou référence du rapport…',
    checked: (name: string, date: string) => `Coché par ${name}, ${date}`,
    met: 'Rempli',
    notMet: 'Non rempli',
    noGate: 'Cette filière ne définit pas de revue de passage pour l’étape actuelle.',
    unavailable: 'Les critères du passage n’ont pas pu être chargés. Rechargez la page pour réessayer.',
  },
  about: {
    summary: 'Résumé',
    noSummary: 'Pas encore de résumé.',
    details: 'Informations',
  },
};
