/**
 * What the server answers a client's event with: the acknowledgement of `doc:join` and
 * `doc:msg`, and the `doc:access` notice (docs/protocol.md § The acknowledgement contract).
 * Refusal codes are a part of the product's one error vocabulary (shared/errors.ts). Types only
 * and a constant list: nothing here pulls zod into the bundle.
 */
import type { ErrorCode } from '../errors.ts';
import type { DocAccess } from '../permissions.ts';

/** The codes an ack or a `doc:access` notice may refuse with (docs/protocol.md § Error codes). */
export const ACK_ERROR_CODES = [
  'forbidden',
  'malformed',
  'too_large',
  'not_found',
  'rate_limited',
  'unauthenticated',
  /** the server could not commit: keep the update and send it again later */
  'unavailable',
] as const satisfies readonly ErrorCode[];
export type AckErrorCode = (typeof ACK_ERROR_CODES)[number];

/** Refusals that say "not now" rather than "never": the client keeps the update and resends. */
export const RETRY_LATER_CODES: readonly AckErrorCode[] = ['rate_limited', 'unavailable'];

export type AckError = { code: AckErrorCode; message: string };

/**
 * The answer to `doc:join` (with the access granted) and to `doc:msg` sent with an ack (an
 * update's `{ ok: true }` means committed to the database). Nothing refused is applied.
 */
export type Ack = { ok: true; access?: DocAccess } | { ok: false; error: AckError };
export type AckFn = (reply: Ack) => void;

/** `doc:access`: a member's new access, or `null` with the reason once they lost it. */
export type AccessChange = { access: DocAccess; error?: undefined } | { access: null; error: AckError };
