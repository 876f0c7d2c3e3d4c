import { describe, expect, it } from 'vitest';
import {
  type Action,
  actions,
  can,
  canOnProject,
  docAccess,
  mayStartProject,
  type Role,
} from '../../shared/permissions.ts';

// The whole matrix, written out: a change to who may do what must change this table.
const Y = true;
const N = false;
const table: Record<Action, Record<Role, boolean>> = {
  'project.view': { cluster_manager: Y, lead: Y, contributor: Y, mentor: Y, observer: Y },
  'project.edit': { cluster_manager: Y, lead: Y, contributor: N, mentor: N, observer: N },
  'project.archive': { cluster_manager: Y, lead: Y, contributor: N, mentor: N, observer: N },
  'members.view': { cluster_manager: Y, lead: Y, contributor: Y, mentor: Y, observer: Y },
  'members.manage': { cluster_manager: Y, lead: Y, contributor: N, mentor: N, observer: N },
  'doc.edit': { cluster_manager: N, lead: Y, contributor: Y, mentor: N, observer: N },
  'comment.write': { cluster_manager: Y, lead: Y, contributor: Y, mentor: Y, observer: N },
  'comment.read_team': { cluster_manager: Y, lead: Y, contributor: Y, mentor: Y, observer: N },
  'gate.request': { cluster_manager: N, lead: Y, contributor: N, mentor: N, observer: N },
  'gate.recommend': { cluster_manager: Y, lead: N, contributor: N, mentor: Y, observer: N },
  'gate.decide': { cluster_manager: Y, lead: N, contributor: N, mentor: N, observer: N },
  'audit.view': { cluster_manager: Y, lead: Y, contributor: Y, mentor: N, observer: N },
  'service.request': { cluster_manager: N, lead: Y, contributor: Y, mentor: N, observer: N },
  'project.restore': { cluster_manager: Y, lead: N, contributor: N, mentor: N, observer: N },
  'project.set_level': { cluster_manager: Y, lead: Y, contributor: N, mentor: N, observer: N },
};

describe('permission matrix', () => {
  it('covers every action', () => {
    expect(Object.keys(table).sort()).toEqual([...actions].sort());
  });

  for (const action of actions) {
    for (const [role, allowed] of Object.entries(table[action]) as [Role, boolean][]) {
      it(`${role} ${allowed ? 'may' : 'may not'} ${action}`, () => {
        expect(can([role], action)).toBe(allowed);
      });
    }
  }

  it('grants nothing to someone with no role on the project', () => {
    for (const action of actions) expect(can([], action)).toBe(false);
  });

  it('combines roles: a manager who is also a contributor may edit the document', () => {
    expect(can(['cluster_manager'], 'doc.edit')).toBe(false);
    expect(can(['cluster_manager', 'contributor'], 'doc.edit')).toBe(true);
  });
});

describe('document access on join', () => {
  it.each([
    [['lead'], 'edit'],
    [['contributor'], 'edit'],
    [['mentor'], 'comment'],
    [['observer'], 'view'],
    [['cluster_manager'], 'view'],
    [['cluster_manager', 'lead'], 'edit'],
    [[], null],
  ] as [Role[], string | null][])('%j joins with %s', (roles, access) => {
    expect(docAccess(roles)).toBe(access);
  });
});

describe('an archived project', () => {
  const archived = { archived: true };
  it('lets everyone who sees it read, and nobody change it', () => {
    for (const role of ['cluster_manager', 'lead', 'contributor', 'mentor', 'observer'] as Role[]) {
      expect(canOnProject([role], 'project.view', archived)).toBe(true);
      for (const action of [
        'project.edit',
        'project.archive',
        'members.manage',
        'doc.edit',
        'comment.write',
      ] as Action[])
        expect(canOnProject([role], action, archived)).toBe(false);
    }
  });
  it('is restored by the programme office only', () => {
    expect(canOnProject(['cluster_manager'], 'project.restore', archived)).toBe(true);
    expect(canOnProject(['lead'], 'project.restore', archived)).toBe(false);
  });
  it('opens its document read-only, even to its lead', () => {
    expect(docAccess(['lead'], archived)).toBe('view');
    expect(docAccess(['mentor'], archived)).toBe('view');
    expect(docAccess([], archived)).toBe(null);
  });
});

describe('who may start a project', () => {
  const manager = { clusterManager: true };
  const person = { clusterManager: false };
  it.each([
    [manager, 'managers', false, true],
    [manager, 'leads', false, true],
    [person, 'leads', true, true],
    [person, 'leads', false, false],
    [person, 'managers', true, false],
    [{ clusterManager: true, deactivated: true }, 'leads', true, false],
  ] as const)('%j with %s, leading a live project: %s → %s', (standing, setting, leads, allowed) => {
    expect(mayStartProject(standing, setting, leads)).toBe(allowed);
  });
});
