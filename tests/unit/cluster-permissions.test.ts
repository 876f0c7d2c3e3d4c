import { describe, expect, it } from 'vitest';
import { mayInCluster } from '../../server/auth/access.ts';
import type { Actor, Credential } from '../../server/auth/actor.ts';
import { maySeeProject, rolesOn } from '../../server/auth/visibility.ts';
import {
  type ClusterAction,
  type ClusterStanding,
  can,
  canInCluster,
  clusterActions,
} from '../../shared/permissions.ts';

const expiresAt = new Date('2030-01-01T00:00:00Z');
const session: Credential = { kind: 'session', id: 's1', expiresAt };
const token = (scope: 'read' | 'write', projectId: string | null): Credential => ({
  kind: 'token',
  id: 't1',
  expiresAt,
  scope,
  projectId,
});
const writeToken = token('write', null);
const readToken = token('read', null);
const boundToken = token('write', 'p1');

// At the cluster level a researcher, a partner organisation's member and a mentor are all
// plain users: their project roles and their organisations grant nothing here.
const user: ClusterStanding = { clusterManager: false };
const manager: ClusterStanding = { clusterManager: true };

/** A signed-in actor, as the server sees one. */
const actor = (clusterManager: boolean, via?: Credential): Actor => ({
  id: 'u1',
  name: 'Someone',
  email: 'someone@example.org',
  clusterManager,
  organisationId: null,
  ...(via ? { via } : {}),
});

const Y = true;
const N = false;
/** Who may do each cluster-level action, written out: a change to the rules must change this table. */
const table: Record<ClusterAction, { user: boolean; manager: boolean }> = {
  'directory.view': { user: Y, manager: Y },
  'directory.list_contact': { user: Y, manager: Y },
  'framework.view': { user: Y, manager: Y },
  'service.view': { user: Y, manager: Y },
  'service.view_withdrawn': { user: N, manager: Y },
  'service.manage': { user: N, manager: Y },
  'service.handle_any': { user: N, manager: Y },
  'service.load': { user: N, manager: Y },
  'portfolio.analytics': { user: N, manager: Y },
  'project.view_any': { user: N, manager: Y },
  'project.create_any_organisation': { user: N, manager: Y },
  'gate.review_uninvited': { user: N, manager: Y },
  'audit.verify': { user: N, manager: Y },
  'people.deactivate': { user: N, manager: Y },
  'people.erase': { user: N, manager: Y },
  'people.export': { user: N, manager: Y },
  'token.create': { user: Y, manager: Y },
  'invitations.manage': { user: N, manager: Y },
  'session.revoke': { user: Y, manager: Y },
  'organisation.manage': { user: N, manager: Y },
  'people.view': { user: N, manager: Y },
  'people.grant_manager': { user: N, manager: Y },
  'framework.manage': { user: N, manager: Y },
  'project.start_any_time': { user: N, manager: Y },
  'settings.manage': { user: N, manager: Y },
  'sso.manage': { user: N, manager: Y },
};

