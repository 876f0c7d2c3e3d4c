/**
 * A Socket.IO client written by hand over a bare WebSocket (the `ws` package), for tests that
 * need what socket.io-client does not offer: to stop reading (`pause`), as a stalled or slow
 * reader does, so that the server's writes to it back up. Speaks Engine.IO 4 over WebSocket
 * with Jalon's packet format (shared/socket-parser.ts), authenticated like a browser.
 */
import type { Packet } from 'socket.io-parser';
import WebSocket from 'ws';
import { DOC_EVENTS } from '../../shared/protocol/index.ts';
import { socketParser } from '../../shared/socket-parser.ts';
import { signedIn } from './client.ts';

const EVENT = 2;
const ACK = 3;
const CONNECT = 0;

export interface RawSocket {
  /** every `doc:msg` received, in order */
  messages: { docName: string; message: Uint8Array }[];
  emitWithAck(event: string, ...args: unknown[]): Promise<unknown>;
  emit(event: string, ...args: unknown[]): void;
  /** resolves once `condition` holds, checked as each `doc:msg` arrives (rejects after `ms`) */
  until(condition: () => boolean, ms?: number): Promise<void>;
  /** stops reading from the network (the server's writes back up), and starts again */
  pause(): void;
  resume(): void;
  close(): void;
}

export async function rawSocketAs(baseUrl: string, email: string): Promise<RawSocket> {
  const api = await signedIn(baseUrl, email);
  const url = `${baseUrl.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`;
  const ws = new WebSocket(url, { headers: { cookie: api.cookie, origin: baseUrl } });
  const encoder = new socketParser.Encoder();
  const decoder = new socketParser.Decoder();
  const acks = new Map<number, (args: unknown[]) => void>();
  const messages: RawSocket['messages'] = [];
  const waiters = new Set<() => void>();
  let nextId = 1;
  let connected: () => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    connected = resolve;
    ws.once('error', reject);
  });
  const send = (packet: Packet) => {
    for (const frame of encoder.encode(packet)) ws.send(frame, { binary: true });
  };
  decoder.on('decoded', (packet: Packet) => {
    if (packet.type === CONNECT) connected();
    else if (packet.type === ACK && packet.id !== undefined) {
      acks.get(packet.id)?.(packet.data as unknown[]);
      acks.delete(packet.id);
    } else if (packet.type === EVENT) {
      const [event, docName, message] = packet.data as [string, string, Uint8Array];
      if (event !== DOC_EVENTS.msg) return;
      messages.push({ docName, message: new Uint8Array(message) });
      for (const wake of [...waiters]) wake();
    }
  });
  ws.on('message', (data: Buffer, isBinary: boolean) => {
    if (isBinary) return decoder.add(new Uint8Array(data));
    const text = data.toString();
    if (text.startsWith('0')) send({ type: CONNECT, nsp: '/' } as Packet);
    else if (text === '2') ws.send('3'); // Engine.IO ping, pong
  });
  await ready;
  return {
    messages,
    emitWithAck(event, ...args) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ack for ${event}`)), 10_000);
        acks.set(id, ([reply]) => {
          clearTimeout(timer);
          resolve(reply);
        });
        send({ type: EVENT, nsp: '/', id, data: [event, ...args] } as Packet);
      });
    },
    emit(event, ...args) {
      send({ type: EVENT, nsp: '/', data: [event, ...args] } as Packet);
    },
    until(condition, ms = 20_000) {
      if (condition()) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error('the awaited messages did not come'));
        }, ms);
        const check = () => {
          if (!condition()) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
      });
    },
    pause: () => ws.pause(),
    resume: () => ws.resume(),
    close: () => ws.close(),
  };
}
