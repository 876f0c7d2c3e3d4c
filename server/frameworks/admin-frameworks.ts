/**
 * The administration's list of tracks: each lineage with its versions, newest first, who made
 * each and why, and how many projects were started on each (archived ones too).
 */
import { count, eq } from 'drizzle-orm';
import type { AdminTrack } from '../../shared/schemas/frameworks.ts';
import { requireClusterAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { frameworks, projects, user } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';

export async function listAdminTracks(deps: ServiceDeps, actor: Actor): Promise<AdminTrack[]> {
  requireClusterAction(deps, actor, 'framework.manage');
  const { db } = deps;
  const [rows, counts] = await Promise.all([
    db
      .select({ f: frameworks, by: { id: user.id, name: user.name } })
      .from(frameworks)
      .leftJoin(user, eq(user.id, frameworks.createdBy))
      .orderBy(frameworks.createdAt, frameworks.id),
    db.select({ frameworkId: projects.frameworkId, n: count() }).from(projects).groupBy(projects.frameworkId),
  ]);
  const projectsOn = new Map(counts.map((c) => [c.frameworkId, c.n]));
  const lineages = [...new Set(rows.map((r) => r.f.lineage))];
  return lineages.map((lineage) => {
    const versions = rows.filter((r) => r.f.lineage === lineage).sort((a, b) => b.f.version - a.f.version);
    return {
      lineage,
      versions: versions.map((r, i) => ({
        id: r.f.id,
        version: r.f.version,
        current: i === 0,
        name: { en: r.f.nameEn, fr: r.f.nameFr },
        changeNote: r.f.changeNote,
        createdAt: r.f.createdAt.toISOString(),
        createdBy: r.by?.id ? { id: r.by.id, name: r.by.name } : null,
        projectCount: projectsOn.get(r.f.id) ?? 0,
      })),
    };
  });
}
