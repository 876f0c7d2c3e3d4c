/** Notifications, their preferences and the weekly digest (`t().notifications`). */
import { plural } from './plural.ts';

export const notificationsEn = {
  bell: 'Notifications',
  bellLabel: (unread: number) =>
    unread === 0
      ? 'Notifications, none unread'
      : plural('en', unread, { one: 'Notifications, 1 unread', other: `Notifications, ${unread} unread` }),
  badge: (unread: number) => (unread > 99 ? '99+' : String(unread)),
  title: 'Notifications',
  markAllRead: 'Mark all as read',
  markRead: 'Mark as read',
  markReadOf: (text: string) => `Mark as read: ${text}`,
  unread: 'Unread',
  loading: 'Loading notifications…',
  loadMore: 'Show older',
  loadingMore: 'Loading…',
  emptyTitle: 'You are all caught up',
  emptyBody:
    'Mentions, comments on your milestones, gate reviews, milestones running late and new projects will appear here.',
  errorTitle: 'Notifications could not be loaded',
  offline: 'You are offline: new notifications will appear when the connection returns.',
  markFailed: 'That could not be marked as read. Try again.',
  preferencesLink: 'Preferences',
  digestLink: 'Weekly digest',
  /** one sentence per type; `actor` and titles arrive as plain text */
  kinds: {
    mention: (actor: string, milestone: string) => `${actor} mentioned you on “${milestone}”`,
    milestone_comment: (actor: string, milestone: string) =>
      `${actor} commented on your milestone “${milestone}”`,
    gate_requested: (actor: string, gate: string) => `${actor} requested the review of ${gate}`,
    gate_decided: (outcome: string, gate: string) => `${gate} decided: ${outcome}`,
    milestone_overdue: (milestone: string) => `“${milestone}” is overdue`,
    milestone_at_risk: (milestone: string) => `“${milestone}” was marked at risk`,
    project_added: (actor: string, role: string) => `${actor} added you as ${role}`,
    'service_request.changed': (actor: string, service: string) =>
      `${actor} updated the service request “${service}”`,
    invitation_accepted: (actor: string, role: string) =>
      `${actor} accepted your invitation and joined as ${role}`,
    invitation_declined: (email: string, role: string) =>
      `${email} declined your invitation to join as ${role}`,
  },
  someone: 'Someone',
  gateOf: (stage: string) => `gate ${stage}`,
  roles: { lead: 'lead', contributor: 'contributor', mentor: 'mentor', observer: 'observer' } as Record<
    string,
    string
  >,
  preferences: {
    pageTitle: 'Notification preferences',
    title: 'Notification preferences',
    intro: 'Choose what Jalon tells you about. Changes are saved as you make them.',
    inApp: 'In the app',
    types: {
      mention: 'When someone mentions me',
      milestone_comment: 'Comments on milestones I own',
      gate_requested: 'Gate reviews requested on my projects',
      gate_decided: 'Gate decisions on my projects',
      milestone_overdue: 'Milestones I own or lead turning overdue',
      milestone_at_risk: 'Milestones I own or lead marked at risk',
      project_added: 'Being added to a project',
      'service_request.changed': 'Service requests of my projects',
      invitation_accepted: 'Invitations I sent being accepted',
      invitation_declined: 'Invitations I sent being declined',
    },
    digest: 'Weekly digest',
    digestEmail: 'E-mail me the weekly digest',
    digestUnavailable: 'This Jalon server does not send e-mail; read your digest in the app.',
    saved: 'Saved',
    saving: 'Saving…',
    saveFailed: 'Not saved. Check your connection and try again.',
    loading: 'Loading your preferences…',
    errorTitle: 'Your preferences could not be loaded',
    back: 'Notifications',
  },
  digest: {
    pageTitle: 'Weekly digest',
    title: 'Weekly digest',
    intro: 'What changed on your projects, week by week: the same summary that can be e-mailed to you.',
    week: (week: string) => `Week ${week.replace(/^\d{4}-W0?/, '')}, ${week.slice(0, 4)}`,
    previous: 'Previous week',
    next: 'Next week',
    thisWeek: 'This week',
    frameTitle: (week: string) => `Digest of week ${week}`,
    summary: (changes: number, projects: number) =>
      changes === 0
        ? 'Nothing changed on your projects that week.'
        : `${plural('en', changes, { one: '1 change', other: `${changes} changes` })} on ${plural('en', projects, { one: '1 project', other: `${projects} projects` })}.`,
    observerNote: 'As a partner, your digest shows stage and readiness changes.',
    loading: 'Preparing the digest…',
    errorTitle: 'The digest could not be prepared',
  },
};
