/** What a token's scope and project take away, whatever its owner's roles (a table). */
import { describe, expect, it } from 'vitest';
import type { Actor, Credential } from '../../server/auth/actor.ts';
import {
  assertTokenAllowsRequest,
  capDocAccess,
  credentialAllows,
  reachesProject,
} from '../../server/auth/credential-limits.ts';
import { actions } from '../../shared/permissions.ts';

const far = new Date('2100-01-01');
const actorVia = (via?: Credential): Actor => ({
  id: 'u',
  name: 'U',
  email: 'u@x',
  clusterManager: true,
  organisationId: null,
  ...(via ? { via } : {}),
});
const session = actorVia({ kind: 'session', id: 's', expiresAt: far });
const token = (scope: 'read' | 'write', projectId: string | null = null) =>
  actorVia({ kind: 'token', id: 't', expiresAt: far, scope, projectId });
const allows = (actor: Actor, method: string, path: string) => {
  try {
    assertTokenAllowsRequest(actor, method, path);
    return true;
  } catch {
    return false;
  }
};

describe('a read token', () => {
  it('keeps the reading actions and loses every other', () => {
    const kept = actions.filter((a) => credentialAllows(token('read'), a));
    expect(kept.sort()).toEqual(['audit.view', 'comment.read_team', 'members.view', 'project.view']);
    for (const a of actions) expect(credentialAllows(token('write'), a)).toBe(true);
    for (const a of actions) expect(credentialAllows(session, a)).toBe(true);
  });

  it('views documents it could edit or comment on', () => {
    expect(capDocAccess(token('read'), 'edit')).toBe('view');
    expect(capDocAccess(token('read'), 'comment')).toBe('view');
    expect(capDocAccess(token('read'), null)).toBeNull();
    expect(capDocAccess(token('write'), 'edit')).toBe('edit');
    expect(capDocAccess(session, 'comment')).toBe('comment');
  });

  it.each(['POST', 'PATCH', 'PUT', 'DELETE'])('may not %s', (method) => {
    expect(allows(token('read'), method, '/projects/p')).toBe(false);
    expect(allows(token('write'), method, '/projects/p')).toBe(true);
  });
  it.each(['GET', 'HEAD', 'OPTIONS'])('may %s', (method) => {
    expect(allows(token('read'), method, '/projects/p')).toBe(true);
  });
});

describe('a token bound to a project', () => {
  const bound = token('write', 'p');
  it('reaches that project only', () => {
    expect(reachesProject(bound, 'p')).toBe(true);
    expect(reachesProject(bound, 'q')).toBe(false);
    expect(reachesProject(token('write'), 'q')).toBe(true);
    expect(reachesProject(session, 'q')).toBe(true);
  });

  it.each([
    ['GET', '/projects', true],
    ['POST', '/projects', false],
    ['PATCH', '/projects/p', true],
    ['GET', '/projects/q/comments', true], // the access layer answers 404 for q
    ['GET', '/search', true],
    ['GET', '/reports/portfolio.csv', true],
    ['GET', '/notifications', true],
    ['POST', '/notifications/read', false],
    ['GET', '/me', true],
    ['GET', '/me/tokens', false],
    ['POST', '/me/tokens', false],
    ['POST', '/me/sessions/revoke', false],
    ['GET', '/service-queue', false],
    ['GET', '/service-requests/r', false],
    ['PATCH', '/service-requests/r', false],
    ['POST', '/services', false],
    ['GET', '/audit/verify', false],
    ['GET', '/organisations', false],
    ['GET', '/some/route/added/later', false],
  ] as const)('%s %s: %s', (method, path, allowed) => {
    expect(allows(bound, method, path)).toBe(allowed);
    expect(allows(token('write'), method, path)).toBe(true);
  });
});