describe('cluster permission matrix', () => {
  it('covers every cluster-level action', () => {
    expect(Object.keys(table).sort()).toEqual([...clusterActions].sort());
  });

  for (const action of clusterActions) {
    const row = table[action];
    it(`a researcher, a partner or a mentor ${row.user ? 'may' : 'may not'} ${action}`, () => {
      expect(canInCluster(user, action)).toBe(row.user);
    });
    it(`a cluster manager ${row.manager ? 'may' : 'may not'} ${action}`, () => {
      expect(canInCluster(manager, action)).toBe(row.manager);
    });
  }

  it('denies everything to no one, and to a deactivated account, even a manager', () => {
    for (const action of clusterActions) {
      expect(canInCluster(null, action)).toBe(false);
      expect(canInCluster(undefined, action)).toBe(false);
      expect(canInCluster({ ...manager, deactivated: true }, action)).toBe(false);
      expect(canInCluster({ ...user, deactivated: true }, action)).toBe(false);
    }
  });

  it("a manager's read-only token reads, and changes nothing", () => {
    const reader = actor(true, readToken);
    for (const action of [
      'service.view_withdrawn',
      'service.handle_any',
      'service.load',
      'portfolio.analytics',
      'project.view_any',
      'audit.verify',
      'directory.view',
      'framework.view',
      'people.view',
    ] as const)
      expect(mayInCluster(reader, action), action).toBe(true);
    for (const action of [
      'service.manage',
      'people.deactivate',
      'people.grant_manager',
      'project.create_any_organisation',
      'gate.review_uninvited',
      'directory.list_contact',
    ] as const)
      expect(mayInCluster(reader, action), action).toBe(false);
  });

  it("a manager's token bound to one project reaches none of the cluster's administration", () => {
    const bound = actor(true, boundToken);
    for (const action of [
      'people.view',
      'people.grant_manager',
      'service.manage',
      'service.load',
      'portfolio.analytics',
      'audit.verify',
      'people.deactivate',
      'project.create_any_organisation',
      'directory.view',
      'service.view',
    ] as const)
      expect(mayInCluster(bound, action), action).toBe(false);
    // what its project's routes and the lists filtered to that project still need
    for (const action of [
      'framework.view',
      'project.view_any',
      'service.handle_any',
      'gate.review_uninvited',
    ] as const)
      expect(mayInCluster(bound, action), action).toBe(true);
  });

  it('manages organisations from a signed-in session only, never with a token', () => {
    expect(mayInCluster(actor(true, session), 'organisation.manage')).toBe(true);
    expect(mayInCluster(actor(true, writeToken), 'organisation.manage')).toBe(false);
    expect(mayInCluster(actor(true, readToken), 'organisation.manage')).toBe(false);
    expect(mayInCluster(actor(true), 'organisation.manage')).toBe(false);
  });

  it('edits the frameworks from a signed-in session only, never with a token', () => {
    expect(mayInCluster(actor(true, session), 'framework.manage')).toBe(true);
    expect(mayInCluster(actor(false, session), 'framework.manage')).toBe(false);
    expect(mayInCluster(actor(true, writeToken), 'framework.manage')).toBe(false);
    expect(mayInCluster(actor(true), 'framework.manage')).toBe(false);
  });

  it('grants cluster-manager rights from a signed-in session only, never with a token', () => {
    expect(mayInCluster(actor(true, session), 'people.grant_manager')).toBe(true);
    expect(mayInCluster(actor(true, writeToken), 'people.grant_manager')).toBe(false);
    expect(mayInCluster(actor(true), 'people.grant_manager')).toBe(false);
  });

  it('creates tokens and ends sessions from a signed-in session only, never with a token', () => {
    for (const action of ['token.create', 'session.revoke'] as const) {
      expect(mayInCluster(actor(true, session), action)).toBe(true);
      expect(mayInCluster(actor(false, session), action)).toBe(true);
      expect(mayInCluster(actor(true, writeToken), action)).toBe(false);
      expect(mayInCluster(actor(false, readToken), action)).toBe(false);
      // an actor the server makes itself (seed, jobs) has no session either
      expect(mayInCluster(actor(true), action)).toBe(false);
    }
  });

  it('a session decides by the matrix alone', () => {
    for (const action of clusterActions) {
      expect(mayInCluster(actor(false, session), action)).toBe(table[action].user);
      expect(mayInCluster(actor(true, session), action)).toBe(table[action].manager);
    }
  });

  it('a write token unbound to a project may what its owner may, sessions aside', () => {
    for (const action of clusterActions)
      if (action !== 'token.create' && action !== 'session.revoke' && action !== 'organisation.manage')
        expect(mayInCluster(actor(false, writeToken), action), action).toBe(table[action].user);
  });

  it("the client's Me asks the same matrix", () => {
    expect(canInCluster({ clusterManager: true }, 'service.manage')).toBe(true);
    expect(canInCluster({ clusterManager: false }, 'service.manage')).toBe(false);
    expect(canInCluster({ clusterManager: false }, 'service.view')).toBe(true);
  });
});

describe('who sees a project', () => {
  const reader = (standing: ClusterStanding, via?: Credential) => actor(standing.clusterManager, via);

  it('a member in any role sees it, a mentor and an observer included', () => {
    for (const role of ['lead', 'contributor', 'mentor', 'observer'] as const)
      expect(maySeeProject(reader(user), 'p1', role)).toBe(true);
  });

  it('someone with no role there does not, whatever their organisation (a partner)', () => {
    expect(maySeeProject(reader(user), 'p1', null)).toBe(false);
  });

  it('the programme office sees every project, within its token’s reach', () => {
    expect(maySeeProject(reader(manager), 'p1', null)).toBe(true);
    expect(maySeeProject(reader(manager, boundToken), 'p1', null)).toBe(true);
    expect(maySeeProject(reader(manager, boundToken), 'p2', null)).toBe(false);
    expect(maySeeProject(reader(user, boundToken), 'p2', 'lead')).toBe(false);
  });

  it('seeing every project in the cluster matrix is holding project.view on one not joined', () => {
    for (const standing of [user, manager])
      expect(can(rolesOn(standing, null), 'project.view')).toBe(canInCluster(standing, 'project.view_any'));
  });

  it("a manager's roles on a project add cluster_manager to their member role", () => {
    expect(rolesOn(manager, 'mentor')).toEqual(['mentor', 'cluster_manager']);
    expect(rolesOn(user, 'mentor')).toEqual(['mentor']);
    expect(rolesOn(user, null)).toEqual([]);
  });
});
