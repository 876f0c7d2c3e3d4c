/** Reads projects into the shapes of shared/schemas/projects.ts. */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { OrganisationKind, PartnerRole, ProjectRole } from '../../shared/domain.ts';
import type { ProjectSummary } from '../../shared/schemas/projects.ts';
import type { Db } from '../db/client.ts';
import { organisations, projectPartners, type projects } from '../db/schema/index.ts';

type ProjectRow = typeof projects.$inferSelect;
type OrgRow = typeof organisations.$inferSelect;

export const orgRef = (o: Pick<OrgRow, 'id' | 'name' | 'kind'>) => ({
  id: o.id,
  name: o.name,
  kind: o.kind as OrganisationKind,
});

export function toSummary(p: ProjectRow, leadOrg: OrgRow, myRole: string | null): ProjectSummary {
  return {
    id: p.id,
    title: p.title,
    summary: p.summary,
    track: p.frameworkId,
    stage: p.stage,
    leadOrganisation: orgRef(leadOrg),
    myRole: (myRole as ProjectRole | null) ?? null,
    listedInDirectory: p.listedInDirectory,
    archived: p.archived,
    onHoldUntil: p.onHoldUntil ?? null,
    updatedAt: p.updatedAt.toISOString(),
  };
}

export async function loadPartners(db: Db, projectId: string) {
  const rows = await db
    .select({ org: organisations, role: projectPartners.role })
    .from(projectPartners)
    .innerJoin(organisations, eq(organisations.id, projectPartners.organisationId))
    .where(eq(projectPartners.projectId, projectId))
    .orderBy(organisations.name);
  return rows.map((r) => ({ organisation: orgRef(r.org), role: r.role as PartnerRole }));
}

export async function loadOrganisation(db: Db, id: string): Promise<OrgRow | undefined> {
  const [org] = await db.select().from(organisations).where(eq(organisations.id, id)).limit(1);
  return org;
}

/** Of these organisations, those that exist and are not deactivated: the ones a project may name. */
export async function activeOrganisationIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(inArray(organisations.id, ids), isNull(organisations.deactivatedAt)));
  return new Set(rows.map((r) => r.id));
}
