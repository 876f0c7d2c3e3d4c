/**
 * Projects a project document into relational rows (milestones, readiness, criterion checks)
 * within about a second of a change, and writes one audit event per changed field, naming the
 * person whose update made that change: within a window, each entity's changes are cut into
 * runs of one author (author-runs.ts), and each run's changes are that author's. Rapid edits to
 * one field by one person (typing) become one event with the value before and after their run.
 *
 * A window costs what it touched, not the document: only the milestones its transactions
 * touched are read again and compared (readiness and criteria, a few entries, are read whole).
 * A window that creates or deletes a milestone also reads the milestones whose dependencies
 * name it, since dependencies read as the milestones that exist (found by a look at each
 * milestone's list of ids, without reading it). A reconcile reads every milestone, and so does
 * the window after one that could not be written, or after one that created or deleted one.
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
 * background: the room answers its first join meanwhile. What a reconcile finds is named after
 * the authors in the update log (log-authors.ts).
 */
import type * as Y from 'yjs';
import { docName, readProjectDoc } from '../../shared/doc/index.ts';
import type { AuditEntry } from '../audit/audit-chain.ts';
import { commitAudited } from '../audit/audited-commit.ts';
import type { Projection } from '../collab/projection.ts';
import type { Statement } from '../db/writer.ts';
import type { ServiceDeps } from '../deps.ts';
import { activityStatement } from '../projects/project-activity.ts';
import { type Author, AuthorRuns, chainOf, NO_ONE, OTHER_NODE, type Step } from './author-runs.ts';
import { entryChanges, sameJson } from './entry-changes.ts';
import { attributeLog, type LogAuthors, NO_LOG_AUTHORS, readLogAboveMark } from './log-authors.ts';
import {
  authorOf,
  dependentsOf,
  entityOf,
  milestoneIds,
  readEntries,
  readTouched,
} from './projection-read.ts';
import {
  type Entry,
  entityName,
  type Flat,
  flatten,
  loadProjected,
  markStatement,
  ROOTS,
  type Root,
  rowStatements,
} from './projection-rows.ts';
import { REASONS, type Reconciled, reconciledEntries } from './reconcile-entries.ts';

/**
 * Lets the event loop read the sockets and send the relays queued meanwhile (a relay goes out
 * with the turn's immediates, which a timer runs after) before a window's next part: a window's
 * reading and diffing, its audited commit (chain hashes, signed checkpoint) and its announcement
 * each block the loop for a while, and a relay waiting behind all three is the fan-out's tail.
 */
const yieldToRelays = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export const PROJECTION_DELAY_MS = 250;
export const PROJECTION_MAX_DELAY_MS = 1000;

