/**
 * What the engine knows of a connection and of the transport around it: it sends through them
 * and charges their limits, and never sees a socket.
 */
import type { DocAccess, Role } from '../../shared/permissions.ts';
import type { Actor } from '../auth/actor.ts';

/** What a room asks of a connection's limits (server/realtime/limits.ts keeps the budgets). */
export interface ConnectionLimits {
  /** whether the connection may have a reply about `docName` sent at its request now */
  mayRequest(docName: string): boolean;
  /** charges a reply sent at its request */
  charge(bytes: number): void;
  /** how long until it may (0: now) */
  waitMs(): number;
  /** records `bytes` added to `docName`'s log by this user; false (nothing recorded) if over the hour's cap */
  mayGrow(docName: string, bytes: number): boolean;
}

/** For connections the server makes itself and for tests of other rules. */
export const NO_LIMITS: ConnectionLimits = {
  mayRequest: () => true,
  charge() {},
  waitMs: () => 0,
  mayGrow: () => true,
};

export interface Connection {
  id: string;
  actor: Actor;
  access: DocAccess;
  /** the member's roles on the project (for what else they may receive, e.g. team comments) */
  roles: Role[];
  /** the awareness client id this connection speaks for (one at most: presence-vouch.ts) */
  awarenessClients: Set<number>;
  /** what it may ask the server to send, and add to a document's history */
  limits: ConnectionLimits;
  send(event: string, ...args: unknown[]): void;
}

/** Sends to every connection in the room but `except` (the transport encodes the message once). */
export type Broadcast = (except: string | string[] | null, event: string, ...args: unknown[]) => void;
