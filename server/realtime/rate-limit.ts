/** A token bucket per socket: messages and bytes per second, with a burst allowance. */
export interface Budget {
  messagesPerSecond: number;
  messageBurst: number;
  bytesPerSecond: number;
  byteBurst: number;
}

export const DEFAULT_BUDGET: Budget = {
  messagesPerSecond: 60,
  messageBurst: 240,
  bytesPerSecond: 1024 * 1024,
  byteBurst: 4 * 1024 * 1024,
};

export class TokenBucket {
  private messages: number;
  private bytes: number;
  private last: number;

  constructor(
    private readonly budget: Budget = DEFAULT_BUDGET,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.messages = budget.messageBurst;
    this.bytes = budget.byteBurst;
    this.last = now();
  }

  /** Takes one message of `size` bytes (weighted by `cost`); false when over budget. */
  take(size: number, cost = 1): boolean {
    const t = this.now();
    const elapsed = (t - this.last) / 1000;
    this.last = t;
    this.messages = Math.min(
      this.budget.messageBurst,
      this.messages + elapsed * this.budget.messagesPerSecond,
    );
    this.bytes = Math.min(this.budget.byteBurst, this.bytes + elapsed * this.budget.bytesPerSecond);
    if (this.messages < cost || this.bytes < size) return false;
    this.messages -= cost;
    this.bytes -= size;
    return true;
  }
}

/**
 * Bytes per second with a burst, for what the server sends on request: a request is granted
 * while anything is left, and its reply (whatever its size, a whole document included) is
 * charged afterwards, leaving the budget in debt until it refills. So the first request of a
 * quiet connection is always served, and a repeated one waits for the cost of the last.
 */
export class ByteBudget {
  private balance: number;
  private last: number;

  constructor(
    private readonly bytesPerSecond: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.balance = burst;
    this.last = now();
  }

  private refill(): number {
    const t = this.now();
    this.balance = Math.min(this.burst, this.balance + ((t - this.last) / 1000) * this.bytesPerSecond);
    this.last = t;
    return this.balance;
  }

  /** Whether a request may be granted now. */
  get ready(): boolean {
    return this.refill() > 0;
  }

  charge(bytes: number): void {
    this.refill();
    this.balance -= bytes;
  }

  /** How long until a request may be granted (0: now). */
  waitMs(): number {
    const balance = this.refill();
    return balance > 0 ? 0 : Math.ceil((-balance / this.bytesPerSecond) * 1000) + 1;
  }
}
