/** Textes français de l’administration du bureau du programme (/admin) et de l’accueil de chacun. */
import type { Messages } from './messages.ts';
import { plural } from './plural.ts';

export const adminFr: Messages['admin'] = {
  pageTitle: 'Administration',
  nav: 'Administration',
  accountNav: 'Mon compte',
  title: 'Administration',
  sectionsLabel: 'Rubriques de l’administration',
  sections: {
    people: 'Personnes',
    organisations: 'Organisations',
    audit: 'Piste d’audit',
    services: 'Services',
    sso: 'Identification unique',
  },
  auditLink: 'Vérifier la piste d’audit, dans l’administration',
  notAllowedTitle: 'Seul le bureau du programme administre le cluster',
  notAllowedBody:
    'Cette page est réservée aux gestionnaires du cluster. Pour désactiver un compte, changer des droits ou ajouter une organisation, adressez-vous au bureau du programme du cluster.',
  services: {
    intro:
      'Le catalogue de services recense ce que les plateformes et partenaires du cluster proposent aux projets. Les gestionnaires du cluster y ajoutent des offres et les modifient.',
    catalogue: 'Ouvrir le catalogue',
    newService: 'Ajouter un service',
    queue: 'Ouvrir la file des demandes',
  },
  people: {
    pageTitle: 'Personnes',
    search: 'Rechercher des personnes',
    searchPlaceholder: 'Nom, adresse e-mail ou organisation',
    status: 'Statut',
    statusAll: 'Tout le monde',
    statusActive: 'Actives',
    statusDeactivated: 'Désactivées',
    statusSsoUnseen: 'Par SSO, absentes depuis 90 jours',
    ssoUnseenHint:
      'Les comptes actifs qui se connectent par l’authentification unique de leur organisation et ne se sont pas connectés depuis 90 jours, ou jamais. Sans retrait automatique (SCIM), Jalon n’est pas prévenu d’un départ : ouvrez la fiche d’une personne pour la désactiver.',
    lastSignIn: (date: string) => `Dernière connexion le ${date}`,
    neverSignedIn: 'Jamais connectée',
    count: (n: number, formatted: string) =>
      plural('fr', n, { one: `${formatted}\u00a0personne`, other: `${formatted}\u00a0personnes` }),
    loading: 'Chargement des personnes…',
    loadFailed: 'Les personnes n’ont pas pu être chargées',
    emptyTitle: 'Personne ne correspond',
    emptyBody:
      'Essayez une partie d’un nom, d’une adresse e-mail ou d’une organisation, ou effacez la recherche.',
    clear: 'Effacer la recherche',
    pages: 'Pages de la liste',
    previous: 'Précédentes',
    next: 'Suivantes',
    range: (from: string, to: string, total: string) => `${from}–${to} sur ${total}`,
    noOrganisation: 'Sans organisation',
    manager: 'Gestionnaire du cluster',
    deactivated: 'Désactivé',
    erased: 'Données effacées',
    caption: 'Les personnes du cluster',
    name: 'Nom',
    organisations: 'Organisations',
    standing: 'Statut',
    active: 'Actif',
  },
  person: {
    back: 'Toutes les personnes',
    loading: 'Chargement de cette personne…',
    loadFailed: 'Cette personne n’a pas pu être chargée',
    notFoundTitle: 'Personne introuvable',
    notFoundBody: 'Ce compte n’existe pas. Revenez à la liste et relancez la recherche.',
    since: (date: string) => `Compte créé le ${date}`,
    sso: 'Se connecte par l’authentification unique de son organisation',
    projects: 'Projets et rôles',
    noProjects: 'Membre d’aucun projet.',
    archived: 'archivé',
    invitations: 'Invitations en attente',
    invitationUntil: (project: string, role: string, date: string) =>
      `${project}, comme ${role}, valable jusqu’au ${date}`,
    invitationsHint: 'Le porteur du projet renvoie ou retire une invitation depuis les membres du projet.',
    work: 'Autres activités',
    handles: (n: number, formatted: string) =>
      plural('fr', n, {
        one: `Traite les demandes de ${formatted}\u00a0service`,
        other: `Traite les demandes de ${formatted}\u00a0services`,
      }),
    mentor: 'Mentor',
    noOtherWork: 'Ne traite aucun service et n’accompagne aucun projet comme mentor.',
    actions: 'Compte et droits',
    rights: 'Droits de gestionnaire du cluster',
    rightsOn:
      'Cette personne est gestionnaire du cluster : elle voit tous les projets et anime le bureau du programme.',
    rightsOff: 'Cette personne n’est pas gestionnaire du cluster.',
    grant: 'Nommer gestionnaire du cluster',
    withdraw: 'Retirer les droits de gestionnaire',
    grantConfirm: (name: string) =>
      `Nommer ${name} gestionnaire du cluster ? Dès maintenant, cette personne verra tous les projets, signera les décisions de passage et administrera le cluster.`,
    withdrawConfirm: (name: string) =>
      `Retirer à ${name} ses droits de gestionnaire du cluster ? Cette personne perd aussitôt l’accès à tous les projets dont elle n’est pas membre.`,
    withdrawOwnConfirm:
      'Retirer vos propres droits de gestionnaire du cluster ? Vous perdez aussitôt cette page et tous les projets dont vous n’êtes pas membre.',
    account: 'Compte',
    activeNow: 'Actif : cette personne peut se connecter.',
    deactivatedOn: (date: string) => `Désactivé le ${date} : cette personne ne peut plus se connecter.`,
    erasedOn: (date: string) => `Données personnelles effacées le ${date}.`,
    deactivate: 'Désactiver le compte',
    deactivateConfirm: (name: string) =>
      `Désactiver le compte de ${name} ? Cette personne est aussitôt déconnectée partout et ses jetons d’API cessent de fonctionner. Vous pourrez réactiver le compte plus tard.`,
    reactivate: 'Réactiver le compte',
    reactivateConfirm: (name: string) =>
      `Réactiver le compte de ${name} ? Cette personne pourra se reconnecter ; ses anciens jetons d’API restent révoqués.`,
    confirm: 'Confirmer',
    cancel: 'Annuler',
    working: 'Enregistrement…',
    failed: 'L’opération n’a pas abouti :',
    lastManager:
      'C’est le dernier gestionnaire du cluster : nommez d’abord quelqu’un d’autre gestionnaire, pour que le bureau du programme reste animé.',
    conflict: 'Le compte a changé entre-temps : rechargez la page et vérifiez avant de réessayer.',
    done: {
      deactivated: 'Le compte est désactivé. Ses sessions et ses jetons ont pris fin.',
      reactivated: 'Le compte est réactivé.',
      granted: 'Cette personne est désormais gestionnaire du cluster.',
      withdrawn: 'Droits de gestionnaire du cluster retirés.',
      erased: 'Les données personnelles sont effacées.',
    },
    gdpr: 'Données personnelles (RGPD)',
    exportIntro:
      'Tout ce que Jalon détient sur cette personne, avec chaque entrée de la piste d’audit qui la concerne, dans un fichier JSON (droit d’accès).',
    export: 'Exporter les données d’audit',
    eraseIntro:
      'Effacer le nom, l’adresse e-mail, le profil et les identifiants d’un compte désactivé, à la demande de la personne (droit à l’effacement). La piste d’audit garde l’identifiant du compte. C’est irréversible.',
    eraseNeedsDeactivation: 'Désactivez d’abord le compte : seul un compte désactivé peut être effacé.',
    erase: 'Effacer les données personnelles…',
    eraseConfirmTitle: 'Effacer définitivement les données de cette personne',
    eraseConfirmBody: (email: string) =>
      `C’est irréversible. Pour confirmer, saisissez l’adresse e-mail de la personne : ${email}`,
    eraseConfirmLabel: 'Adresse e-mail de la personne',
    eraseMismatch: 'Ce n’est pas l’adresse e-mail de cette personne.',
    eraseNow: 'Effacer définitivement',
  },
  home: {
    nothingTitle: 'Rien pour vous ici pour l’instant',
    nothingBody:
      'Les projets sont confidentiels dans Jalon : vous en voyez un une fois que son équipe vous en a fait membre. Demandez à un porteur de projet, ou au bureau du programme du cluster, de vous inviter. En attendant, vous pouvez parcourir l’annuaire et le catalogue de services.',
    directory: 'Parcourir l’annuaire',
    catalogue: 'Voir le catalogue de services',
    queueTitle: 'Votre travail est dans la file des services',
    queueBody: 'Vous n’êtes membre d’aucun projet, mais vous traitez des demandes de services du catalogue.',
    queue: 'Ouvrir la file des services',
    mentorTitle: 'Votre travail est dans vos demandes de mentorat',
    mentorBody:
      'Vous n’êtes encore membre d’aucun projet ; les porteurs de projet vous sollicitent comme mentor depuis la page des mentors.',
    mentor: 'Ouvrir vos demandes de mentorat',
  },
};
