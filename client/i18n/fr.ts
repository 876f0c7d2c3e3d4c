/**
 * Chaînes françaises. Même forme que `en.ts` (type `Messages`) : une clé manquante est une
 * erreur de compilation. Typographie : espace insécable avant « : » et fine avant « ; ! ? ».
 */

import { accountFr } from './account.fr.ts';
import { accountPageFr } from './account-page.fr.ts';
import { activityFr } from './activity.fr.ts';
import { adminFr } from './admin.fr.ts';
import { adminOrganisationsFr } from './admin-organisations.fr.ts';
import { adminSsoFr } from './admin-sso.fr.ts';
import { analyticsFr } from './analytics.fr.ts';
import { collabFr } from './collab.fr.ts';
import { committeeFr } from './committee.fr.ts';
import { directoryFr } from './directory.fr.ts';
import { evidenceFr } from './evidence.fr.ts';
import { frameworksAdminFr } from './frameworks-admin.fr.ts';
import { gatesFr } from './gates.fr.ts';
import { historyFr } from './history.fr.ts';
import { maturityFr } from './maturity.fr.ts';
import { membersFr } from './members.fr.ts';
import type { Messages } from './messages.ts';
import { notificationsFr } from './notifications.fr.ts';
import { plural } from './plural.ts';
import { projectSettingsFr } from './project-settings.fr.ts';
import { auditCheckFr, reportFr } from './report.fr.ts';
import { roomFr } from './room.fr.ts';
import { servicesFr } from './services.fr.ts';
import { twoFactorFr } from './two-factor.fr.ts';
import { websiteFr } from './website.fr.ts';

