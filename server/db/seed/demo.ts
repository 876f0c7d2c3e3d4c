/**
 * Seeds the demo cluster into an empty database (only with JALON_DEMO, see config.ts): organisations,
 * people with the demo password, projects and memberships, in one atomic batch.
 * Each project's live document (milestones, readiness) is written as its first snapshot, with
 * its relational projection, in the same batch.
 */
import { count } from 'drizzle-orm';
import * as Y from 'yjs';
import { docName, readProjectDoc, seedProjectDoc } from '../../../shared/doc/index.ts';
import type { AuditEntry } from '../../audit/audit-chain.ts';
import { commitAudited } from '../../audit/audited-commit.ts';
import { hashPassword } from '../../auth/password.ts';
import { flatten, markStatement, ROOTS, rowStatements } from '../../milestones/projection-rows.ts';
import type { Db } from '../client.ts';
import {
  account,
  clusterManagers,
  docSnapshots,
  organisationMembers,
  organisations,
  projectMembers,
  projectPartners,
  projects,
  user,
} from '../schema/index.ts';
import type { Statement } from '../writer.ts';
import {
  organisations as clusterOrgs,
  people as clusterPeople,
  projects as projectData,
} from './cluster.data.ts';
import { extraOrganisations, extraPeople, listedContacts } from './directory.data.ts';
import { directorySeed } from './directory.ts';
import { evidenceSeed } from './evidence.ts';
import { projectHistories } from './history.data.ts';
import type { ProjectSeed } from './types.ts';

export const DEMO_PASSWORD = 'jalon-demo-2026';

const orgData = [...clusterOrgs, ...extraOrganisations];
const people = [...clusterPeople, ...extraPeople];

export interface SeededDemo {
  userIds: Map<string, string>;
  projectIds: Map<string, string>;
  /** by project key, each milestone's id by its seed key */
  milestoneIds: Map<string, Map<string, string>>;
}

export interface DemoOptions {
  /**
   * The day the demo is seen (milestones fall due around it); by default the seed's own time.
   * Set when the demo is seeded at the start of its history (history.ts plays the rest).
   */
  present?: Date;
}

/** What a project looked like when the cluster opened, from its history (history.data.ts). */
export function projectStart(p: ProjectSeed): { stage: number; climbs: number } {
  const history = projectHistories.find((h) => h.project === p.key);
  if (!history) return { stage: p.stage, climbs: 0 };
  const goes = history.gates.filter((g) => g.outcome === 'go' || g.outcome === 'conditional_go');
  return { stage: history.startStage, climbs: goes.length + 1 };
}

/** A readiness level on the way up: `climbed` of the project's `climbs` steps up to `final`. */
export function levelOnTheWay(final: number, climbs: number, climbed: number): number {
  return Math.max(1, final - climbs + climbed);
}

export async function seedDemo(
  db: Db,
  clock: () => Date,
  options: DemoOptions = {},
): Promise<SeededDemo | null> {
  const [row] = await db.select({ n: count() }).from(organisations);
  if ((row?.n ?? 0) > 0) return null;
  const now = clock();
  const present = options.present ?? now;
  const withHistory = options.present !== undefined;
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
      db.insert(organisationMembers).values({
        organisationId: orgId(p.orgSlug),
        userId: id,
        title: p.title,
        listedAsContact: listedContacts.has(p.key),
        createdAt: now,
      }),
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
    const stage = withHistory ? projectStart(p).stage : p.stage;
    statements.push(
      db.insert(projects).values({
        id,
        title: p.title,
        summary: p.summary,
        frameworkId: p.track,
        stage,
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
      after: { title: p.title, track: p.track, stage },
      reason: 'demo cluster seed',
    });
  });

  const milestoneIds = new Map<string, Map<string, string>>();
  for (const p of projectData) {
    const written = seedProjectDocument(db, projectIds.get(p.key)!, p, userId, { now, present, withHistory });
    statements.push(...written.statements);
    milestoneIds.set(p.key, written.milestoneIds);
  }

  const projectId = (key: string) => {
    const id = projectIds.get(key);
    if (!id) throw new Error(`Demo data names an unknown project "${key}"`);
    return id;
  };
  const directory = directorySeed(db, { orgId, userId, projectId }, now, present, !withHistory);
  statements.push(...directory.statements);
  audit.push(...directory.audit);

  const cart = projectData.find((p) => p.key === EVIDENCE_PROJECT);
  if (cart) {
    const evidence = await evidenceSeed(
      db,
      {
        projectId: projectId(cart.key),
        frameworkId: cart.track,
        stage: withHistory ? projectStart(cart).stage : cart.stage,
        userId,
        milestoneId: (key) => milestoneIds.get(cart.key)?.get(key),
      },
      now,
    );
    statements.push(...evidence.statements);
    audit.push(...evidence.audit);
  }

  await commitAudited(db, statements, audit);
  return { userIds, projectIds, milestoneIds };
}

/** the project whose demo evidence files are seeded (server/db/seed/evidence.ts) */
const EVIDENCE_PROJECT = 'vct-201-cldn18-cart';

const DAY_MS = 86_400_000;

/**
 * A project's document as first written. With a history to come, the project starts lower:
 * every milestone still planned and each readiness level as many steps below today's as the
 * project climbs (history.ts moves them on).
 */
function seedProjectDocument(
  db: Db,
  projectId: string,
  p: ProjectSeed,
  userId: (key: string) => string,
  at: { now: Date; present: Date; withHistory: boolean },
): { statements: Statement[]; milestoneIds: Map<string, string> } {
  const { now, present, withHistory } = at;
  const doc = new Y.Doc();
  const lead = userId(p.members.find((m) => m.role === 'lead')?.who ?? p.members[0]!.who);
  const day = (offset: number) => new Date(present.getTime() + offset * DAY_MS).toISOString().slice(0, 10);
  const { climbs } = projectStart(p);
  const milestoneIds = seedProjectDoc(doc, {
    milestones: p.milestones.map((m) => ({
      key: m.key,
      title: m.title,
      description: m.description,
      owner: userId(m.owner),
      due: day(m.dueInDays),
      status: withHistory ? 'planned' : m.status,
      stage: m.stage,
      dimension: m.dimension,
      dependsOnKeys: m.dependsOn,
      createdBy: lead,
    })),
    readiness: Object.fromEntries(
      Object.entries(p.readiness).map(([dim, r]) => [
        dim,
        {
          level: withHistory ? levelOnTheWay(r.level, climbs, 0) : r.level,
          evidence: r.evidence,
          updatedBy: lead,
        },
      ]),
    ),
  });
  const flat = flatten(readProjectDoc(doc));
  const statements: Statement[] = [
    db.insert(docSnapshots).values({
      docName: docName(projectId),
      data: Buffer.from(Y.encodeStateAsUpdate(doc)),
      absorbed: 0,
      createdAt: now,
    }),
  ];
  for (const root of ROOTS)
    for (const [id, entry] of flat[root]) statements.push(...rowStatements(projectId, root, id, entry));
  // The rows reflect the snapshot, which no log row follows yet: the room loads dormant.
  statements.push(markStatement(projectId, 0));
  doc.destroy();
  return { statements, milestoneIds };
}