export function createProjection(deps: ServiceDeps, projectId: string): Projection {
  let doc: Y.Doc | null = null;
  /** the rows as last written; null until they are read (a reconcile that has not run or failed) */
  let projected: Flat | null = null;
  let markOf: () => number | null = () => null;
  /** the mark last written or read: not written again until the document holds more */
  let writtenMark: number | null = null;
  /** who changed which entity in this window */
  const runs = new AuthorRuns();
  /**
   * the next window reads every milestone, not only those it touched: a window that read them
   * all, or that created or deleted one, could not be written
   */
  let readAll = false;
  /** milestones created or deleted in this window: those that depend on them are read too */
  let structural = new Set<string>();
  /** the rows are to be reconciled with the document as loaded (until that is written) */
  let reconciling = false;
  /** the document as loaded, read before the first change after a load that needs reconciling */
  let loaded: Flat | null = null;
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

  /** Before each transaction: a change of author closes the run (author-runs.ts). */
  const beforeTransaction = (tr: Y.Transaction) => {
    const d = doc;
    if (!d || tr.origin === 'load') return;
    try {
      if (reconciling && !loaded) loaded = flatten(readProjectDoc(d));
      runs.begin(authorOf(tr.origin), (keys) => readEntries(d, keys));
    } catch (err) {
      // Never let the projection's bookkeeping break an update: the window reads whole instead.
      deps.log.error({ err, projectId }, 'could not note who changed the document');
      readAll = true;
    }
  };

  const follow = (d: Y.Doc) => {
    doc?.off('beforeTransaction', beforeTransaction);
    doc = d;
    d.on('beforeTransaction', beforeTransaction);
    rootNames = new Map(ROOTS.map((r) => [d.getMap(r) as Y.AbstractType<unknown>, r]));
  };

  const flush = (withMark = false): Promise<void> => {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    running = running.then(
      () => project(withMark),
      () => project(withMark),
    );
    return running;
  };

  /** Diffs the document against the last projection and commits rows and audit entries. */
  async function project(withMark = false): Promise<void> {
    if (!doc) return;
    // Every log row up to the mark is in the document now, so in what is flattened below.
    const mark = markOf();
    // Rows read now (a reconcile that has not run or failed) may differ anywhere: compare all.
    const readRows = projected === null;
    projected ??= await loadProjected(deps, projectId);
    const baseline = projected;
    const d = doc;
    if (!d) return;
    const reconcile = reconciling;
    const taken = runs.take();
    const all = readAll || readRows || reconcile;
    readAll = false;
    const added = structural;
    structural = new Set();
    const noted = [...taken.closed.keys(), ...taken.open];
    const touched = all ? null : milestoneIds(noted);
    if (touched) for (const id of dependentsOf(d, added)) touched.add(id);
    const current = touched ? readTouched(d, baseline, touched) : flatten(readProjectDoc(d));
    // On a reconcile, the rows are first brought to the document as loaded (its changes named
    // from the log), then the changes made since follow as in any window.
    const asLoaded = reconcile ? (loaded ?? current) : null;
    const at = deps.clock();
    const statements: Statement[] = [];
    // entries, and in their place the differences a reconcile names from the log
    const audit: (AuditEntry | Reconciled)[] = [];
    let fromLog = false;
    const chains = new Map<string, Step[]>();
    for (const root of ROOTS) {
      const before = baseline[root];
      const after = current[root];
      // (an entity created and deleted within the window is in neither reading, only noted)
      const ids =
        root === 'milestones' && touched
          ? touched
          : new Set([
              ...before.keys(),
              ...after.keys(),
              ...(asLoaded?.[root].keys() ?? []),
              ...idsUnder(root, noted),
            ]);
      for (const id of ids) {
        const key = `${root}/${id}`;
        const b = before.get(id);
        const a = after.get(id);
        const isNoted = taken.closed.has(key) || taken.open.has(key);
        const start = asLoaded ? asLoaded[root].get(id) : b;
        // What changed an entity that no run touched: a milestone added or removed (the others'
        // dependencies read as the milestones that exist), else nothing the window explains.
        const otherwise: Author = root === 'milestones' ? (taken.structural ?? NO_ONE) : NO_ONE;
        const chain: Step[] = isNoted ? chainOf(taken, key, a, otherwise) : [{ author: otherwise, entry: a }];
        if (isNoted) chains.set(key, chain);
        // Another node's change: that node writes its rows and audits it.
        if (!reconcile && isNoted && !taken.local.has(key)) continue;
        if (!sameJson(a, b)) statements.push(...rowStatements(projectId, root, id, a));
        const base = { at, actorOrganisationId: null, projectId, entity: entityName[root], entityId: id };
        if (asLoaded && !sameJson(b, start)) {
          audit.push({ key, before: b, after: start, base });
          fromLog = true;
        }
        let prev: Entry | undefined = start;
        for (const { author, entry } of chain) {
          if (author !== OTHER_NODE)
            for (const change of entryChanges(prev, entry))
              audit.push({
                ...base,
                ...change,
                ...(author === NO_ONE
                  ? { actorId: null, reason: REASONS.unexplained }
                  : { actorId: author, reason: null }),
              });
          prev = entry;
        }
      }
    }
    const authors = fromLog ? await logAuthors() : NO_LOG_AUTHORS;
    // Stopped meanwhile: what was not written is dropped (a copy followed instead is written).
    if (!doc) return;
    const entries = audit.flatMap((e) => ('key' in e ? reconciledEntries(e, authors) : [e]));
    // What the window changed is the project's latest activity for everyone who may see it (the
    // document is read whole by every viewer): one statement per window, not per update.
    if (entries.length > 0) statements.push(activityStatement(deps.db, projectId, 'project.view', at));
    if (statements.length > 0 || entries.length > 0) {
      await yieldToRelays();
      // Stopped meanwhile: what was not written is dropped (a copy followed instead is written).
      if (!doc) return;
    }
    const newMark = mark !== null && mark !== writtenMark;
    if (newMark && (statements.length > 0 || entries.length > 0 || withMark || reconcile))
      statements.push(markStatement(projectId, mark));
    if (statements.length > 0 || entries.length > 0) {
      try {
        await commitAudited(deps.db, statements, entries);
      } catch (err) {
        // Keep who changed what for the next attempt (newer changes keep their own authors).
        runs.restore(chains, taken);
        // (the dependents of what was created or deleted are not noted: read them all again)
        if (all || added.size > 0) readAll = true;
        throw err;
      }
    }
    projected = current;
    reconciling = false;
    loaded = null;
    if (newMark) writtenMark = mark;
    if (entries.length) {
      await yieldToRelays();
      deps.events.emit('project.changed', { projectId, contentOnly: true });
    }
  }

  /** Who made what the log holds above the mark (nobody known, if it cannot be read). */
  async function logAuthors(): Promise<LogAuthors> {
    try {
      const rows = await readLogAboveMark(deps, docName(projectId));
      // located in the document followed now (the same, or an equal copy of it)
      return doc ? attributeLog(doc, rootNames, rows) : NO_LOG_AUTHORS;
    } catch (err) {
      deps.log.error({ err, projectId }, 'could not read the update log to name who changed what');
      return NO_LOG_AUTHORS;
    }
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
      reconciling = true;
      loaded = null;
      running = running
        .then(() => project())
        .catch((err) => {
          deps.log.error({ err, projectId }, 'could not reconcile a document with its rows; will retry');
          schedule();
        });
    },
    noteTransaction(tr) {
      if (!doc || tr.origin === 'load') return;
      const local = authorOf(tr.origin) !== OTHER_NODE;
      let touched = false;
      for (const [type, keys] of tr.changed) {
        const root = rootNames.get(type as Y.AbstractType<unknown>);
        if (root === 'milestones') {
          for (const key of keys) if (key) structural.add(key);
          runs.touchStructure();
        }
        if (root) {
          for (const key of keys) if (key) runs.touch(`${root}/${key}`, local);
          touched ||= keys.size > 0;
          continue;
        }
        const entity = entityOf(type as Y.AbstractType<unknown>, rootNames);
        if (entity) {
          runs.touch(entity, local);
          touched = true;
        }
      }
      if (touched) schedule();
    },
    follow,
    flush,
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
      doc?.off('beforeTransaction', beforeTransaction);
      doc = null;
      projected = null;
      runs.clear();
      readAll = false;
      structural = new Set();
      reconciling = false;
      loaded = null;
    },
  };
}

/** The ids of the entities of `root` among entity keys (`root/id`). */
function idsUnder(root: Root, keys: readonly string[]): string[] {
  const prefix = `${root}/`;
  return keys.filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
}
