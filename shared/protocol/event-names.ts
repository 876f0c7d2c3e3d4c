/**
 * Every Socket.IO event name of Jalon, spelled once. A module with no imports: the app's first
 * script (client/realtime/early-join.ts) and the server both take their names from here.
 * What each event carries is typed in events.ts; docs/protocol.md describes them.
 */

/** The document protocol (docs/protocol.md § Events). */
export const DOC_EVENTS = {
  /** client → server `(docName, ack)`: join a project's live document */
  join: 'doc:join',
  /** client → server `(docName)` */
  leave: 'doc:leave',
  /** both directions `(docName, message, ack?)`: one framed message (framing.ts) */
  msg: 'doc:msg',
  /** server → client `(docName, change)`: the connection's access to the document changed */
  access: 'doc:access',
} as const;

/** Socket events of the application, server → client, besides the document protocol. */
export const APP_EVENTS = {
  /** (comment: Comment): a comment was created, resolved or reopened in a joined project */
  commentChanged: 'comment:changed',
  /**
   * ({ projectId, contentOnly? }): a project the user may see changed: its card (title,
   * stage…), or with `contentOnly` only what it holds (milestones, readiness, comments the user
   * may read, requests…), which moves its "Updated"
   */
  projectChanged: 'project:changed',
  /** ({ projectId, reviewId }): a gate review of a joined project changed */
  gateChanged: 'gate:changed',
  /**
   * ({ projectId, requestId }): a service request the user may see changed (one of a project
   * they may see, or one their handling team answers), wherever they are in the app
   */
  serviceRequestChanged: 'service_request:changed',
  /** (notification: Notification): a notification for this user, sent to their own room */
  notificationCreated: 'notification:created',
  /**
   * ({ reason, message }): the connection's session or token ended; sent once, just before the
   * server closes the connection (shared/credentials.ts)
   */
  credentialsEnded: 'credentials:ended',
} as const;
