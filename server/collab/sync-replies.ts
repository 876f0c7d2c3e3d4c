/**
 * The room's answers to state vectors (sync step 1), computed once per version of the document
 * and shared by everyone who asks with the same one: the cost of a join storm is one encoding.
 */
import * as Y from 'yjs';
import { DOC_EVENTS, encodeSync, SYNC_STEP1, SYNC_STEP2, SYNC_UPDATE } from '../../shared/protocol/index.ts';
import type { Connection } from './connection.ts';
import type { DocState } from './doc-state.ts';

/** distinct state vectors whose sync reply is kept for the current version of the document */
const MAX_CACHED_SYNC_REPLIES = 8;
/**
 * how long cached sync replies are kept once computed: long enough for a storm of joins, not
 * for the life of a quiet document (a reply to a new client is the whole document)
 */
export const SYNC_REPLY_TTL_MS = 10_000;

export class SyncReplies {
  /** this version's sync replies by requesting state vector, and its own state vector message */
  private replies = new Map<string, Uint8Array>();
  private expiry: ReturnType<typeof setTimeout> | null = null;
  private stateVectorMessage: Uint8Array | null = null;
  /**
   * The reply to a client with nothing while the room is awake, kept across versions for as long
   * as the other replies (SYNC_REPLY_TTL_MS): a repeated request gets what changed since `vector`,
   * then these same bytes (encoded once into a socket frame: shared/socket-parser.ts).
   */
  private fullReply: { reply: Uint8Array; vector: Uint8Array; changes: number } | null = null;

  constructor(
    private readonly name: string,
    private readonly state: DocState,
  ) {}

  /** The document's state vector as sync step 1 (what the room sends whoever joins). */
  stateVector(): Uint8Array {
    this.stateVectorMessage ??= encodeSync(SYNC_STEP1, this.state.stateVector());
    return this.stateVectorMessage;
  }

  /** A new version of the document: what was computed for the previous one no longer holds. */
  newVersion(): void {
    this.replies.clear();
    this.stateVectorMessage = null;
  }

  /** The document was rebuilt or let go: nothing computed from it holds. */
  reset(): void {
    this.replies.clear();
    this.fullReply = null;
    this.stateVectorMessage = null;
  }

  /**
   * Answers a connection's step 1, charged to its send budget: a client with nothing at an awake
   * room gets what changed since the shared full reply was encoded, then that reply (`fullReply`).
   */
  send(conn: Connection, stateVector: Uint8Array): void {
    const live = this.state.live;
    if (!live || stateVector.byteLength !== 1 || stateVector[0] !== 0) {
      const reply = this.reply(stateVector);
      conn.send(DOC_EVENTS.msg, this.name, reply);
      conn.limits.charge(reply.byteLength);
      return;
    }
    if (!this.fullReply) {
      const vector = Y.encodeStateVector(live);
      this.fullReply = {
        reply: encodeSync(SYNC_STEP2, Y.encodeStateAsUpdate(live)),
        vector,
        changes: this.state.changes,
      };
      this.expire();
    }
    const { reply, vector, changes } = this.fullReply;
    let bytes = reply.byteLength;
    // What changed since the shared reply was encoded goes first, as an update: a client counts
    // itself synced at the step 2, and must then hold the document as it is now. Yjs keeps an
    // update whose groundwork has not arrived, and applies it with the step 2 that brings it.
    if (changes !== this.state.changes) {
      const since = encodeSync(SYNC_UPDATE, this.state.diff(vector));
      conn.send(DOC_EVENTS.msg, this.name, since);
      bytes += since.byteLength;
    }
    conn.send(DOC_EVENTS.msg, this.name, reply);
    conn.limits.charge(bytes);
  }

  private expire(): void {
    if (this.expiry) return;
    this.expiry = setTimeout(() => {
      this.expiry = null;
      this.replies.clear();
      this.fullReply = null;
    }, SYNC_REPLY_TTL_MS);
    this.expiry.unref();
  }

  /** The step 2 answering `stateVector`, computed once per version of the document (kept a while). */
  private reply(stateVector: Uint8Array): Uint8Array {
    // A client with nothing (the usual join) at a dormant room: the stored state as it is.
    const dormantReply = this.state.dormantReply;
    if (dormantReply && Y.decodeStateVector(stateVector).size === 0) return dormantReply;
    const key = Buffer.from(stateVector.buffer, stateVector.byteOffset, stateVector.byteLength).toString(
      'latin1',
    );
    let reply = this.replies.get(key);
    if (!reply) {
      reply = encodeSync(SYNC_STEP2, this.state.diff(stateVector));
      if (this.replies.size >= MAX_CACHED_SYNC_REPLIES) this.replies.clear();
      this.replies.set(key, reply);
      this.expire();
    }
    return reply;
  }

  close(): void {
    if (this.expiry) clearTimeout(this.expiry);
  }
}
