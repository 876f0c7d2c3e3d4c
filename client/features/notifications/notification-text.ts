/** What a notification says and where it leads. Pure functions of the notification and the dictionary. */
import type { Messages } from '../../i18n/messages.ts';
import type { Notification } from './notifications-api.ts';

export function notificationText(n: Notification, t: Messages, locale: 'en' | 'fr'): string {
  const k = t.notifications.kinds;
  const p = n.payload;
  const actor = p.actor?.name ?? t.notifications.someone;
  const milestone = p.milestone?.title ?? '';
  const gate = t.notifications.gateOf(String(p.stageIndex ?? ''));
  switch (n.type) {
    case 'mention':
      return k.mention(actor, milestone);
    case 'milestone_comment':
      return k.milestone_comment(actor, milestone);
    case 'gate_requested':
      return k.gate_requested(actor, gate);
    case 'gate_decided':
      return k.gate_decided(
        t.gates.outcomes[p.outcome as keyof Messages['gates']['outcomes']] ?? p.outcome ?? '',
        gate,
      );
    case 'milestone_overdue':
      return k.milestone_overdue(milestone);
    case 'milestone_at_risk':
      return k.milestone_at_risk(milestone);
    case 'project_added':
      return k.project_added(actor, t.notifications.roles[p.role ?? ''] ?? p.role ?? '');
    case 'service_request.changed':
      return k['service_request.changed'](actor, p.service?.[locale] ?? '');
    case 'invitation_accepted':
      return k.invitation_accepted(actor, t.notifications.roles[p.role ?? ''] ?? p.role ?? '');
    case 'invitation_declined':
      return k.invitation_declined(p.email ?? actor, t.notifications.roles[p.role ?? ''] ?? p.role ?? '');
  }
}

/** The project page, opened at the milestone (the room reads `?m=`) or at its gates tab. */
export function notificationHref(n: Notification): string {
  if (!n.projectId) return '/';
  const project = `/projects/${encodeURIComponent(n.projectId)}`;
  if (n.payload.milestone) return `${project}?m=${encodeURIComponent(n.payload.milestone.id)}`;
  if (n.subject.kind === 'gate_review') return `${project}?tab=gates`;
  // The inviter reads an invitation's outcome among the project's members, in its settings.
  if (n.type === 'invitation_accepted' || n.type === 'invitation_declined') return `${project}/settings`;
  if (n.subject.kind === 'service_request') {
    const anchor = `#request-${encodeURIComponent(n.subject.id)}`;
    // The handling side works from its queue (it may not see the project itself).
    return n.payload.queue ? `/services/queue${anchor}` : `${project}/services${anchor}`;
  }
  return project;
}
