/**
 * The server's clock, which the demo seed may set in the past while it writes the demo's
 * history through the real services: every service, the audit trail and the document store
 * read `deps.clock`, so what the seed does at a pinned instant is recorded as done then.
 * Pinned only while the server seeds, before it listens; released, it is the given clock again.
 */
export interface SeedClock {
  clock: () => Date;
  /** from now on, the clock reads `at` (until moved or released) */
  pin(at: Date): void;
  release(): void;
}

export function seedClock(base: () => Date): SeedClock {
  let pinned: Date | null = null;
  return {
    clock: () => (pinned ? new Date(pinned.getTime()) : base()),
    pin(at) {
      pinned = new Date(at.getTime());
    },
    release() {
      pinned = null;
    },
  };
}
