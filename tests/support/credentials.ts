/**
 * What a client sees when its credential ends: the server's `credentials:ended` event, the
 * disconnect, and a reconnection with the same credential refused. And a write attempt through
 * a socket, to show whether the server still accepts it.
 */
import * as encoding from 'lib0/encoding';
import type { Socket } from 'socket.io-client';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { CredentialsEndedMessage } from '../../shared/credentials.ts';
import { createMilestone } from '../../shared/doc/index.ts';
import { APP_EVENTS, DOC_EVENTS } from '../../shared/protocol/index.ts';

export interface Ended extends CredentialsEndedMessage {
  /** when the event arrived (Date.now()) */
  at: number;
  /** the socket.io-client reason of the disconnect that followed */
  disconnect: string;
}

/** Resolves once the server has told `socket` its credential ended and closed it; rejects after `ms`. */
export function credentialsEnded(socket: Socket, ms = 2000): Promise<Ended> {
  return new Promise((resolve, reject) => {
    let told: (CredentialsEndedMessage & { at: number }) | null = null;
    const timer = setTimeout(() => {
      socket.off(APP_EVENTS.credentialsEnded, onEnded);
      socket.off('disconnect', onDisconnect);
      reject(
        new Error(
          told ? `told ${told.reason}, but not disconnected within ${ms} ms` : `not ended within ${ms} ms`,
        ),
      );
    }, ms);
    const onEnded = (body: CredentialsEndedMessage) => {
      told = { ...body, at: Date.now() };
    };
    const onDisconnect = (reason: string) => {
      if (!told) return;
      clearTimeout(timer);
      socket.off(APP_EVENTS.credentialsEnded, onEnded);
      socket.off('disconnect', onDisconnect);
      resolve({ ...told, disconnect: reason });
    };
    socket.on(APP_EVENTS.credentialsEnded, onEnded);
    socket.on('disconnect', onDisconnect);
  });
}

/** Resolves with the handshake's refusal once `socket` tries to connect again; rejects after `ms`. */
export function refusedOnReconnect(socket: Socket, ms = 3000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off('connect_error', refused);
      socket.off('connect', connected);
      reject(new Error(`no reconnection attempt within ${ms} ms`));
    }, ms);
    const refused = (err: Error) => {
      clearTimeout(timer);
      socket.off('connect', connected);
      resolve(err.message);
    };
    const connected = () => {
      clearTimeout(timer);
      socket.off('connect_error', refused);
      reject(new Error('reconnected with a credential that ended'));
    };
    socket.once('connect_error', refused);
    socket.once('connect', connected);
    // connectWith (tests/support/socket.ts) reconnects by itself after the server's disconnect;
    // this makes sure of an attempt whatever the reason was.
    if (!socket.connected && !socket.active) socket.connect();
  });
}

/** Counts the document messages `socket` receives from now on. */
export function countDocMessages(socket: Socket): () => number {
  let n = 0;
  socket.on(DOC_EVENTS.msg, () => {
    n += 1;
  });
  return () => n;
}

/** A milestone added on top of `base`, framed as a `doc:msg` sync update. */
export function milestoneMessage(base: Y.Doc, title: string): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(doc);
  createMilestone(doc, { title, status: 'planned', stage: 1 }, 'raw');
  const update = Y.encodeStateAsUpdate(doc, before);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** Sends a write through `socket`: 'accepted', 'refused', or 'unanswered' within `ms`. */
export async function tryWrite(
  socket: Socket,
  docName: string,
  message: Uint8Array,
  ms = 1000,
): Promise<'accepted' | 'refused' | 'unanswered'> {
  try {
    const ack = (await socket.timeout(ms).emitWithAck(DOC_EVENTS.msg, docName, message)) as { ok: boolean };
    return ack.ok ? 'accepted' : 'refused';
  } catch {
    return 'unanswered';
  }
}
