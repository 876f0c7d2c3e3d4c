/**
 * The programme office's list of people: every account with its organisations, status and
 * rights, searched by name, address or organisation, accent-insensitive, a page at a time; or
 * only the single sign-on accounts not seen for SSO_UNSEEN_DAYS days.
 *
 * The search folds accents in JavaScript (shared/portfolio-filter.ts `fold`), over one read of
 * the accounts: SQLite's lower() leaves accents alone, and a cluster counts people in the
 * thousands, which one query and one pass read in milliseconds. Only a page goes back.
 */
import { eq, inArray } from 'drizzle-orm';
import type { PeoplePage, PeopleQuery, PersonSummary } from '../../shared/schemas/people.ts';
import { requireClusterAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import {
  account,
  clusterManagers,
  organisationMembers,
  organisations,
  ssoProvider,
  user,
} from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { matchesPerson, sortPeople, statusMatches } from './people.rules.ts';

export async function listPeople(deps: ServiceDeps, actor: Actor, query: PeopleQuery): Promise<PeoplePage> {
  requireClusterAction(deps, actor, 'people.view');
  const everyone = await summariesOf(deps.db);
  const now = deps.clock();
  const matching = sortPeople(
    everyone.filter((p) => statusMatches(p, query.status, now) && matchesPerson(p, query.q)),
  );
  return {
    people: matching.slice(query.offset, query.offset + query.limit),
    total: matching.length,
    offset: query.offset,
    limit: query.limit,
  };
}

/** People with their organisations and rights; `ids` limits it to those accounts. */
export async function summariesOf(db: Db, ids?: string[]): Promise<PersonSummary[]> {
  const [accounts, orgs, managers, sso] = await Promise.all([
    db
      .select({
        id: user.id,
        name: user.name,
        email: user.email,
        deactivatedAt: user.deactivatedAt,
        erasedAt: user.erasedAt,
        lastSignInAt: user.lastSignInAt,
      })
      .from(user)
      .where(ids ? inArray(user.id, ids) : undefined),
    db
      .select({ userId: organisationMembers.userId, id: organisations.id, name: organisations.name })
      .from(organisationMembers)
      .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
      .where(ids ? inArray(organisationMembers.userId, ids) : undefined)
      .orderBy(organisations.name),
    db
      .select({ userId: clusterManagers.userId })
      .from(clusterManagers)
      .where(ids ? inArray(clusterManagers.userId, ids) : undefined),
    // accounts linked to an organisation's single sign-on connection
    db
      .selectDistinct({ userId: account.userId })
      .from(account)
      .innerJoin(ssoProvider, eq(ssoProvider.providerId, account.providerId))
      .where(ids ? inArray(account.userId, ids) : undefined),
  ]);
  const orgsOf = new Map<string, { id: string; name: string }[]>();
  for (const o of orgs) orgsOf.set(o.userId, [...(orgsOf.get(o.userId) ?? []), { id: o.id, name: o.name }]);
  const manager = new Set(managers.map((m) => m.userId));
  const bySso = new Set(sso.map((a) => a.userId));
  return accounts.map((a) => ({
    id: a.id,
    name: a.name,
    email: a.email,
    organisations: orgsOf.get(a.id) ?? [],
    clusterManager: manager.has(a.id),
    deactivatedAt: a.deactivatedAt?.toISOString() ?? null,
    erasedAt: a.erasedAt?.toISOString() ?? null,
    lastSignInAt: a.lastSignInAt?.toISOString() ?? null,
    sso: bySso.has(a.id),
  }));
}
