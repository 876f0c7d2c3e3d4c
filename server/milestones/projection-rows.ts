/**
 * The rows a project document projects into (milestones, readiness, criterion checks), and the
 * document read in their shape: what the projection compares and writes, and what the demo seed
 * writes with a project's first snapshot.
 */
import { eq } from 'drizzle-orm';
import { docName, type Milestone, type ProjectDocData } from '../../shared/doc/index.ts';
import { criterionChecks, milestones, readiness } from '../db/schema/index.ts';
import type { Statement } from '../db/writer.ts';
import type { ServiceDeps } from '../deps.ts';
import { milestoneOfRow } from '../projects/project-milestones.ts';

export type Root = 'milestones' | 'readiness' | 'criteria';
export const ROOTS: Root[] = ['milestones', 'readiness', 'criteria'];
export const entityName: Record<Root, string> = {
  milestones: 'milestone',
  readiness: 'readiness',
  criteria: 'criterion',
};

export type Entry = Record<string, unknown>;
export type Flat = Record<Root, Map<string, Entry>>;

function emptyFlat(): Flat {
  return { milestones: new Map(), readiness: new Map(), criteria: new Map() };
}

/** A milestone as its row holds it. */
export function milestoneEntry(m: Milestone): Entry {
  return {
    id: m.id,
    title: m.title,
    description: m.description,
    owner: m.owner,
    due: m.due,
    status: m.status,
    stage: m.stage,
    dimension: m.dimension,
    dependsOn: m.dependsOn,
    order: m.order,
    updatedBy: m.updatedBy,
    updatedAt: m.updatedAt,
  };
}

export function flatten(data: ProjectDocData): Flat {
  return {
    milestones: new Map(data.milestones.map((m) => [m.id, milestoneEntry(m)])),
    readiness: new Map(Object.entries(data.readiness).map(([k, v]) => [k, { ...v } as Entry])),
    criteria: new Map(Object.entries(data.criteria).map(([k, v]) => [k, { ...v } as Entry])),
  };
}

export function markStatement(projectId: string, upto: number): Statement {
  return {
    sql: `INSERT INTO doc_projection_marks (doc_name, upto) VALUES (?, ?)
            ON CONFLICT (doc_name) DO UPDATE SET upto = excluded.upto`,
    args: [docName(projectId), upto],
  };
}

const UPSERT_MILESTONE = `INSERT INTO milestones
  (id, project_id, title, description, owner_id, due, status, stage, dimension, depends_on, position, updated_by, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (id) DO UPDATE SET project_id = excluded.project_id, title = excluded.title,
    description = excluded.description, owner_id = excluded.owner_id, due = excluded.due,
    status = excluded.status, stage = excluded.stage, dimension = excluded.dimension,
    depends_on = excluded.depends_on, position = excluded.position,
    updated_by = excluded.updated_by, updated_at = excluded.updated_at`;
const DELETE_MILESTONE = 'DELETE FROM milestones WHERE id = ? AND project_id = ?';
const UPSERT_READINESS = `INSERT INTO readiness (project_id, dimension, level, evidence, updated_by, updated_at)
  VALUES (?, ?, ?, ?, ?, ?)
  ON CONFLICT (project_id, dimension) DO UPDATE SET level = excluded.level,
    evidence = excluded.evidence, updated_by = excluded.updated_by, updated_at = excluded.updated_at`;
const DELETE_READINESS = 'DELETE FROM readiness WHERE project_id = ? AND dimension = ?';
const UPSERT_CRITERION = `INSERT INTO criterion_checks (project_id, criterion_id, checked, evidence, checked_by, checked_at)
  VALUES (?, ?, ?, ?, ?, ?)
  ON CONFLICT (project_id, criterion_id) DO UPDATE SET checked = excluded.checked,
    evidence = excluded.evidence, checked_by = excluded.checked_by, checked_at = excluded.checked_at`;
const DELETE_CRITERION = 'DELETE FROM criterion_checks WHERE project_id = ? AND criterion_id = ?';

const str = (v: unknown) => (typeof v === 'string' ? v : null);
const ms = (v: unknown) => (typeof v === 'number' ? v : null);

/**
 * A milestone's row, in the column order of UPSERT_MILESTONE, its values as the columns store
 * them (JSON as text, times in ms).
 */
export function milestoneRowValues(projectId: string, id: string, entry: Entry): (string | number | null)[] {
  return [
    id,
    projectId,
    String(entry.title ?? ''),
    String(entry.description ?? ''),
    str(entry.owner),
    str(entry.due),
    String(entry.status ?? 'planned'),
    Number(entry.stage ?? 0),
    str(entry.dimension),
    JSON.stringify(Array.isArray(entry.dependsOn) ? entry.dependsOn : []),
    typeof entry.order === 'string' ? entry.order : '',
    str(entry.updatedBy),
    typeof entry.updatedAt === 'number' ? entry.updatedAt : null,
  ];
}

/**
 * The statement that makes an entity's row what the document says (or deletes it). Written
 * out rather than built through drizzle: a busy project projects every second, and building
 * the upsert cost more than running it. Values as the schema's columns store them
 * (server/db/schema/maturation.ts): JSON as text, times in ms, booleans as 0/1.
 */
export function rowStatements(
  projectId: string,
  root: Root,
  id: string,
  entry: Entry | undefined,
): Statement[] {
  if (root === 'milestones') {
    if (!entry) return [{ sql: DELETE_MILESTONE, args: [id, projectId] }];
    return [{ sql: UPSERT_MILESTONE, args: milestoneRowValues(projectId, id, entry) }];
  }
  if (root === 'readiness') {
    if (!entry) return [{ sql: DELETE_READINESS, args: [projectId, id] }];
    return [
      {
        sql: UPSERT_READINESS,
        args: [
          projectId,
          id,
          Number(entry.level ?? 1),
          String(entry.evidence ?? ''),
          str(entry.updatedBy),
          ms(entry.updatedAt),
        ],
      },
    ];
  }
  if (!entry) return [{ sql: DELETE_CRITERION, args: [projectId, id] }];
  return [
    {
      sql: UPSERT_CRITERION,
      args: [
        projectId,
        id,
        entry.checked === true ? 1 : 0,
        String(entry.evidence ?? ''),
        str(entry.checkedBy),
        ms(entry.checkedAt),
      ],
    },
  ];
}

/** The rows as last projected, in the same flat shape as the document. */
export async function loadProjected(deps: ServiceDeps, projectId: string): Promise<Flat> {
  const [ms, rs, cs] = await Promise.all([
    deps.db.select().from(milestones).where(eq(milestones.projectId, projectId)),
    deps.db.select().from(readiness).where(eq(readiness.projectId, projectId)),
    deps.db.select().from(criterionChecks).where(eq(criterionChecks.projectId, projectId)),
  ]);
  const flat = emptyFlat();
  for (const m of ms) flat.milestones.set(m.id, milestoneOfRow(m));
  for (const r of rs)
    flat.readiness.set(r.dimension, {
      level: r.level,
      evidence: r.evidence,
      updatedBy: r.updatedBy,
      updatedAt: r.updatedAt?.getTime() ?? null,
    });
  for (const c of cs)
    flat.criteria.set(c.criterionId, {
      checked: c.checked,
      evidence: c.evidence,
      checkedBy: c.checkedBy,
      checkedAt: c.checkedAt?.getTime() ?? null,
    });
  return flat;
}
