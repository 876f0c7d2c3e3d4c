/**
 * The audit entries of what a reconcile finds: the rows as last written differ from the
 * document as loaded, and the update log says who made each difference (log-authors.ts).
 *
 * A plain field (a status, a stage, a title still a legacy string) is replayed from the values
 * the rows set it to, so that each person's change is an entry of its own, named after them, as
 * it would have been live (one person's consecutive values are one entry). A field holding text
 * (a title, a description, evidence: typed character by character) or a list, and
 * one whose replay does not end where the document is (edits that crossed), is one entry, named
 * after whoever made its value. An entity created in that stretch is created as its creator
 * wrote it, and the later changes others made to it follow as their own entries.
 */
import type { AuditEntry } from '../audit/audit-chain.ts';
import { BOOKKEEPING, type EntryChange, entryChanges, sameJson } from './entry-changes.ts';
import type { LogAuthors, SetValue } from './log-authors.ts';
import type { Entry } from './projection-rows.ts';

/** The reasons an entry gives when its author was not seen live. */
export const REASONS = {
  /** a change found on load (after a crash), named after its update in the log */
  fromLog: 'recorded after a restart, from the update log',
  /** a change found on load that no update in the log explains */
  unexplainedOnLoad: 'recorded after a restart; no update in the log explains this change',
  /** a change no update of the window explains */
  unexplained: 'no update explains this change',
} as const;

/** The differences of one entity, to be named once the log is read. */
export interface Reconciled {
  key: string;
  before: Entry | undefined;
  after: Entry | undefined;
  base: Pick<AuditEntry, 'at' | 'actorOrganisationId' | 'projectId' | 'entity' | 'entityId'>;
}

/** The entries of one entity's differences, each named after the update that made it. */
export function reconciledEntries(r: Reconciled, authors: LogAuthors): AuditEntry[] {
  const out: AuditEntry[] = [];
  const push = (change: EntryChange, by: string | null | undefined) =>
    out.push({
      ...r.base,
      ...change,
      actorId: by ?? null,
      reason: by === undefined ? REASONS.unexplainedOnLoad : REASONS.fromLog,
    });
  const { before, after } = r;
  if (!before && after) {
    // Created: as its creator wrote it, then what others changed, field by field.
    const created: Entry = { ...after };
    const later: { field: string; steps: Step[] }[] = [];
    for (const field of Object.keys(after)) {
      if (BOOKKEEPING.has(field)) continue;
      const set = authors.valuesOf(r.key, field);
      if (!set || set.length < 2) continue;
      const steps = replay(set[0]!.value, after[field], set.slice(1));
      if (!steps) continue;
      created[field] = set[0]!.value;
      later.push({ field, steps });
    }
    push({ action: 'create', field: null, before: null, after: created }, authors.ofEntity(r.key));
    for (const { field, steps } of later)
      for (const s of steps) push({ action: 'update', field, before: s.before, after: s.after }, s.author);
    return out;
  }
  for (const change of entryChanges(before, after)) {
    if (change.action !== 'update' || !change.field) {
      push(change, authors.ofEntity(r.key));
      continue;
    }
    const field = change.field;
    const set = authors.valuesOf(r.key, field);
    const steps = set && replay(change.before, change.after, set, true);
    if (steps) {
      for (const s of steps) push({ ...change, before: s.before, after: s.after }, s.author);
      continue;
    }
    let by = authors.ofField(r.key, field);
    // a milestone's dependencies read as the milestones that exist: one added or removed
    if (by === undefined && field === 'dependsOn') by = authors.structure;
    push(change, by);
  }
  return out;
}

interface Step {
  author: string | null;
  before: unknown;
  after: unknown;
}

/**
 * The changes from `from` to `to` as the rows `set` them, one per run of one author; null if
 * they do not end at `to`. `resume`: the rows may begin before `from` was written (the mark can
 * lag behind the rows), so the replay starts after the last row that set `from`.
 */
function replay(from: unknown, to: unknown, set: readonly SetValue[], resume = false): Step[] | null {
  let start = 0;
  if (resume)
    for (let i = set.length - 1; i >= 0; i--)
      if (sameJson(set[i]!.value, from)) {
        start = i + 1;
        break;
      }
  const steps: Step[] = [];
  let value = from;
  for (const { author, value: next } of set.slice(start)) {
    if (sameJson(next, value)) continue;
    const last = steps[steps.length - 1];
    if (last && last.author === author) last.after = next;
    else steps.push({ author, before: value, after: next });
    value = next;
  }
  if (!sameJson(value, to)) return null;
  return steps.filter((s) => !sameJson(s.before, s.after));
}
