/**
 * Folds a document's log into a snapshot once it holds `compactRows` rows or `compactBytes`
 * bytes, so that a load reads one snapshot and a short log. One compaction at a time per room;
 * rows committed while it runs count towards the next.
 */
import type { Logger } from '../log.ts';
import type { DocState } from './doc-state.ts';
import type { DocStore, LogRow } from './doc-store.ts';
import type { RoomOptions } from './room-options.ts';

/** What a compaction needs of the room's place among the nodes (peer-sync.ts). */
export interface HeldRows {
  /** reads and applies the rows the copy lacks */
  catchUp(): Promise<void>;
  /** every log row up to this one is in the copy */
  readonly heldThrough: number;
}

export class Compactor {
  /** log rows and bytes written since the last compaction (what triggers the next) */
  private rows = 0;
  private bytes = 0;
  private compacting: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly name: string,
    private readonly store: DocStore,
    private readonly log: Logger,
    private readonly options: Pick<RoomOptions, 'compactRows' | 'compactBytes'>,
    private readonly state: DocState,
    private readonly held: HeldRows,
  ) {}

  /** The log as loaded. */
  loaded(updates: readonly LogRow[]): void {
    this.rows = updates.length;
    this.bytes = updates.reduce((n, u) => n + u.data.byteLength, 0);
  }

  /** Whether a compaction is under way (the room stays awake). */
  get busy(): boolean {
    return this.compacting !== null;
  }

  /** A row of `bytes` was committed to the log. */
  noteRow(bytes: number): void {
    this.rows += 1;
    this.bytes += bytes;
    this.maybeCompact();
  }

  maybeCompact(): void {
    if (this.compacting || this.closed) return;
    if (this.rows < this.options.compactRows && this.bytes < this.options.compactBytes) return;
    this.compacting = this.compact().finally(() => {
      this.compacting = null;
      // Rows committed while it ran may have reached the threshold again.
      this.maybeCompact();
    });
  }

  /** Resolves once no compaction is under way (one started meanwhile included). */
  async compacted(): Promise<void> {
    while (this.compacting) await this.compacting;
  }

  /**
   * Folds the log rows the document holds into a new snapshot, in one transaction: first reads
   * any row it lacks, so that the snapshot holds every row up to `through`.
   */
  async compact(): Promise<void> {
    try {
      await this.held.catchUp();
      if (this.closed) return;
      const [rows, bytes] = [this.rows, this.bytes];
      const written = await this.store.compact(this.name, this.state.encodeState(), this.held.heldThrough);
      this.rows -= rows;
      this.bytes -= bytes;
      if (!written) this.log.debug({ doc: this.name }, 'another node had compacted further');
    } catch (err) {
      this.log.error({ err, doc: this.name }, 'compaction failed; the log is kept as it is');
    }
  }

  /** Starts no more compactions: the room is closing. */
  close(): void {
    this.closed = true;
  }
}
