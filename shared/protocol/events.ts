/**
 * The Socket.IO event maps of both ends: `new Server<ClientToServerEvents, ServerToClientEvents>`
 * on the server, `Socket<ServerToClientEvents, ClientToServerEvents>` in the browser, so that an
 * event's name and arguments are checked where it is sent and where it is heard. Types only.
 *
 * The server reads what a client sends as `unknown` and checks it (a client may send anything):
 * the client-to-server map says what a well-behaved client sends.
 */

import type { CredentialsEndedMessage } from '../credentials.ts';
import type { Notification } from '../notifications.ts';
import type { Comment } from '../schemas/comments.ts';
import type { AccessChange, Ack } from './acks.ts';
import type { APP_EVENTS, DOC_EVENTS } from './event-names.ts';

/** A document message on the wire: binary, an ArrayBuffer in the browser, a Buffer in Node. */
export type WireBytes = Uint8Array | ArrayBuffer;

export interface ProjectChange {
  projectId: string;
  /** only what the project holds changed (milestones, readiness, comments…), not its card */
  contentOnly?: boolean;
}
export interface GateChange {
  projectId: string;
  reviewId: string;
}
export interface ServiceRequestChange {
  projectId: string;
  requestId: string;
}

export interface ClientToServerEvents {
  [DOC_EVENTS.join]: (docName: string, ack: (answer: Ack) => void) => void;
  [DOC_EVENTS.leave]: (docName: string) => void;
  [DOC_EVENTS.msg]: (docName: string, message: WireBytes, ack?: (answer: Ack) => void) => void;
}

export interface ServerToClientEvents {
  [DOC_EVENTS.msg]: (docName: string, message: WireBytes) => void;
  [DOC_EVENTS.access]: (docName: string, change: AccessChange) => void;
  [APP_EVENTS.commentChanged]: (comment: Comment) => void;
  [APP_EVENTS.projectChanged]: (change: ProjectChange) => void;
  [APP_EVENTS.gateChanged]: (change: GateChange) => void;
  [APP_EVENTS.serviceRequestChanged]: (change: ServiceRequestChange) => void;
  [APP_EVENTS.notificationCreated]: (notification: Notification) => void;
  [APP_EVENTS.credentialsEnded]: (ended: CredentialsEndedMessage) => void;
}
