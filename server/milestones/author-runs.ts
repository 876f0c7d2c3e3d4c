/**
 * Who changed which entity, in order, within one projection window. Transactions come in runs
 * of one author; at each change of author, the entities the run touched are read as it left
 * them and kept as a closed step of that author. At projection time each entity reads as a
 * chain (the rows as last written → each step → the document now), and each link names its
 * own author: two people editing one milestone within a window are each named for their own
 * fields, and one person's rapid edits (typing) still make one entry per field.
 *
 * The cost stays where the author changes: a transaction by the author of the run only adds
 * the keys it touched to a set; a change of author reads the entities touched since the last
 * one (usually one or two), never the document.
 */
import type { Entry } from './projection-rows.ts';

/** Changes applied from another node: that node audits them; here they only move the baseline. */
export const OTHER_NODE: unique symbol = Symbol('another node');

/** Changes no noted transaction explains (the projection names the system, and says so). */
export const NO_ONE: unique symbol = Symbol('no one');

/** A user id; null for the system (a change the server made for no one). */
export type Author = string | null | typeof OTHER_NODE | typeof NO_ONE;

/** An entity as one author's run left it (undefined: it no longer exists). */
export interface Step {
  author: Author;
  entry: Entry | undefined;
}

/** What a window noted, taken to be projected. */
export interface TakenWindow {
  /** per entity key (`root/id`), its closed steps in order */
  closed: Map<string, Step[]>;
  /** the entities changed by the run still open, and its author */
  open: Set<string>;
  openAuthor: Author;
  /** entities a change made on this node touched */
  local: Set<string>;
  /** the author of the last change that added or removed a milestone, if any */
  structural: Author | undefined;
}

/** Reads entities as the document holds them now (undefined: absent), by key. */
export type ReadEntries = (keys: Iterable<string>) => Map<string, Entry | undefined>;

export class AuthorRuns {
  /** the author of the run under way (the last transaction's) */
  private runAuthor: Author = null;
  /** entities touched since the last change of author */
  private sinceCut = new Set<string>();
  private closed = new Map<string, Step[]>();
  private local = new Set<string>();
  private structural: Author | undefined = undefined;

  /**
   * A transaction by `author` begins (undefined: an origin of no author, such as Yjs's own
   * follow-up, which continues the run). A different author closes the run: its entities are
   * read now, before this transaction changes them.
   */
  begin(author: Author | undefined, read: ReadEntries): void {
    if (author === undefined || author === this.runAuthor) return;
    if (this.sinceCut.size > 0) {
      for (const [key, entry] of read(this.sinceCut)) this.close(key, { author: this.runAuthor, entry });
      this.sinceCut = new Set();
    }
    this.runAuthor = author;
  }

  /** The running transaction touched `key`; `local`: it was made on this node. */
  touch(key: string, local: boolean): void {
    this.sinceCut.add(key);
    if (local) this.local.add(key);
  }

  /** The running transaction added or removed a milestone. */
  touchStructure(): void {
    this.structural = this.runAuthor;
  }

  /** Takes what was noted; the run under way goes on, with nothing touched yet. */
  take(): TakenWindow {
    const taken: TakenWindow = {
      closed: this.closed,
      open: this.sinceCut,
      openAuthor: this.runAuthor,
      local: this.local,
      structural: this.structural,
    };
    this.closed = new Map();
    this.sinceCut = new Set();
    this.local = new Set();
    this.structural = undefined;
    return taken;
  }

  /**
   * Puts back a window that could not be written, its chains ending at the document as it was
   * read then: they come before whatever was noted since.
   */
  restore(chains: Map<string, Step[]>, taken: TakenWindow): void {
    const later = this.closed;
    this.closed = new Map();
    for (const [key, steps] of chains) for (const step of steps) this.close(key, step);
    for (const [key, steps] of later) for (const step of steps) this.close(key, step);
    for (const key of taken.local) this.local.add(key);
    this.structural ??= taken.structural;
  }

  /** Forgets everything (the projection stops). */
  clear(): void {
    this.take();
    this.runAuthor = null;
  }

  /** Appends a step to an entity's chain; a step by the author of the last one replaces it. */
  private close(key: string, step: Step): void {
    const steps = this.closed.get(key);
    const last = steps?.[steps.length - 1];
    if (last && last.author === step.author) last.entry = step.entry;
    else if (steps) steps.push({ ...step });
    else this.closed.set(key, [{ ...step }]);
  }
}

/**
 * An entity's chain in a taken window: its closed steps, then the open run's changes up to
 * `current` (or, if the open run did not touch it, whatever else changed it since, named
 * `otherwise`). Consecutive steps by one author are one.
 */
export function chainOf(
  taken: TakenWindow,
  key: string,
  current: Entry | undefined,
  otherwise: Author,
): Step[] {
  const steps = (taken.closed.get(key) ?? []).map((s) => ({ ...s }));
  const author = taken.open.has(key) ? taken.openAuthor : otherwise;
  const last = steps[steps.length - 1];
  if (last && last.author === author) last.entry = current;
  else steps.push({ author, entry: current });
  return steps;
}
