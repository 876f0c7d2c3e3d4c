/**
 * Projects a project document into relational rows (milestones, readiness, criterion checks)
 * within about a second of a change, and writes one audit event per changed field, naming the
 * user whose update changed that entry last in the window. Rapid edits to one field in one
 * window (typing) become one event with the value before and after the window.
 *
 * A window costs what it touched, not the document: only the milestones its transactions
 * touched are read again and compared (readiness and criteria, a few entries, are read whole).
 * A window that creates or deletes a milestone reads every milestone, since each one's
 * dependencies read as the milestones that exist; so does a reconcile, the first window after
 * the rows were read, and the window after one of these that could not be written (a reconcile
 * that failed is made good by the next window).
 *
 * With several nodes, each node projects what its own connections changed. Changes applied from
 * another node (origin `remote`) only move this node's baseline: their rows, audit events and
 * announcements are the receiving node's to write, once.
 *
 * A projection follows a document while its room holds it built (server/collab/doc-state.ts):
 * from `start`, when the room loads or wakes, to `stop`, when it goes dormant or closes. On a
 * single node it records with its rows how far they reflect the document's log (its mark, schema:
 * doc_projection_marks): a room whose log has nothing above the mark starts `current`, with the
 * document as its baseline and nothing read; otherwise the rows are read and reconciled with the
 * document (after a crash between a commit and its projection, or with several nodes), in the
 * background: the room answers its first join meanwhile.
 */
import type * as Y from 'yjs';
import { readMaturation, readMilestoneById, readProjectDoc } from '../../shared/doc/index.ts';
import type { AuditEntry } from '../audit/audit-chain.ts';
import { commitAudited } from '../audit/audited-commit.ts';
import { REMOTE } from '../collab/origins.ts';
import type { Projection } from '../collab/projection.ts';
import type { Statement } from '../db/writer.ts';
import type { ServiceDeps } from '../deps.ts';
import {
  entityName,
  type Flat,
  flatten,
  loadProjected,
  markStatement,
  milestoneEntry,
  ROOTS,
  type Root,
  rowStatements,
} from './projection-rows.ts';

export const PROJECTION_DELAY_MS = 250;
export const PROJECTION_MAX_DELAY_MS = 1000;

