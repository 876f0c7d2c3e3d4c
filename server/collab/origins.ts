/**
 * Transaction origins that the room and the projection both read. Kept apart from the room so
 * that the projection, which the room calls, does not import the room.
 */

/** The origin of changes that another node received and committed. */
export const REMOTE = 'remote';
