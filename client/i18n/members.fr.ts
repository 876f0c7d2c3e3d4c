/** Les textes du panneau des membres, des listes d’invitations et des réponses à une invitation (`t().members`). */
import type { Messages } from './messages.ts';
import { plural } from './plural.ts';

export const membersFr: Messages['members'] = {
  title: 'Membres',
  caption: 'Membres de ce projet',
  loading: 'Chargement des membres…',
  loadFailed: 'Les membres n’ont pas pu être chargés',
  emptyTitle: 'Aucun membre pour l’instant',
  emptyBody: 'Invitez les premières personnes qui travaillent sur ce projet.',
  offline: 'Vous êtes hors ligne : les changements de membres attendent le retour de la connexion.',
  count: (n: number, formatted: string) =>
    plural('fr', n, { one: `${formatted} membre`, other: `${formatted} membres` }),
  noOrganisation: 'Sans organisation',
  you: 'vous',
  role: 'Rôle',
  roleOf: (name: string) => `Rôle de ${name}`,
  roleChanged: (name: string, role: string) => `${name} est désormais ${role}.`,
  roleFailed: (name: string, message: string) => `Le rôle de ${name} n’a pas été modifié : ${message}`,
  lastLead:
    'Un projet garde toujours un porteur : nommez d’abord quelqu’un d’autre porteur, puis changez ce rôle ou retirez cette personne.',
  remove: 'Retirer',
  removeOf: (name: string) => `Retirer ${name}`,
  removeQuestion: (name: string) =>
    `Retirer ${name} de ce projet ? Cette personne perd l’accès aussitôt, y compris sur les pages qu’elle a ouvertes.`,
  removeConfirm: 'Retirer du projet',
  removing: 'Retrait…',
  removed: (name: string) => `${name} a été retiré(e) du projet.`,
  removeFailed: (name: string, message: string) => `${name} n’a pas été retiré(e) : ${message}`,
  cancel: 'Annuler',
  invite: {
    title: 'Inviter quelqu’un',
    intro:
      'Une personne qui a déjà un compte Jalon rejoint le projet aussitôt. Les autres reçoivent une invitation par e-mail, valable 7 jours, pour leur seule adresse.',
    email: 'Adresse e-mail',
    role: 'Rôle',
    organisation: 'Son organisation (facultatif)',
    organisationHint:
      'Utilisée seulement si la personne n’a pas encore de compte : son nouveau compte la rejoint.',
    noOrganisation: 'Non précisée',
    organisationsFailed:
      'Les organisations n’ont pas pu être chargées ; vous pouvez inviter sans en choisir.',
    submit: 'Inviter',
    submitting: 'Invitation…',
    errors: {
      email: 'Saisissez une adresse e-mail, par exemple nom@exemple.fr.',
      role: 'Choisissez un rôle.',
    },
    fixFields: 'Vérifiez le champ signalé ci-dessus.',
    refused: 'Invitation non envoyée :',
    added: (name: string) => `${name} avait déjà un compte et fait désormais partie du projet.`,
    mailed: (email: string) => `Invitation envoyée par e-mail à ${email}.`,
    linkTitle: 'Ce serveur n’envoie pas d’e-mails : transmettez ce lien vous-même',
    linkBody: (email: string) =>
      `Envoyez-le seulement à ${email} : il ne sert qu’une fois, pour cette adresse. Il n’est affiché que maintenant.`,
    linkLabel: 'Lien d’invitation',
    copy: 'Copier le lien',
    copied: 'Copié',
    copyFailed: 'Copie impossible : sélectionnez le lien et copiez-le.',
    dismiss: 'Terminé',
  },
  invitations: {
    title: 'Invitations',
    caption: 'Invitations de ce projet',
    intro: 'Les invitations en cours et celles des 30 derniers jours.',
    empty: 'Aucune invitation ces 30 derniers jours.',
    status: {
      pending: 'En attente',
      accepted: 'Acceptée',
      declined: 'Déclinée',
      expired: 'Expirée',
      withdrawn: 'Retirée',
    },
    invitedBy: (name: string) => `Invitation de ${name}`,
    sent: (date: string, count: number) =>
      plural('fr', count, { one: `Envoyée le ${date}`, other: `Dernier envoi le ${date} (${count} envois)` }),
    expires: (date: string) => `Expire le ${date}`,
    organisation: (name: string) => `Rejoindra ${name}`,
    resend: 'Renvoyer',
    resendOf: (email: string) => `Renvoyer l’invitation à ${email}`,
    resending: 'Envoi…',
    resent: (email: string) => `Renvoyée à ${email} ; le lien précédent ne fonctionne plus.`,
    maxSends: 'Envoyée 5 fois : le maximum pour une invitation.',
    withdraw: 'Retirer',
    withdrawOf: (email: string) => `Retirer l’invitation à ${email}`,
    withdrawQuestion: (email: string) => `Retirer l’invitation à ${email} ? Son lien cessera de fonctionner.`,
    withdrawConfirm: 'Retirer l’invitation',
    withdrawing: 'Retrait…',
    withdrawn: (email: string) => `L’invitation à ${email} a été retirée.`,
    failed: (message: string) => `Cela n’a pas fonctionné : ${message}`,
  },
  cluster: {
    tabs: 'Personnes et invitations',
    people: 'Personnes',
    invitations: 'Invitations',
    pageTitle: 'Invitations',
    intro: 'Les invitations sans réponse de tous les projets : en cours, ou expirées ces 30 derniers jours.',
    loading: 'Chargement des invitations…',
    loadFailed: 'Les invitations n’ont pas pu être chargées',
    emptyTitle: 'Aucune invitation en cours',
    emptyBody:
      'Les invitations envoyées par les porteurs et les gestionnaires apparaissent ici jusqu’à leur réponse.',
    caption: 'Invitations sans réponse',
    address: 'Adresse',
    project: 'Projet',
    role: 'Rôle',
    status: 'Statut',
    sent: 'Envoi',
    actions: 'Actions',
  },
  page: {
    decline: 'Décliner l’invitation',
    declineQuestion: (project: string) =>
      `Décliner l’invitation à ${project} ? Le lien cessera de fonctionner et la personne qui vous a invité(e) en sera informée.`,
    declineConfirm: 'Oui, décliner',
    declining: 'Refus en cours…',
    declineFailed: (message: string) => `L’invitation n’a pas pu être déclinée : ${message}`,
    organisation: (name: string) => `Votre compte rejoindra ${name}.`,
    closed: {
      accepted: {
        title: 'Cette invitation a déjà servi',
        body: 'Elle ne sert qu’une fois. Si c’était vous, connectez-vous pour ouvrir le projet.',
      },
      declined: {
        title: 'Cette invitation a été déclinée',
        body: 'Son lien ne fonctionne plus. Si vous avez changé d’avis, demandez une nouvelle invitation à la personne qui vous a invité(e).',
      },
      expired: {
        title: 'Cette invitation a expiré',
        body: 'Une invitation est valable 7 jours. Demandez à la personne qui vous a invité(e) de la renvoyer.',
      },
      withdrawn: {
        title: 'Cette invitation a été retirée',
        body: 'La personne qui vous a invité(e) l’a reprise. Contactez-la si vous pensez à une erreur.',
      },
    },
    declinedTitle: 'Vous avez décliné l’invitation',
    declinedBody: (project: string) =>
      `Vous ne rejoindrez pas ${project}. La personne qui vous a invité(e) en a été informée. Vous pouvez fermer cette page.`,
    openProject: 'Ouvrir le projet',
  },
};
