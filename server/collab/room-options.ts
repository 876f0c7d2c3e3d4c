/** The thresholds and delays a room runs with (the transport may override them). */

export interface RoomOptions {
  /** compact once the log holds this many rows or bytes */
  compactRows: number;
  compactBytes: number;
  /** how long another node's updates may wait for their rows before this node commits them */
  remoteCommitGraceMs: number;
  /** a room nobody has written to for this long goes dormant (doc-state.ts) */
  dormantAfterMs: number;
}

export const DEFAULT_ROOM_OPTIONS: RoomOptions = {
  compactRows: 500,
  compactBytes: 1024 * 1024,
  remoteCommitGraceMs: 3000,
  dormantAfterMs: 60_000,
};
