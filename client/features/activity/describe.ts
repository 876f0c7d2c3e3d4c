/**
 * One audit event as a sentence of the feed ("moved GLP tox from Planned to Done"), without
 * the actor's name, which the feed shows first. Pure: every name it needs comes from `names`,
 * so it is tested without a browser. Milestones are named by their current title, or by the
 * title they had when they were deleted.
 */
import type { ActivityEvent } from '../../../shared/activity.ts';
import type { Messages } from '../../i18n/messages.ts';

export interface ActivityNames {
  t: Messages['activity'];
  milestoneTitle(id: string): string | null;
  memberName(userId: string): string | null;
  dimensionName(id: string): string;
  criterionText(id: string): string;
  statusName(status: string): string;
  roleName(role: string): string;
  outcomeName(outcome: string): string;
  stageName(index: number): string;
  formatDate(iso: string): string;
  formatNumber(n: number): string;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const field = (v: unknown, key: string): unknown =>
  v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;

export function describeEvent(e: ActivityEvent, names: ActivityNames): string {
  const { t } = names;
  switch (e.entity) {
    case 'milestone':
      return milestone(e, names);
    case 'readiness':
      return readiness(e, names);
    case 'criterion':
      return criterion(e, names);
    case 'comment': {
      if (e.action === 'create') {
        const milestoneId = str(field(e.after, 'milestoneId'));
        return t.comment.create((milestoneId && names.milestoneTitle(milestoneId)) || t.unknownMilestone);
      }
      if (e.field === 'resolved') return e.after === true ? t.comment.resolved : t.comment.reopened;
      return t.other;
    }
    case 'member': {
      const userId = e.entityId.split(':').pop() ?? '';
      const who = names.memberName(userId) ?? '—';
      if (e.action === 'create') return t.member.added(who, names.roleName(str(e.after) ?? ''));
      if (e.action === 'delete') return t.member.removed(who);
      return t.member.role(who, names.roleName(str(e.after) ?? ''));
    }
    case 'invitation':
      return t.member.invited(names.roleName(str(field(e.after, 'role')) ?? ''));
    case 'project':
      return project(e, names);
    case 'gate_review':
      if (e.field === 'reviewers') return t.gate.reviewer(names.memberName(str(e.after) ?? '') ?? '—');
      return t.gate.requested;
    case 'gate_recommendation':
      return t.gate.recommended(names.outcomeName(str(field(e.after, 'recommendation')) ?? ''));
    case 'gate_decision':
      return t.gate.decided(names.outcomeName(str(field(e.after, 'outcome')) ?? ''));
    case 'gate_signature':
      return t.gate.signatureRefused;
    default:
      return t.other;
  }
}

function milestone(e: ActivityEvent, n: ActivityNames): string {
  const m = n.t.milestone;
  const title =
    n.milestoneTitle(e.entityId) ??
    str(field(e.before, 'title')) ??
    str(field(e.after, 'title')) ??
    n.t.unknownMilestone;
  if (e.action === 'create') return m.create(str(field(e.after, 'title')) ?? title);
  if (e.action === 'delete') return m.delete(str(field(e.before, 'title')) ?? title);
  const before = e.before;
  const after = e.after;
  switch (e.field) {
    case 'status':
      return m.status(title, n.statusName(str(before) ?? ''), n.statusName(str(after) ?? ''));
    case 'title':
      return m.title(str(before) ?? title, str(after) ?? title);
    case 'due': {
      const from = str(before);
      const to = str(after);
      if (!to) return m.dueCleared(title);
      if (!from) return m.dueSet(title, n.formatDate(to));
      return m.due(title, n.formatDate(from), n.formatDate(to));
    }
    case 'owner': {
      const to = str(after);
      return to ? m.owner(title, n.memberName(to) ?? '—') : m.ownerCleared(title);
    }
    case 'description':
      return m.description(title);
    case 'stage':
      return m.stage(title, n.stageName(num(after) ?? 0));
    case 'dimension':
      return m.dimension(title);
    case 'dependsOn':
      return m.dependsOn(title);
    case 'order':
      return m.order(title);
    default:
      return m.other(title);
  }
}

function readiness(e: ActivityEvent, n: ActivityNames): string {
  const r = n.t.readiness;
  const dimension = n.dimensionName(e.entityId);
  if (e.action === 'create') return r.create(dimension, n.formatNumber(num(field(e.after, 'level')) ?? 0));
  if (e.field === 'level') {
    const from = num(e.before) ?? 0;
    const to = num(e.after) ?? 0;
    const say = to >= from ? r.raised : r.lowered;
    return say(dimension, n.formatNumber(from), n.formatNumber(to));
  }
  if (e.field === 'evidence') return r.evidence(dimension);
  return r.other(dimension);
}

function criterion(e: ActivityEvent, n: ActivityNames): string {
  const c = n.t.criterion;
  const text = n.criterionText(e.entityId);
  const checked =
    e.action === 'create' ? field(e.after, 'checked') : e.field === 'checked' ? e.after : undefined;
  if (checked === true) return c.checked(text);
  if (checked === false) return c.unchecked(text);
  if (e.field === 'evidence') return c.evidence(text);
  return c.other(text);
}

function project(e: ActivityEvent, n: ActivityNames): string {
  const p = n.t.project;
  if (e.action === 'create') return p.create;
  if (e.field === 'stage') return p.stage(n.stageName(num(e.before) ?? 0), n.stageName(num(e.after) ?? 0));
  if (e.field === 'archived') return e.after === true ? p.archived : p.unarchived;
  return p.field(p.fields[e.field ?? ''] ?? e.field ?? '');
}
