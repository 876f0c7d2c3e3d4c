/**
 * Seeds the demo cluster into an empty database (never when JALON_DEMO=0): organisations,
 * people with the demo password, projects and memberships, in one atomic batch.
 * The live content of each project (milestones, readiness) is seeded by the document store.
 */
import { count } from 'drizzle-orm';
import type { AuditEntry } from '../../audit/audit-chain.ts';
import { hashPassword } from '../../auth/password.ts';
import type { Db } from '../client.ts';
import {
  account,
  clusterManagers,
  organisationMembers,
  organisations,
  projectMembers,
  projectPartners,
  projects,
  user,
} from '../schema/index.ts';
import { commit, type Statement } from '../writer.ts';
import { organisations as orgData, people, projects as projectData } from './cluster.data.ts';

export const DEMO_PASSWORD = 'jalon-demo-2026';

export interface SeededDemo {
  userIds: Map<string, string>;
  projectIds: Map<string, string>;
}

export async function seedDemo(db: Db, clock: () => Date): Promise<SeededDemo | null> {
  const [row] = await db.select({ n: count() }).from(organisations);
  if ((row?.n ?? 0) > 0) return null;
  const now = clock();
  const statements: Statement[] = [];
  const audit: AuditEntry[] = [];

  const orgIds = new Map(orgData.map((o) => [o.slug, crypto.randomUUID()]));
  const orgId = (slug: string) => {
    const id = orgIds.get(slug);
    if (!id) throw new Error(`Demo data names an unknown organisation "${slug}"`);
    return id;
  };
  statements.push(
    db.insert(organisations).values(
      orgData.map((o) => ({
        id: orgId(o.slug),
        slug: o.slug,
        name: o.name,
        kind: o.kind,
        founder: o.founder,
        parentId: o.parentSlug ? orgId(o.parentSlug) : null,
        descriptionEn: o.description.en,
        descriptionFr: o.description.fr,
        focusAreas: o.focusAreas,
        createdAt: now,
      })),
    ),
  );

  const userIds = new Map(people.map((p) => [p.key, crypto.randomUUID()]));
  const userId = (key: string) => {
    const id = userIds.get(key);
    if (!id) throw new Error(`Demo data names an unknown person "${key}"`);
    return id;
  };
  const hashes = await Promise.all(people.map(() => hashPassword(DEMO_PASSWORD)));
  people.forEach((p, i) => {
    const id = userId(p.key);
    statements.push(
      db
        .insert(user)
        .values({ id, name: p.name, email: p.email, emailVerified: true, createdAt: now, updatedAt: now }),
      db.insert(account).values({
        id: crypto.randomUUID(),
        accountId: id,
        providerId: 'credential',
        userId: id,
        password: hashes[i] ?? null,
        createdAt: now,
        updatedAt: now,
      }),
      db
        .insert(organisationMembers)
        .values({ organisationId: orgId(p.orgSlug), userId: id, title: p.title, createdAt: now }),
    );
    if (p.key === 'manager')
      statements.push(db.insert(clusterManagers).values({ userId: id, grantedAt: now }));
  });

  const projectIds = new Map(projectData.map((p) => [p.key, crypto.randomUUID()]));
  projectData.forEach((p, i) => {
    const id = projectIds.get(p.key)!;
    // Spread the demo's last-change times so the portfolio has a believable order.
    const updatedAt = new Date(now.getTime() - i * 3_600_000);
    const lead = p.members.find((m) => m.role === 'lead');
    statements.push(
      db.insert(projects).values({
        id,
        title: p.title,
        summary: p.summary,
        frameworkId: p.track,
        stage: p.stage,
        leadOrganisationId: orgId(p.leadOrgSlug),
        listedInDirectory: p.listedInDirectory,
        archived: false,
        createdBy: lead ? userId(lead.who) : null,
        createdAt: now,
        updatedAt,
      }),
      db.insert(projectMembers).values(
        p.members.map((m) => ({
          projectId: id,
          userId: userId(m.who),
          role: m.role,
          addedBy: null,
          addedAt: now,
        })),
      ),
    );
    if (p.partners.length)
      statements.push(
        db
          .insert(projectPartners)
          .values(p.partners.map((x) => ({ projectId: id, organisationId: orgId(x.orgSlug), role: x.role }))),
      );
    audit.push({
      at: now,
      actorId: null,
      actorOrganisationId: null,
      projectId: id,
      entity: 'project',
      entityId: id,
      action: 'create',
      field: null,
      before: null,
      after: { title: p.title, track: p.track, stage: p.stage },
      reason: 'demo cluster seed',
    });
  });

  await commit(db, statements, audit);
  return { userIds, projectIds };
}
