/**
 * The wire contract between Jalon's server and its clients, written once (docs/protocol.md is
 * its description): event names, the framing of document messages, acknowledgements and their
 * codes, and the typed event maps of both Socket.IO ends.
 *
 * The browser's first script imports event-names.ts and framing.ts directly: neither imports
 * anything, so the early join costs no more than a few lines of encoding (the decoding, in
 * decode.ts, comes with the provider's code).
 */
export * from './acks.ts';
export * from './decode.ts';
export * from './event-names.ts';
export * from './events.ts';
export * from './framing.ts';
