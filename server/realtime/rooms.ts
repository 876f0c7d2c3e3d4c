/** The names of the Socket.IO rooms a socket joins on this server. */

/** Every socket that joined a project's document (this node's: see doc-rooms.ts). */
export const docRoom = (docName: string) => `doc:${docName}`;
/** Every socket of one user, for what concerns them alone (notifications, their portfolio). */
export const userRoom = (userId: string) => `user:${userId}`;
/** Every cluster manager's sockets: they see every project. */
export const MANAGERS_ROOM = 'managers';
