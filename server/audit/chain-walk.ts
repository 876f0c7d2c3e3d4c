/**
 * The checks of audit verification, over rows already read: the entries in `seq` order, a page
 * at a time, each page followed by the checkpoints that fall within it. Every break is noted
 * and the walk goes on, so one damaged entry never hides another (shared/schemas/audit.ts
 * names the kinds).
 */
import {
  type ChainBreak,
  type ChainBreakKind,
  type ChainReport,
  MAX_REPORTED_BREAKS,
} from '../../shared/schemas/audit.ts';
import { chainHash, GENESIS_HASH } from './audit-chain.ts';
import { type AuditPublicKey, type SignedCheckpoint, signatureHolds } from './signing-key.ts';

/** An entry as stored: its text columns as text, `before` and `after` still JSON text. */
export interface StoredEntry {
  seq: number;
  at: number;
  actorId: string | null;
  actorOrganisationId: string | null;
  projectId: string | null;
  entity: string;
  entityId: string;
  action: string;
  field: string | null;
  before: string | null;
  after: string | null;
  reason: string | null;
  prevHash: string;
  hash: string;
}

export type StoredCheckpoint = Omit<SignedCheckpoint, 'kind'> & { kind: string };

export class ChainWalk {
  readonly #keys: Map<string, AuditPublicKey>;
  readonly #breaks: ChainBreak[] = [];
  #breakCount = 0;
  #entries = 0;
  #last: { seq: number; hash: string } | null = null;
  /** this page's hashes by seq, for its checkpoints */
  #pageHashes = new Map<number, string>();
  #checkpoints = 0;
  #verified = 0;
  #lastGood: { seq: number; at: number } | null = null;
  /** the furthest seq a checkpoint with a good signature names, matching or not */
  #lastSigned = 0;
  /** checkpoints that stopped matching, since the last one that matched */
  #mismatch: { from: number; first: number; count: number } | null = null;
  #beyond: { from: number; to: number; at: number } | null = null;

  constructor(keys: readonly AuditPublicKey[]) {
    this.#keys = new Map(keys.map((k) => [k.keyId, k]));
  }