export function createProjection(deps: ServiceDeps, projectId: string): Projection {
  let doc: Y.Doc | null = null;
  /** the rows as last written; null until they are read (a reconcile that has not run or failed) */
  let projected: Flat | null = null;
  let markOf: () => number | null = () => null;
  /** the mark last written or read: not written again until the document holds more */
  let writtenMark: number | null = null;
  /** entity key `root/id` → the user who last changed it in this window */
  const authors = new Map<string, string | null>();
  /** entity keys that a change made on this node touched in this window */
  const local = new Set<string>();
  /**
   * the next window reads every milestone, not only those it touched: one was created or
   * deleted (a milestone's dependencies read as those that exist), or a window that read them
   * all could not be written
   */
  let readAll = false;
  let timer: NodeJS.Timeout | null = null;
  let firstDirtyAt = 0;
  let running: Promise<void> = Promise.resolve();
  let rootNames = new Map<Y.AbstractType<unknown>, Root>();

  /**
   * Projects PROJECTION_DELAY_MS after the last change, or PROJECTION_MAX_DELAY_MS after the
   * first one of the window, whichever comes first. A change only notes its time: the timer,
   * once armed, moves itself when it fires early (re-arming it on every change cost more).
   */
  let lastDirtyAt = 0;
  const due = () => Math.min(lastDirtyAt + PROJECTION_DELAY_MS, firstDirtyAt + PROJECTION_MAX_DELAY_MS);
  const arm = (wait: number) => {
    timer = setTimeout(() => {
      const left = due() - Date.now();
      if (left > 0) {
        arm(left);
        return;
      }
      timer = null;
      // A failed write (the database busy or gone) is logged and tried again with the next window.
      flush().catch((err) => {
        deps.log.error({ err, projectId }, 'could not project a document; will retry');
        schedule();
      });
    }, wait);
  };
  const schedule = () => {
    lastDirtyAt = Date.now();
    if (timer) return;
    firstDirtyAt = lastDirtyAt;
    arm(PROJECTION_DELAY_MS);
  };

  const follow = (d: Y.Doc) => {
    doc = d;
    rootNames = new Map(ROOTS.map((r) => [d.getMap(r) as Y.AbstractType<unknown>, r]));
  };

  const flush = (withMark = false): Promise<void> => {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    running = running.then(
      () => project(null, withMark),
      () => project(null, withMark),
    );
    return running;
  };

  /** Diffs the document against the last projection and commits rows and audit entries. */
  async function project(reason: string | null, withMark = false): Promise<void> {
    if (!doc) return;
    // Every log row up to the mark is in the document now, so in what is flattened below.
    const mark = markOf();
    // Rows read now (a reconcile that has not run or failed) may differ anywhere: compare all.
    const readRows = projected === null;
    projected ??= await loadProjected(deps, projectId);
    const baseline = projected;
    if (!doc) return;
    const window = new Map(authors);
    const localWindow = new Set(local);
    const all = readAll || readRows || reason !== null;
    authors.clear();
    local.clear();
    readAll = false;
    const touched = all ? null : touchedMilestones(window);
    const current = touched ? readTouched(doc, baseline, touched) : flatten(readProjectDoc(doc));
    const at = deps.clock();
    const statements: Statement[] = [];
    const audit: AuditEntry[] = [];
    for (const root of ROOTS) {
      const before = baseline[root];
      const after = current[root];
      const ids = root === 'milestones' && touched ? touched : new Set([...before.keys(), ...after.keys()]);
      for (const id of ids) {
        const b = before.get(id);
        const a = after.get(id);
        if (sameJson(a, b)) continue;
        // Another node's change: that node writes its rows and audits it.
        if (!reason && window.has(`${root}/${id}`) && !localWindow.has(`${root}/${id}`)) continue;
        statements.push(...rowStatements(projectId, root, id, a));
        const actorId = window.get(`${root}/${id}`) ?? (reason ? null : lastAuthor(window));
        const base = {
          at,
          actorId,
          actorOrganisationId: null,
          projectId,
          entity: entityName[root],
          entityId: id,
          reason,
        };
        if (!b) audit.push({ ...base, action: 'create', field: null, before: null, after: a });
        else if (!a) audit.push({ ...base, action: 'delete', field: null, before: b, after: null });
        else
          for (const field of new Set([...Object.keys(b), ...Object.keys(a)])) {
            if (field === 'updatedAt' || field === 'updatedBy' || sameJson(a[field], b[field])) continue;
            audit.push({
              ...base,
              action: 'update',
              field,
              before: b[field] ?? null,
              after: a[field] ?? null,
            });
          }
      }
    }
    const newMark = mark !== null && mark !== writtenMark;
    if (newMark && (statements.length > 0 || withMark || reason))
      statements.push(markStatement(projectId, mark));
    if (statements.length === 0) {
      projected = current;
      return;
    }
    try {
      await commitAudited(deps.db, statements, audit);
    } catch (err) {
      // Keep who changed what for the next attempt (newer changes keep their own authors).
      for (const [key, author] of window) if (!authors.has(key)) authors.set(key, author);
      for (const key of localWindow) local.add(key);
      if (all) readAll = true;
      throw err;
    }
    projected = current;
    if (newMark) writtenMark = mark;
    if (audit.length) deps.events.emit('project.changed', { projectId, contentOnly: true });
  }

  return {
    start(d, current, mark) {
      follow(d);
      markOf = mark;
      if (current) {
        projected = flatten(readProjectDoc(d));
        writtenMark = mark();
        return;
      }
      // Anything the rows miss (a crash between commit and projection) is reconciled now; a
      // failure leaves the rows to be read again by the next projection.
      projected = null;
      running = running
        .then(() => project('reconciled with the document on load'))
        .catch((err) => {
          deps.log.error({ err, projectId }, 'could not reconcile a document with its rows; will retry');
          schedule();
        });
    },
    noteTransaction(tr) {
      if (!doc || tr.origin === 'load') return;
      const userId = originUser(tr.origin);
      const remote = tr.origin === REMOTE;
      let touched = false;
      for (const [type, keys] of tr.changed) {
        const root = rootNames.get(type as Y.AbstractType<unknown>);
        if (root === 'milestones') readAll = true;
        const entities = root
          ? [...keys].flatMap((key) => (key ? [`${root}/${key}`] : []))
          : [entityOf(type as Y.AbstractType<unknown>, rootNames)].filter((e) => e !== null);
        for (const entity of entities) {
          touched = true;
          if (remote) {
            if (!authors.has(entity)) authors.set(entity, null);
            continue;
          }
          authors.set(entity, userId);
          local.add(entity);
        }
      }
      if (touched) schedule();
    },
    follow,
    flush,
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
      doc = null;
      projected = null;
      authors.clear();
      local.clear();
      readAll = false;
    },
  };
}

function originUser(origin: unknown): string | null {
  if (origin && typeof origin === 'object' && 'actor' in origin)
    return (origin as { actor: { id: string } }).actor.id;
  if (origin && typeof origin === 'object' && 'userId' in origin)
    return (origin as { userId: string }).userId;
  return null;
}

function lastAuthor(window: Map<string, string | null>): string | null {
  let last: string | null = null;
  for (const v of window.values()) last = v ?? last;
  return last;
}

/** `root/entryId` for a type nested anywhere under a root entry. */
function entityOf(type: Y.AbstractType<unknown>, roots: Map<Y.AbstractType<unknown>, Root>): string | null {
  let t: Y.AbstractType<unknown> | null = type;
  for (let depth = 0; t && depth < 64; depth++) {
    const item: Y.Item | null = t._item;
    if (!item) return null;
    const parent = item.parent as Y.AbstractType<unknown>;
    const root = roots.get(parent);
    if (root) return item.parentSub ? `${root}/${item.parentSub}` : null;
    t = parent;
  }
  return null;
}

/** The ids of the milestones a window touched (its keys are `root/id`). */
function touchedMilestones(window: Map<string, string | null>): Set<string> {
  const ids = new Set<string>();
  for (const key of window.keys())
    if (key.startsWith('milestones/')) ids.add(key.slice('milestones/'.length));
  return ids;
}

/**
 * The projection as `baseline` with the `touched` milestones read again from the document
 * (those that no longer read as a milestone removed), and readiness and criteria read whole
 * (a few entries each): O(what the window touched), not O(document).
 */
function readTouched(doc: Y.Doc, baseline: Flat, touched: Set<string>): Flat {
  const milestones = new Map(baseline.milestones);
  for (const id of touched) {
    const m = readMilestoneById(doc, id);
    if (m) milestones.set(id, milestoneEntry(m));
    else milestones.delete(id);
  }
  const rest = flatten({ milestones: [], ...readMaturation(doc) });
  return { milestones, readiness: rest.readiness, criteria: rest.criteria };
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Records the document's projection mark (see the header). */
