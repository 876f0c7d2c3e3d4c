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
