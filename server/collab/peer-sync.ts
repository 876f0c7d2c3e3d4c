/**
 * The room's copy of the document among several nodes (server/realtime/cluster.ts carries the
 * messages). Each turn's validated updates are published to the other nodes under a tag, before
 * their commit, and the log rows they became after it; the other nodes apply them to their copy
 * and relay them to their own connections. A node knows which log rows its copy holds: every row
 * up to `through`, and the ids in `known` above it (its own, and those of tags it applied). It
 * reads whatever else the database has (a lost message, a node that died between commit and
 * publish) at once when rows arrive for a tag it never heard, before it compacts, on the periodic
 * check (server/realtime/io.ts) and whenever its link to the other nodes comes back: a gap is
 * repaired from the database, never kept.
 *
 * The other way round, a node that dies between publish and commit leaves the others holding
 * updates that no row records. Until a tag's rows are announced, a room keeps its updates: a
 * client's step 2 (its answer to our state vector, which counts them as held) is acknowledged
 * only once they are committed, and a room that hears no rows for them within a grace period
 * (RoomOptions) appends them to the log itself (a duplicate row is harmless to Yjs).
 */
import * as Y from 'yjs';
import type { Logger } from '../log.ts';
import type { CheckedApply } from './checked-apply.ts';
import { type DocState, maxId } from './doc-state.ts';
import type { DocStore, LogRow } from './doc-store.ts';
import { REMOTE } from './origins.ts';
import { NO_PEERS, type RoomPeers } from './peers.ts';

/** how many tags of other nodes' updates a room remembers having applied */
const MAX_HEARD_TAGS = 4096;

/** Another node's updates, applied here, whose rows it has not announced yet. */
interface Unconfirmed {
  update: Uint8Array;
  heardAt: number;
  /** acks waiting for these updates to be in the log */
  waiters: (() => void)[];
  /** this node is appending them itself */
  writing: boolean;
}

/** What the room does once a row of its own is committed (count it, compact if it is time). */
export type OnCommitted = (id: number, update: Uint8Array, tag: string) => void;

export class PeerSync {
  /** the document holds every log row with an id up to `through`, and those in `known` */
  private through = 0;
  private known = new Set<number>();
  private catchingUp: Promise<void> | null = null;
  private catchUpAgain = false;
  /** committed rows not yet announced to the other nodes, by tag */
  private unannounced = new Map<string, number[]>();
  /** tags of other nodes' updates applied here (their rows are then held once committed) */
  private heardTags = new Set<string>();
  /** other nodes' updates applied here and not known to be committed, by tag, oldest first */
  private unconfirmed = new Map<string, Unconfirmed>();
  private takeOverTimer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;

  constructor(
    private readonly name: string,
    private readonly store: DocStore,
    private readonly log: Logger,
    private readonly peers: RoomPeers,
    private readonly remoteCommitGraceMs: number,
    private readonly state: DocState,
    private readonly checked: CheckedApply,
    private readonly onCommitted: OnCommitted,
  ) {}

  /** The store's `through` when the document was read. */
  loaded(through: number): void {
    this.through = through;
  }

  /** Whether reads or commits for other nodes' updates are under way (the room stays awake). */
  get busy(): boolean {
    return this.catchingUp !== null || this.unconfirmed.size > 0;
  }

  /** A log row of ours is committed: the copy holds it; the other nodes are told. */
  committed(id: number, tag: string): void {
    this.known.add(id);
    this.state.heldMax = Math.max(this.state.heldMax, id);
    if (this.peers === NO_PEERS) return;
    const ids = this.unannounced.get(tag);
    if (ids) ids.push(id);
    else this.unannounced.set(tag, [id]);
    // The commits of one group commit resolve together: announce them in one message.
    if (this.unannounced.size === 1 && !ids) setImmediate(() => this.announce());
  }

  private announce(): void {
    const rows = [...this.unannounced];
    this.unannounced = new Map();
    if (rows.length && !this.closed) this.peers.committed(this.name, rows);
  }

  /**
   * Updates another node applied, under `tag`: applied here and relayed to this node's
   * connections. If they depend on something this node lacks, the database is read at once.
   */
  applyRemote(tag: string, update: Uint8Array): void {
    this.applyRows([{ id: -1, data: update }]);
    this.heardTags.add(tag);
    if (this.heardTags.size > MAX_HEARD_TAGS) this.heardTags.delete(this.heardTags.values().next().value!);
    this.unconfirmed.set(tag, { update, heardAt: Date.now(), waiters: [], writing: false });
    this.scheduleTakeOver();
    const store = this.state.doc.store;
    if (store.pendingStructs !== null || store.pendingDs !== null) void this.catchUp();
  }

