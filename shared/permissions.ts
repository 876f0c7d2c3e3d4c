/**
 * The permission matrix: a pure function of role and action, and the only place that says
 * who may do what. Routes, socket handlers and the client all ask `can`.
 *
 * A user's standing on a project is the set of their roles there: their project role (if a
 * member) and `cluster_manager` (if in the programme office). An action is allowed if any of
 * their roles allows it. Organisation membership is not a role: it grants nothing here.
 */
import type { ProjectRole } from './domain.ts';

export type Role = ProjectRole | 'cluster_manager';

export const actions = [
  'project.view',
  'project.edit',
  'project.archive',
  'members.view',
  'members.manage',
  'doc.edit',
  'comment.write',
  'comment.read_team',
  'gate.request',
  'gate.recommend',
  'gate.decide',
  'audit.view',
  /** file a request to the services catalogue for the project */
  'service.request',
] as const;
export type Action = (typeof actions)[number];

const matrix: Record<Role, ReadonlySet<Action>> = {
  cluster_manager: new Set<Action>([
    'project.view',
    'project.edit',
    'project.archive',
    'members.view',
    'members.manage',
    'comment.write',
    'comment.read_team',
    'gate.recommend',
    'gate.decide',
    'audit.view',
  ]),
  lead: new Set<Action>([
    'project.view',
    'project.edit',
    'project.archive',
    'members.view',
    'members.manage',
    'doc.edit',
    'comment.write',
    'comment.read_team',
    'gate.request',
    'audit.view',
    'service.request',
  ]),
  contributor: new Set<Action>([
    'project.view',
    'members.view',
    'doc.edit',
    'comment.write',
    'comment.read_team',
    'audit.view',
    'service.request',
  ]),
  mentor: new Set<Action>([
    'project.view',
    'members.view',
    'comment.write',
    'comment.read_team',
    'gate.recommend',
  ]),
  observer: new Set<Action>(['project.view', 'members.view']),
};

export function can(roles: Iterable<Role>, action: Action): boolean {
  for (const role of roles) if (matrix[role].has(action)) return true;
  return false;
}

/** The access a user gets on a project's live document (DESIGN §4 `doc:join`). */
export type DocAccess = 'edit' | 'comment' | 'view';

export function docAccess(roles: Iterable<Role>): DocAccess | null {
  const list = [...roles];
  if (!can(list, 'project.view')) return null;
  if (can(list, 'doc.edit')) return 'edit';
  // Mentors comment on milestones; managers and observers watch the document.
  return list.includes('mentor') ? 'comment' : 'view';
}
