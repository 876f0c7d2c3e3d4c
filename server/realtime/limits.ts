/**
 * What one connection, and one user, may make the server do beyond their own input: how many
 * bytes the server sends at their request (sync replies: a whole document each, for a client
 * with nothing), and how much they may add to a document's stored history in an hour.
 *
 * A socket's first request for a document is the join's own cost (what every visitor needs, 150
 * of them at once in a join storm, possibly all with one account): it is always answered, and
 * charged. What it asks again for the same document, in that join or a later one, is answered
 * only within the budgets: that repetition is what made the server send gigabytes. The live
 * relay of other people's edits is not a request and is never charged: a slow reader is handled
 * by backpressure instead (backpressure.ts). Budgets are per node: a user spread over several
 * nodes has one budget on each.
 */
import type { ConnectionLimits } from '../collab/connection.ts';
import { ByteBudget } from './rate-limit.ts';

export interface FlowLimits {
  /** what one connection may ask the server to send, bytes per second and burst */
  connectionBytesPerSecond: number;
  connectionByteBurst: number;
  /** the same for all the connections of one user together */
  userBytesPerSecond: number;
  userByteBurst: number;
  /** what one editor may add to one document's update log in an hour, bytes */
  historyBytesPerHour: number;
  /** a socket with more than this waiting to be written gets no document messages until it drains */
  outgoingBufferBytes: number;
}

export const DEFAULT_FLOW_LIMITS: FlowLimits = {
  connectionBytesPerSecond: 1024 * 1024,
  connectionByteBurst: 8 * 1024 * 1024,
  userBytesPerSecond: 2 * 1024 * 1024,
  userByteBurst: 16 * 1024 * 1024,
  historyBytesPerHour: 32 * 1024 * 1024,
  outgoingBufferBytes: 8 * 1024 * 1024,
};

const HOUR_MS = 3_600_000;

/** The send budgets of the users connected to this node, and their history growth per document. */
export class FlowLedger {
  private users = new Map<string, { budget: ByteBudget; sockets: number }>();
  /** bytes added per document and user in the current hour (two levels: no key to build per write) */
  private growth = new Map<string, Map<string, { since: number; bytes: number }>>();
  private growthSweepAt: number;

  constructor(
    readonly limits: FlowLimits = DEFAULT_FLOW_LIMITS,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.growthSweepAt = now() + HOUR_MS;
  }

  /** A connection's limits; `release` once it is gone (the user's budget goes with their last one). */
  connect(userId: string): ConnectionLimits & { release(): void } {
    const { limits } = this;
    let user = this.users.get(userId);
    if (!user) {
      user = { budget: new ByteBudget(limits.userBytesPerSecond, limits.userByteBurst), sockets: 0 };
      this.users.set(userId, user);
    }
    user.sockets++;
    const shared = user.budget;
    const own = new ByteBudget(limits.connectionBytesPerSecond, limits.connectionByteBurst);
    /** the documents this socket has had its first reply about */
    const answered = new Set<string>();
    let released = false;
    return {
      mayRequest(docName) {
        if (answered.has(docName)) return own.ready && shared.ready;
        answered.add(docName);
        return true;
      },
      charge(bytes) {
        own.charge(bytes);
        shared.charge(bytes);
      },
      waitMs: () => Math.max(own.waitMs(), shared.waitMs()),
      mayGrow: (docName, bytes) => this.grow(docName, userId, bytes),
      release: () => {
        if (released) return;
        released = true;
        const entry = this.users.get(userId);
        if (entry && --entry.sockets === 0) this.users.delete(userId);
      },
    };
  }

  /**
   * Counts `bytes` against the user's hour on the document (an hour from their first write in it,
   * then a new one): a refused write counts nothing, so a smaller one may still pass.
   */
  private grow(docName: string, userId: string, bytes: number): boolean {
    const t = this.now();
    if (t >= this.growthSweepAt) this.sweepGrowth(t);
    let byUser = this.growth.get(docName);
    if (!byUser) {
      byUser = new Map();
      this.growth.set(docName, byUser);
    }
    let entry = byUser.get(userId);
    if (!entry) {
      entry = { since: t, bytes: 0 };
      byUser.set(userId, entry);
    } else if (t - entry.since >= HOUR_MS) {
      entry.since = t;
      entry.bytes = 0;
    }
    if (entry.bytes + bytes > this.limits.historyBytesPerHour) return false;
    entry.bytes += bytes;
    return true;
  }

  /** Forgets the hours that are over (once an hour: the map holds the last hour's writers). */
  private sweepGrowth(t: number): void {
    for (const [docName, byUser] of this.growth) {
      for (const [userId, entry] of byUser) if (t - entry.since >= HOUR_MS) byUser.delete(userId);
      if (byUser.size === 0) this.growth.delete(docName);
    }
    this.growthSweepAt = t + HOUR_MS;
  }
}