  /**
   * The rows another node's updates became. Those whose update was applied here are held; if
   * one was never heard (a lost message), the database is read at once.
   */
  noteRemoteRows(rows: [tag: string, ids: number[]][]): void {
    let lost = false;
    for (const [tag, ids] of rows) {
      if (!this.heardTags.has(tag)) {
        lost = true;
        continue;
      }
      for (const id of ids) if (id > this.through) this.known.add(id);
      this.state.heldMax = maxId(this.state.heldMax, ids);
      this.confirm(tag);
    }
    if (lost) void this.catchUp();
  }

  /** A tag's updates are in the log: acks waiting for them go out. */
  private confirm(tag: string): void {
    const entry = this.unconfirmed.get(tag);
    if (!entry) return;
    this.unconfirmed.delete(tag);
    for (const wake of entry.waiters) wake();
  }

  /** Resolves once every other node's update applied here so far is in the log. */
  othersCommitted(): Promise<void> {
    if (this.unconfirmed.size === 0) return Promise.resolve();
    const entries = [...this.unconfirmed.values()];
    return Promise.all(entries.map((e) => new Promise<void>((wake) => e.waiters.push(wake)))).then(
      () => undefined,
    );
  }

  /** Arms the timer for the oldest unconfirmed updates' grace to run out. */
  private scheduleTakeOver(): void {
    if (this.takeOverTimer || this.closed) return;
    for (const entry of this.unconfirmed.values()) {
      if (entry.writing) continue;
      const grace = this.remoteCommitGraceMs;
      const wait = Math.max(0, entry.heardAt + grace - Date.now());
      this.takeOverTimer = setTimeout(() => {
        this.takeOverTimer = null;
        this.takeOver(Date.now() - grace);
      }, wait);
      this.takeOverTimer.unref();
      return;
    }
  }

  /**
   * Appends to the log the other nodes' updates heard before `heardBefore` whose rows never
   * came (their node died before committing, most likely), announced under their tags.
   */
  takeOver(heardBefore: number): Promise<void> {
    const due = [...this.unconfirmed].filter(([, e]) => !e.writing && e.heardAt <= heardBefore);
    if (due.length)
      this.log.warn(
        { doc: this.name, updates: due.length },
        "another node's updates were not committed; committing them here",
      );
    const writes = due.map(async ([tag, entry]) => {
      entry.writing = true;
      try {
        const id = await this.store.append(this.name, entry.update, null);
        this.onCommitted(id, entry.update, tag);
        this.confirm(tag);
      } catch (err) {
        this.log.error({ err, doc: this.name }, "could not commit another node's updates; trying again");
        entry.writing = false;
        entry.heardAt = Date.now();
      }
    });
    this.scheduleTakeOver();
    return Promise.all(writes).then(() => this.scheduleTakeOver());
  }

  /** The rows this room's copy holds up to (every row at or below it, whatever the document). */
  get heldThrough(): number {
    return this.through;
  }

  /**
   * Checks the copy against the document's log rows above `heldThrough` as read at `through`:
   * false if some are missing (the caller then catches up); else the copy holds every row up
   * to `through`, which becomes its mark.
   */
  holdsAll(ids: readonly number[], through: number): boolean {
    if (ids.some((id) => id > this.through && !this.known.has(id))) return false;
    this.through = Math.max(this.through, through);
    for (const id of this.known) if (id <= this.through) this.known.delete(id);
    return true;
  }

  /**
   * Reads the document's log rows this node does not hold yet (another node's, whatever the
   * way they were missed) and applies them. Calls made while one runs are served by one more.
   */
  catchUp(): Promise<void> {
    if (this.catchingUp) {
      this.catchUpAgain = true;
      return this.catchingUp;
    }
    const run = async () => {
      do {
        this.catchUpAgain = false;
        const { rows, through } = await this.store.since(this.name, this.through, this.known);
        if (this.closed) return;
        if (rows.length) {
          this.log.debug({ doc: this.name, rows: rows.length }, 'caught up with the database');
          this.applyRows(rows);
        }
        this.through = Math.max(this.through, through);
        for (const id of this.known) if (id <= this.through) this.known.delete(id);
      } while (this.catchUpAgain && !this.closed);
    };
    this.catchingUp = run()
      .catch((err) => this.log.error({ err, doc: this.name }, 'could not catch up with the database'))
      .finally(() => {
        this.catchingUp = null;
      });
    return this.catchingUp;
  }

  /** Applies committed rows from elsewhere in one transaction, and relays what they changed. */
  private applyRows(rows: LogRow[]): void {
    const doc = this.state.doc;
    this.checked.applyTrusted(() => {
      for (const row of rows) Y.applyUpdate(doc, row.data, REMOTE);
    }, REMOTE);
    this.state.heldMax = maxId(
      this.state.heldMax,
      rows.map((r) => r.id),
    );
  }

  /** Stops timers and announcements: the room is closing (a take-over still commits). */
  close(): void {
    this.closed = true;
    if (this.takeOverTimer) clearTimeout(this.takeOverTimer);
  }
}
