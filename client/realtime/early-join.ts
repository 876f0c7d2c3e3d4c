/**
 * The join of one document, sent before its provider exists.
 *
 * On a project's address the slowest step of the room's first render is the server loading the
 * document, which starts at the join. The provider comes with the room's code (Yjs and all),
 * a few hundred milliseconds after the app's first script has run; this module is in that first
 * script and needs no Yjs. It sends the join as soon as the connection is up, then the sync
 * step 1 of an empty document (so the server sends the whole document at once), and keeps, in
 * order, the server's answer and every message for that document that arrives meanwhile.
 * The provider then takes them (`takeEarlyJoin`) and goes on as if it had sent the join itself.
 *
 * A join that no provider takes within KEEP_MS is left (`doc:leave`). A connection lost before
 * the provider takes it makes it worthless: the provider joins again on the next connection,
 * as it always does.
 */
import type { Ack } from '../../shared/protocol/acks.ts';
import { DOC_EVENTS } from '../../shared/protocol/event-names.ts';
import { EMPTY_STATE_VECTOR, encodeSync, SYNC_STEP1 } from '../../shared/protocol/framing.ts';
import { markOnce } from './marks.ts';
import type { AppSocket as Socket } from './socket.ts';

const KEEP_MS = 30_000;

/**
 * Sync step 1 of an empty document. Sent with the join, it has the server send the whole
 * document right away, while the page still loads. (The protocol's modules imported here import
 * nothing themselves: this module is in the app's first script.)
 */
const EMPTY_DOC_STEP1 = encodeSync(SYNC_STEP1, EMPTY_STATE_VECTOR);

/** The server's answer to a join, as the provider reads it. */
export type JoinAnswer = Ack;

export interface EarlyJoin {
  /** the server's answer, if it came already */
  readonly answer: JoinAnswer | null;
  /** the sync step 1 of an empty document went out with it (the whole document is coming) */
  readonly askedForAll: boolean;
  /** what the server sent for this document after its answer: [event, ...arguments] */
  readonly messages: readonly (readonly [string, ...unknown[]])[];
  /** calls `fn` with the answer, at once if it came already, else when it comes */
  whenAnswered(fn: (answer: JoinAnswer) => void): void;
}

interface Pending {
  docName: string;
  socket: Socket;
  /** the connection the join went out on; null while waiting to connect */
  socketId: string | null;
  answer: JoinAnswer | null;
  onAnswer: ((answer: JoinAnswer) => void) | null;
  messages: (readonly [string, ...unknown[]])[];
  stop: () => void;
}

let pending: Pending | null = null;

/** Sends the join of `docName` on `socket` once it is connected (see above). */
export function joinEarly(socket: Socket, docName: string): void {
  dropEarlyJoin();
  const entry: Pending = {
    docName,
    socket,
    socketId: null,
    answer: null,
    onAnswer: null,
    messages: [],
    stop: () => {},
  };
  const keep =
    (event: string) =>
    (name: unknown, ...rest: unknown[]) => {
      if (name === docName) entry.messages.push([event, name, ...rest]);
    };
  const onMessage = keep(DOC_EVENTS.msg);
  const onAccess = keep(DOC_EVENTS.access);
  const send = () => {
    entry.socketId = socket.id ?? null;
    socket.on(DOC_EVENTS.msg, onMessage);
    socket.on(DOC_EVENTS.access, onAccess);
    markOnce(`jalon:join ${docName}`);
    socket.emit(DOC_EVENTS.join, docName, (answer: JoinAnswer) => {
      entry.answer = answer;
      if (answer.ok && pending === entry) socket.emit(DOC_EVENTS.msg, docName, EMPTY_DOC_STEP1);
      entry.onAnswer?.(answer);
    });
  };
  const lost = () => {
    if (pending === entry) dropEarlyJoin();
  };
  const timer = setTimeout(lost, KEEP_MS);
  entry.stop = () => {
    clearTimeout(timer);
    socket.off('connect', send);
    socket.off(DOC_EVENTS.msg, onMessage);
    socket.off(DOC_EVENTS.access, onAccess);
    socket.off('disconnect', lost);
    socket.off('connect_error', lost);
  };
  socket.on('disconnect', lost);
  socket.on('connect_error', lost);
  pending = entry;
  if (socket.connected) send();
  else socket.once('connect', send);
}

/**
 * The early join of `docName` on this connection, taken (the caller now owns the document's
 * membership), or null if there is none worth taking: the caller then joins itself.
 */
export function takeEarlyJoin(socket: Socket, docName: string): EarlyJoin | null {
  const entry = pending;
  if (!entry || entry.docName !== docName || entry.socket !== socket) return null;
  pending = null;
  entry.stop();
  // Not sent yet (the provider joins once connected), or sent on a connection since replaced.
  if (entry.socketId === null || !socket.connected || socket.id !== entry.socketId) return null;
  return {
    get answer() {
      return entry.answer;
    },
    // Sent once answered, and only while the join was still waiting here: not after this point.
    askedForAll: entry.answer?.ok === true,
    messages: entry.messages,
    whenAnswered(fn) {
      if (entry.answer) fn(entry.answer);
      else entry.onAnswer = fn;
    },
  };
}

/** Forgets the early join, leaving the document if the server had let us in. */
function dropEarlyJoin(): void {
  const entry = pending;
  if (!entry) return;
  pending = null;
  entry.stop();
  if (entry.socketId !== null && entry.socket.connected && entry.socket.id === entry.socketId) {
    if (entry.answer?.ok) entry.socket.emit(DOC_EVENTS.leave, entry.docName);
    // Answered later: leave then.
    else if (!entry.answer)
      entry.onAnswer = (answer) => answer.ok && entry.socket.emit(DOC_EVENTS.leave, entry.docName);
  }
}
