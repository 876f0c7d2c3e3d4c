/** Notifications, préférences et résumé hebdomadaire ; même forme que `notifications.en.ts`. */
import type { Messages } from './messages.ts';
import { plural } from './plural.ts';

export const notificationsFr: Messages['notifications'] = {
  bell: 'Notifications',
  bellLabel: (unread: number) =>
    unread === 0
      ? 'Notifications, aucune non lue'
      : plural('fr', unread, { one: 'Notifications, 1 non lue', other: `Notifications, ${unread} non lues` }),
  badge: (unread: number) => (unread > 99 ? '99+' : String(unread)),
  title: 'Notifications',
  markAllRead: 'Tout marquer comme lu',
  markRead: 'Marquer comme lu',
  markReadOf: (text: string) => `Marquer comme lu : ${text}`,
  unread: 'Non lu',
  loading: 'Chargement des notifications…',
  loadMore: 'Voir les plus anciennes',
  loadingMore: 'Chargement…',
  emptyTitle: 'Vous êtes à jour',
  emptyBody:
    'Les mentions, les commentaires sur vos jalons, les revues de passage, les jalons en retard et les nouveaux projets apparaîtront ici.',
  errorTitle: 'Les notifications n’ont pas pu être chargées',
  offline: 'Vous êtes hors ligne : les nouvelles notifications apparaîtront au retour de la connexion.',
  markFailed: 'Impossible de marquer comme lu. Réessayez.',
  preferencesLink: 'Préférences',
  digestLink: 'Résumé hebdomadaire',
  kinds: {
    mention: (actor: string, milestone: string) => `${actor} vous a mentionné sur « ${milestone} »`,
    milestone_comment: (actor: string, milestone: string) =>
      `${actor} a commenté votre jalon « ${milestone} »`,
    gate_requested: (actor: string, gate: string) => `${actor} a demandé la revue du ${gate}`,
    gate_decided: (outcome: string, gate: string) => `${gate} décidé : ${outcome}`,
    milestone_overdue: (milestone: string) => `« ${milestone} » est en retard`,
    milestone_at_risk: (milestone: string) => `« ${milestone} » a été signalé à risque`,
    project_added: (actor: string, role: string) => `${actor} vous a ajouté comme ${role}`,
    'service_request.changed': (actor: string, service: string) =>
      `${actor} a mis à jour la demande de service « ${service} »`,
    invitation_accepted: (actor: string, role: string) =>
      `${actor} a accepté votre invitation et rejoint le projet comme ${role}`,
    invitation_declined: (email: string, role: string) =>
      `${email} a décliné votre invitation à rejoindre le projet comme ${role}`,
  },
  someone: 'Quelqu’un',
  gateOf: (stage: string) => `passage ${stage}`,
  roles: { lead: 'porteur', contributor: 'contributeur', mentor: 'mentor', observer: 'observateur' },
  preferences: {
    pageTitle: 'Préférences de notification',
    title: 'Préférences de notification',
    intro: 'Choisissez ce dont Jalon vous informe. Chaque changement est enregistré aussitôt.',
    inApp: 'Dans l’application',
    types: {
      mention: 'Quand quelqu’un me mentionne',
      milestone_comment: 'Commentaires sur les jalons dont je suis responsable',
      gate_requested: 'Revues de passage demandées sur mes projets',
      gate_decided: 'Décisions de passage sur mes projets',
      milestone_overdue: 'Jalons dont je suis responsable ou porteur qui passent en retard',
      milestone_at_risk: 'Jalons dont je suis responsable ou porteur signalés à risque',
      project_added: 'Quand on m’ajoute à un projet',
      'service_request.changed': 'Demandes de service de mes projets',
      invitation_accepted: 'Quand une invitation que j’ai envoyée est acceptée',
      invitation_declined: 'Quand une invitation que j’ai envoyée est déclinée',
    },
    digest: 'Résumé hebdomadaire',
    digestEmail: 'M’envoyer le résumé hebdomadaire par e-mail',
    digestUnavailable: 'Ce serveur Jalon n’envoie pas d’e-mails ; lisez votre résumé dans l’application.',
    saved: 'Enregistré',
    saving: 'Enregistrement…',
    saveFailed: 'Non enregistré. Vérifiez votre connexion et réessayez.',
    loading: 'Chargement de vos préférences…',
    errorTitle: 'Vos préférences n’ont pas pu être chargées',
    back: 'Notifications',
  },
  digest: {
    pageTitle: 'Résumé hebdomadaire',
    title: 'Résumé hebdomadaire',
    intro:
      'Ce qui a changé sur vos projets, semaine après semaine : le même résumé que celui qui peut vous être envoyé par e-mail.',
    week: (week: string) => `Semaine ${week.replace(/^\d{4}-W0?/, '')} de ${week.slice(0, 4)}`,
    previous: 'Semaine précédente',
    next: 'Semaine suivante',
    thisWeek: 'Cette semaine',
    frameTitle: (week: string) => `Résumé de la semaine ${week}`,
    summary: (changes: number, projects: number) =>
      changes === 0
        ? 'Rien n’a changé sur vos projets cette semaine-là.'
        : `${plural('fr', changes, { one: '1 changement', other: `${changes} changements` })} sur ${plural('fr', projects, { one: '1 projet', other: `${projects} projets` })}.`,
    observerNote: 'En tant que partenaire, votre résumé montre les changements d’étape et de maturité.',
    loading: 'Préparation du résumé…',
    errorTitle: 'Le résumé n’a pas pu être préparé',
  },
};