  entry(row: StoredEntry): void {
    this.#entries++;
    const expected = (this.#last?.seq ?? 0) + 1;
    const gap = row.seq > expected;
    if (gap)
      this.#note(
        'missing',
        expected,
        `entries ${range(expected, row.seq - 1)} are missing: the chain goes from ${expected - 1} to ${row.seq}`,
        row.seq - 1,
      );
    else if (row.prevHash !== (this.#last?.hash ?? GENESIS_HASH))
      this.#note(
        'unlinked',
        row.seq,
        `entry ${row.seq} does not chain to ${expected === 1 ? 'the start of the chain' : `entry ${expected - 1}`}: an entry was inserted, removed or moved here`,
      );
    this.#checkContent(row);
    this.#last = { seq: row.seq, hash: row.hash };
    this.#pageHashes.set(row.seq, row.hash);
  }

  /** The checkpoints of the page just walked (seq up to its last entry), in seq order. */
  checkpointsOfPage(checkpoints: readonly StoredCheckpoint[]): void {
    for (const c of checkpoints) {
      if (!this.#signed(c)) continue;
      const hash = this.#pageHashes.get(c.seq);
      if (hash === undefined) continue; // the entry is missing, reported as such
      this.#lastSigned = Math.max(this.#lastSigned, c.seq);
      if (hash === c.hash) {
        this.#verified++;
        this.#lastGood = { seq: c.seq, at: c.at };
        this.#closeMismatch();
      } else if (this.#mismatch) this.#mismatch.count++;
      else this.#mismatch = { from: (this.#lastGood?.seq ?? 0) + 1, first: c.seq, count: 1 };
    }
    this.#pageHashes = new Map();
  }

  /** Checkpoints past the last entry: each one that holds vouches for entries that are gone. */
  checkpointsBeyondEnd(checkpoints: readonly StoredCheckpoint[]): void {
    const end = this.#last?.seq ?? 0;
    for (const c of checkpoints) {
      if (!this.#signed(c)) continue;
      this.#lastSigned = Math.max(this.#lastSigned, c.seq);
      if (!this.#beyond || c.seq > this.#beyond.to) this.#beyond = { from: end + 1, to: c.seq, at: c.at };
    }
  }

  report(): ChainReport {
    this.#closeMismatch();
    const end = this.#last?.seq ?? 0;
    if (this.#beyond)
      this.#note(
        'truncated',
        this.#beyond.from,
        `entries ${range(this.#beyond.from, this.#beyond.to)} are gone: a checkpoint signed ${iso(this.#beyond.at)} vouches for entry ${this.#beyond.to}, and the chain ends at ${end}`,
        this.#beyond.to,
      );
    else if (end > this.#lastSigned)
      this.#note(
        'unanchored',
        this.#lastSigned + 1,
        `entries ${range(this.#lastSigned + 1, end)} come after the last signed checkpoint: nothing vouches that the server wrote them`,
        end,
      );
    const breaks = [...this.#breaks].sort((a, b) => a.seq - b.seq);
    return {
      ok: this.#breakCount === 0,
      entries: this.#entries,
      breaks,
      moreBreaks: this.#breakCount > breaks.length,
      firstBrokenAt: breaks[0]?.seq ?? null,
      checkpoints: {
        total: this.#checkpoints,
        verified: this.#verified,
        lastGood: this.#lastGood && { seq: this.#lastGood.seq, at: iso(this.#lastGood.at) },
      },
    };
  }

  #checkContent(row: StoredEntry): void {
    let before: unknown;
    let after: unknown;
    try {
      before = row.before === null ? null : JSON.parse(row.before);
      after = row.after === null ? null : JSON.parse(row.after);
    } catch (err) {
      this.#note(
        'unparsable',
        row.seq,
        `entry ${row.seq}: its stored JSON does not parse (${(err as Error).message})`,
      );
      return;
    }
    const { seq: _seq, prevHash, hash, at, ...fields } = row;
    if (chainHash(prevHash, { ...fields, at: new Date(at), before, after }) !== hash)
      this.#note('edited', row.seq, `entry ${row.seq} does not match its hash: its content was changed`);
  }

  /** Whether the checkpoint's signature holds (noting it if not); counts every checkpoint. */
  #signed(c: StoredCheckpoint): boolean {
    this.#checkpoints++;
    const key = this.#keys.get(c.keyId);
    if (!key) {
      this.#note(
        'unknown_key',
        c.seq,
        `the checkpoint of entry ${c.seq} is signed by key ${c.keyId}, not a key of this server`,
      );
      return false;
    }
    if (!signatureHolds(key, c)) {
      this.#note(
        'bad_signature',
        c.seq,
        `the checkpoint of entry ${c.seq} (${c.kind}) has a signature that does not hold`,
      );
      return false;
    }
    return true;
  }

  #closeMismatch(): void {
    const m = this.#mismatch;
    if (!m) return;
    this.#mismatch = null;
    this.#note(
      'rechained',
      m.from,
      `entries ${range(m.from, m.first)} no longer match the checkpoint signed for entry ${m.first}: one of them was changed and the hashes after it recomputed (${m.count} checkpoint${m.count === 1 ? '' : 's'} from there on do not match)`,
      m.first,
    );
  }

  #note(kind: ChainBreakKind, seq: number, detail: string, through?: number): void {
    this.#breakCount++;
    if (this.#breaks.length >= MAX_REPORTED_BREAKS) return;
    this.#breaks.push(
      through !== undefined && through !== seq ? { seq, through, kind, detail } : { seq, kind, detail },
    );
  }
}

const range = (from: number, to: number) => (from === to ? `${from}` : `${from} to ${to}`);
const iso = (ms: number) => (Number.isFinite(ms) ? new Date(ms).toISOString() : String(ms));