export const fr: Messages = {
  ...collabFr,
  meta: { languageName: 'Français' },
  app: {
    name: 'Jalon',
    skipToContent: 'Aller au contenu',
    loading: 'Chargement de Jalon…',
    unreachableTitle: 'Jalon est injoignable',
    unreachableBody:
      'Vérifiez votre connexion, puis réessayez. Rien de ce que vous avez enregistré n’est perdu.',
    retry: 'Réessayer',
  },
  language: {
    label: 'Langue',
    saveFailed:
      'Votre langue n’a pas pu être enregistrée sur votre compte ; elle est conservée sur cet appareil.',
  },
  offline: {
    banner:
      'Vous êtes hors ligne. Ce que vous voyez peut ne pas être à jour ; Jalon se mettra à jour au retour de la connexion.',
  },
  header: {
    signOut: 'Se déconnecter',
    signingOut: 'Déconnexion…',
    portfolio: 'Portefeuille',
    mainNav: 'Navigation principale',
    menu: 'Menu',
    queue: 'À traiter',
  },
  signIn: {
    ssoSignsYouIn: (organisation: string) => `${organisation} vous identifie.`,
    ssoGo: 'Continuer vers votre organisation',
    ssoNoPassword:
      'Vous vous connectez avec votre compte habituel chez elle\u00a0: pas de mot de passe Jalon à choisir.',
    ssoLeaving: 'Redirection vers l’identification de votre organisation…',
    ssoRequired:
      'Votre organisation vous identifie : continuez avec son identification plutôt qu’un mot de passe.',
    checking: 'Vérification de votre adresse…',
    ssoErrors: {
      notCovered:
        'L’identification de votre organisation a fourni une adresse hors de ses domaines. Utilisez l’adresse de votre organisation.',
      notVerified:
        'L’identification de votre organisation indique que cette adresse n’est pas vérifiée. Adressez-vous à votre service informatique.',
      deactivated: 'Ce compte a été désactivé ; demandez au bureau du programme de le réactiver.',
      cancelled: 'L’identification auprès de votre organisation a été annulée ou refusée. Réessayez.',
      expired: 'Cette identification a pris trop de temps ou a déjà servi. Recommencez.',
      unverifiable:
        'La réponse de votre organisation n’a pas pu être vérifiée : vous n’êtes pas connecté. Réessayez ; si cela se reproduit, prévenez votre service informatique.',
      notConfigured:
        'L’identification de votre organisation est mal configurée. Prévenez le bureau du programme.',
      notLinkable:
        'Un compte existe déjà à cette adresse et l’identification de votre organisation ne peut pas le reprendre. Adressez-vous au bureau du programme.',
      other: 'L’identification par votre organisation n’a pas abouti. Réessayez.',
    },
    pageTitle: 'Connexion',
    title: 'Connexion à Jalon',
    intro: 'Suivez la maturation de vos projets avec vos équipes, vos mentors et vos partenaires.',
    email: 'E-mail',
    password: 'Mot de passe',
    submit: 'Se connecter',
    submitting: 'Connexion…',
    wrongCredentials: 'E-mail ou mot de passe incorrect. Vérifiez-les et réessayez.',
    rateLimited: (minutes: string) =>
      `Trop de mots de passe erronés pour ce compte ou depuis ce réseau. Attendez ${minutes} min, puis réessayez.`,
    networkError: 'Jalon est injoignable. Vérifiez votre connexion et réessayez.',
    unexpected: (message: string) => `La connexion a échoué : ${message}`,
    missingFields: 'Saisissez votre e-mail et votre mot de passe.',
    demoTitle: 'Comptes de démonstration',
    demoHint: 'Cliquez sur un compte pour remplir son e-mail.',
    demoPassword: 'Mot de passe commun :',
    demoUse: (email: string) => `Utiliser ${email}`,
    demoRoles: {
      manager: 'Gestionnaire du cluster — voit tous les projets',
      lead: 'Porteur de projet',
      researcher: 'Contributeur (chercheur)',
      mentor: 'Mentor',
      partner: 'Observateur du partenaire pharmaceutique',
      platform: 'Équipe de la plateforme de thérapie cellulaire — traite les demandes de service',
    },
  },
  sessionEnded: {
    notice: {
      signed_out: 'Vous avez été déconnecté de Jalon.',
      sessions_revoked: 'Vous avez été déconnecté de Jalon : les sessions de votre compte ont été fermées.',
      token_revoked: 'Vous avez été déconnecté de Jalon.',
      expired: 'Vous avez été déconnecté de Jalon : votre session a expiré.',
      deactivated: 'Vous avez été déconnecté de Jalon : votre compte a été désactivé.',
    },
    signInAgain: 'Reconnectez-vous pour continuer.',
    deactivated: 'Ce compte a été désactivé. Demandez au bureau du programme de le réactiver.',
  },
  /** how a person whose data was erased reads (shared/schemas/people.ts) */
  erasedPerson: 'Personne effacée',
  roles: {
    lead: 'Porteur',
    contributor: 'Contributeur',
    mentor: 'Mentor',
    observer: 'Observateur',
    clusterManager: 'Gestionnaire du cluster',
  },
  partnerRoles: {
    co_developer: 'Co-développeur',
    industrial_partner: 'Partenaire industriel',
    clinical_site: 'Site clinique',
    platform: 'Plateforme',
    funder: 'Financeur',
    academic_partner: 'Partenaire académique',
  },
  organisationKinds: {
    hospital: 'Hôpital',
    academic: 'Université',
    research_institute: 'Institut de recherche',
    research_team: 'Équipe de recherche',
    pharma: 'Industrie pharmaceutique',
    startup: 'Start-up',
    sme: 'PME',
    public_agency: 'Organisme public',
  },
  stages: {
    0: 'Accueil',
    1: 'Preuve de concept',
    2: 'Maturation',
    3: 'Préclinique réglementaire',
    4: 'Clinique précoce',
    5: 'Phase avancée',
  },
  portfolio: {
    pageTitle: 'Portefeuille',
    title: 'Portefeuille',
    caption: 'Projets que vous pouvez voir',
    count: (n: number, formatted: string) =>
      plural('fr', n, { one: `${formatted} projet`, other: `${formatted} projets` }),
    countFiltered: (shown: number, _total: number, formatted: string, total: string) =>
      plural('fr', shown, {
        one: `${formatted} projet sur ${total}`,
        other: `${formatted} projets sur ${total}`,
      }),
    columns: {
      title: 'Projet',
      track: 'Filière',
      stage: 'Étape',
      lead: 'Organisation porteuse',
      role: 'Votre rôle',
      updated: 'Mis à jour',
    },
    stageLabel: (index: string, name: string) => `${index} · ${name}`,
    filters: {
      label: 'Filtrer les projets',
      search: 'Rechercher par titre',
      searchPlaceholder: 'Filtrer par titre…',
      searchShortcut: 'Appuyez sur / pour filtrer par titre',
      track: 'Filière',
      allTracks: 'Toutes les filières',
      stage: 'Étape',
      allStages: 'Toutes les étapes',
      mine: 'Mes projets uniquement',
      clear: 'Effacer les filtres',
    },
    loading: 'Chargement des projets…',
    emptyTitle: 'Aucun projet pour l’instant',
    emptyBody:
      'Les projets sont confidentiels dans Jalon : vous ne voyez un projet qu’une fois que son équipe vous en a fait membre. Demandez au porteur du projet, ou au bureau du programme du cluster, de vous inviter.',
    noResultsTitle: 'Aucun projet ne correspond à ces filtres',
    noResultsBody:
      'Essayez un autre mot ou une autre étape, ou effacez les filtres pour revoir tous vos projets.',
    errorTitle: 'Vos projets n’ont pas pu être chargés',
    errorBody: (message: string) => `${message} Rien n’a été modifié.`,
  },
  project: {
    backToPortfolio: 'Portefeuille',
    breadcrumb: 'Fil d’Ariane',
    loading: 'Chargement du projet…',
    notFoundTitle: 'Projet introuvable',
    notFoundBody:
      'Ce projet n’existe pas, ou vous n’en êtes pas membre. Un projet n’est visible que de ses membres et du bureau du programme du cluster.',
    lostAccessTitle: 'Votre accès à ce projet a été retiré',
    lostAccessBody:
      'Vous n’êtes plus membre de ce projet : il ne s’affiche donc plus ici. S’il s’agit d’une erreur, demandez à son responsable ou au bureau du programme.',
    errorTitle: 'Ce projet n’a pas pu être chargé',
    summary: 'Résumé',
    noSummary: 'Pas encore de résumé.',
    facts: 'Informations',
    track: 'Filière',
    nextGate: 'Prochain passage',
    leadOrganisation: 'Organisation porteuse',
    yourRole: 'Votre rôle',
    directory: 'Annuaire du cluster',
    listed: 'Référencé (fiche résumée uniquement)',
    notListed: 'Non référencé',
    archived: 'Archivé',
    created: 'Créé le',
    updated: 'Mis à jour',
    partners: 'Organisations partenaires',
    noPartners: 'Aucune organisation partenaire.',
    members: 'Équipe',
    membersCount: (n: number, formatted: string) =>
      plural('fr', n, { one: `${formatted} membre`, other: `${formatted} membres` }),
    pendingInvitations: (n: number, formatted: string) =>
      plural('fr', n, {
        one: `${formatted} invitation en attente`,
        other: `${formatted} invitations en attente`,
      }),
    stepper: 'Étapes de maturation',
    levels: (min: string, max: string) => (min === max ? `TRL ${min}` : `TRL ${min}–${max}`),
    currentStep: 'étape actuelle',
  },
  invitation: {
    pageTitle: 'Invitation',
    loading: 'Chargement de l’invitation…',
    title: (project: string) => `Rejoindre ${project}`,
    body: (inviter: string, role: string) =>
      `${inviter} vous invite à rejoindre ce projet avec le rôle ${role}.`,
    sentTo: (email: string) => `Invitation adressée à ${email}`,
    expires: (date: string) => `Valable jusqu’au ${date}`,
    accept: 'Accepter l’invitation',
    accepting: 'Adhésion…',
    signInToAccept: 'Se connecter pour accepter',
    signedOutHint: (email: string) =>
      `Connectez-vous avec ${email} pour accepter. Vous reviendrez sur cette page après la connexion.`,
    wrongAccount: (invited: string, current: string) =>
      `Cette invitation est adressée à ${invited}, mais vous êtes connecté en tant que ${current}. Déconnectez-vous, puis connectez-vous avec l’adresse invitée.`,
    switchAccount: 'Se déconnecter et changer de compte',
    notFoundTitle: 'Cette invitation n’est pas utilisable',
    notFoundBody:
      'Le lien n’existe pas, ou une invitation plus récente l’a remplacé : utilisez le dernier e-mail reçu, ou demandez une nouvelle invitation au porteur du projet.',
    errorTitle: 'L’invitation n’a pas pu être chargée',
    acceptFailed: (message: string) => `L’invitation n’a pas pu être acceptée : ${message}`,
  },
  notFound: {
    pageTitle: 'Page introuvable',
    title: 'Page introuvable',
    body: 'Il n’y a rien à cette adresse. La page a peut-être été déplacée, ou le lien est mal saisi.',
    home: 'Aller à votre portefeuille',
  },
  errors: {
    network: 'Jalon est injoignable. Vérifiez votre connexion.',
    server: 'Une erreur s’est produite de notre côté.',
    unauthenticated: 'Votre session a expiré. Reconnectez-vous.',
    forbidden: 'Vous n’avez pas le droit de faire cela.',
    notFound: 'Cela n’existe pas, ou vous n’y avez pas accès.',
    rateLimited: 'Trop de requêtes. Attendez une minute, puis réessayez.',
  },
  time: {
    justNow: 'à l’instant',
  },
  room: roomFr,
  gates: gatesFr,
  evidence: evidenceFr,
  committee: committeeFr,
  maturity: maturityFr,
  activity: activityFr,
  directory: directoryFr,
  website: websiteFr,
  services: servicesFr,
  report: reportFr,
  members: membersFr,
  auditCheck: auditCheckFr,
  history: historyFr,
  analytics: analyticsFr,
  notifications: notificationsFr,
  account: accountFr,
  accountPage: accountPageFr,
  twoFactor: twoFactorFr,
  adminOrganisations: adminOrganisationsFr,
  adminSso: adminSsoFr,
  frameworksAdmin: frameworksAdminFr,
  admin: adminFr,
  projectSettings: projectSettingsFr,
};
