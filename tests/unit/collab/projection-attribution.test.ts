/**
 * Property: whatever the interleaving of several people's updates to one document, the audit
 * entries the projection writes name, for each change, the person whose update made it. The
 * model: for each entity, its changes are cut into runs of one author; each run is one entry per
 * field it changed (rapid edits by one person coalesce), naming that author.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { type Entry, flatten, milestoneEntry } from '../../../server/milestones/projection-rows.ts';
import {
  createMilestone,
  deleteMilestone,
  readMaturation,
  readMilestoneById,
  setReadinessLevel,
  updateMilestone,
} from '../../../shared/doc/index.ts';
import { type Client, join, nextTurn, send, sync } from './engine.ts';
import {
  auditAfter,
  lastSeq,
  newProject,
  openProjectedRoom,
  openProjectionDb,
  type ProjectionDb,
} from './projection-room.ts';

const WHO = ['a', 'b', 'c'] as const;
type Who = (typeof WHO)[number];
const DIMENSIONS = ['technology', 'team'] as const;

type Op =
  | { kind: 'rename'; who: Who; target: number; title: string }
  | { kind: 'status'; who: Who; target: number; status: 'planned' | 'in_progress' | 'done' }
  | { kind: 'describe'; who: Who; target: number; text: string }
  | { kind: 'create'; who: Who; title: string }
  | { kind: 'delete'; who: Who; target: number }
  | { kind: 'level'; who: Who; dimension: (typeof DIMENSIONS)[number]; level: number }
  | { kind: 'flush' };

const who = fc.constantFrom(...WHO);
const target = fc.nat(5);
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('rename'), who, target, title: fc.constantFrom('A', 'B', 'C') }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('status'),
      who,
      target,
      status: fc.constantFrom('planned', 'in_progress', 'done'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('describe'),
      who,
      target,
      text: fc.constantFrom('x', 'xy', 'z'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('create'), who, title: fc.constantFrom('N1', 'N2') }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete'), who, target }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('level'),
      who,
      dimension: fc.constantFrom(...DIMENSIONS),
      level: fc.integer({ min: 1, max: 3 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'flush' as const }) },
) as fc.Arbitrary<Op>;

/** One change to an entity: who made it, and the entity before and after. */
interface Touch {
  author: string;
  before: Entry | undefined;
  after: Entry | undefined;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const entityName = { milestones: 'milestone', readiness: 'readiness' } as const;

/** The entries the model expects of one window: per entity, one run of one author at a time. */
function expectedEntries(touches: Map<string, Touch[]>): string[] {
  const out: string[] = [];
  for (const [key, list] of touches) {
    const [root, id] = key.split('/') as ['milestones' | 'readiness', string];
    const runs: Touch[] = [];
    for (const t of list) {
      const last = runs[runs.length - 1];
      if (last && last.author === t.author) last.after = t.after;
      else runs.push({ ...t });
    }
    for (const run of runs) {
      const { before: b, after: a } = run;
      const head = `${entityName[root]}|${id}`;
      if (sameJson(a, b)) continue;
      if (!b) out.push(`${head}|create||${run.author}`);
      else if (!a) out.push(`${head}|delete||${run.author}`);
      else
        for (const field of new Set([...Object.keys(b), ...Object.keys(a)])) {
          if (field === 'updatedAt' || field === 'updatedBy' || sameJson(a[field], b[field])) continue;
          out.push(
            `${head}|update|${field}|${run.author}|${JSON.stringify(b[field] ?? null)}|${JSON.stringify(a[field] ?? null)}`,
          );
        }
    }
  }
  return out;
}

function written(row: {
  entity: string;
  entityId: string;
  action: string;
  field: string | null;
  actorId: string | null;
  before: unknown;
  after: unknown;
}): string {
  const head = `${row.entity}|${row.entityId}|${row.action}|${row.field ?? ''}|${row.actorId}`;
  return row.action === 'update'
    ? `${head}|${JSON.stringify(row.before ?? null)}|${JSON.stringify(row.after ?? null)}`
    : head;
}

let db: ProjectionDb;
beforeAll(async () => {
  db = await openProjectionDb();
});
afterAll(() => db?.close());

/** Runs `ops` on a new project's room and checks the audit entries against the model. */
async function checkInterleaving(ops: Op[]): Promise<void> {
  const projectId = await newProject(db);
  const { room, projection } = await openProjectedRoom(db, projectId);
  const clients = Object.fromEntries(WHO.map((w) => [w, join(room, w)])) as Record<Who, Client>;
  for (const c of Object.values(clients)) sync(room, c);
  // two milestones to start from, projected before the interleaving begins
  for (const title of ['M1', 'M2'])
    send(room, clients.a, (d) => void createMilestone(d, { title, status: 'planned', stage: 0 }, 'a'));
  await nextTurn();
  await projection.flush();
  const from = await lastSeq(db);

  const read = (key: string): Entry | undefined => {
    const [root, id] = key.split('/') as ['milestones' | 'readiness', string];
    if (root === 'milestones') {
      const m = readMilestoneById(room.doc, id);
      return m ? milestoneEntry(m) : undefined;
    }
    return flatten({ milestones: [], ...readMaturation(room.doc) }).readiness.get(id);
  };
  const expected: string[] = [];
  let window = new Map<string, Touch[]>();
  const ids = () => [...room.doc.getMap('milestones').keys()].sort();

  for (const o of ops) {
    if (o.kind === 'flush') {
      await projection.flush();
      expected.push(...expectedEntries(window));
      window = new Map();
      continue;
    }
    const client = clients[o.who];
    const existing = ids();
    let key: string | null = null;
    let edit: ((d: Y.Doc) => void) | null = null;
    if (o.kind === 'create') {
      edit = (d) => {
        const made = createMilestone(d, { title: o.title, status: 'planned', stage: 0 }, o.who);
        key = `milestones/${made}`;
      };
    } else if (o.kind === 'level') {
      key = `readiness/${o.dimension}`;
      edit = (d) => setReadinessLevel(d, o.dimension, o.level, o.who);
    } else if (existing.length > 0) {
      const id = existing[o.target % existing.length]!;
      key = `milestones/${id}`;
      if (o.kind === 'rename') edit = (d) => updateMilestone(d, id, { title: o.title }, o.who);
      else if (o.kind === 'status') edit = (d) => updateMilestone(d, id, { status: o.status }, o.who);
      else if (o.kind === 'describe') edit = (d) => updateMilestone(d, id, { description: o.text }, o.who);
      else edit = (d) => void deleteMilestone(d, id);
    }
    if (!edit) continue;
    const before = key ? read(key) : undefined;
    const sent = send(room, client, edit);
    expect(sent.refused).toBeNull();
    await nextTurn();
    if (!key) continue;
    const touch = { author: `user-${o.who}`, before, after: read(key) };
    // (an update can carry nothing new: a delete set the document already holds)
    if (sameJson(touch.before, touch.after)) continue;
    const list = window.get(key);
    if (list) list.push(touch);
    else window.set(key, [touch]);
  }
  await projection.flush();
  expected.push(...expectedEntries(window));
  const entries = await auditAfter(db, projectId, from);
  await room.close();
  expect(entries.map(written).sort()).toEqual(expected.sort());
}

describe('attribution of audit entries to the authors of the updates', () => {
  it('names the author of every change, whatever the interleaving', async () => {
    await fc.assert(fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 24 }), checkInterleaving), {
      numRuns: 40,
    });
  }, 120_000);
});
