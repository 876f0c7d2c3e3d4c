/**
 * One WebSocket frame must not take the server down. A frame of a few kilobytes of MessagePack
 * headers announcing 65,535 items each makes a decoder that pre-allocates do so at every level:
 * with the stock decoder, 6 KB froze every client for seconds and 30 KB ran the process out of
 * memory, before any authentication. Here a real server process (its memory read from /proc)
 * gets such frames, from 1 KB up to the largest frame it reads, from a connection that is not
 * authenticated and from one that is: it keeps answering its health check, its memory stays
 * within 50 MB of where it was, and another member's edits keep being acknowledged.
 */
import { Manager } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FRAME_BYTES } from '../../server/realtime/protocol.ts';
import { createMilestone, docName } from '../../shared/doc/index.ts';
import { DOC_EVENTS } from '../../shared/protocol/index.ts';
import { Encoder, socketParser } from '../../shared/socket-parser.ts';
import { signedIn } from '../support/client.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { type Peer, peer } from '../support/socket.ts';

let server: ServerProcess;
let editor: Peer;
let token: string;

beforeAll(async () => {
  server = await startServerProcess();
  const lead = await signedIn(server.url, 'lead@demo.jalon');
  const projectId = (await lead.get('/api/projects')).body.projects[0].id as string;
  token = (await lead.post('/api/me/tokens', { name: 'frames', scope: 'write' })).body.token;
  editor = await peer(server.url, 'researcher@demo.jalon', docName(projectId));
});

afterAll(async () => {
  editor?.close();
  await server?.stop();
});

const KB = 1024;
const SIZES = [KB, 4 * KB, 16 * KB, 64 * KB, 256 * KB, KB * KB, 4 * KB * KB, MAX_FRAME_BYTES];

/** `pattern` repeated to exactly `size` bytes, after `prefix` */
function filled(size: number, pattern: number[], prefix: Uint8Array = new Uint8Array()): Uint8Array {
  const frame = new Uint8Array(size);
  frame.set(prefix.subarray(0, size));
  for (let i = prefix.length; i < size; i++) frame[i] = pattern[(i - prefix.length) % pattern.length]!;
  return frame;
}

/** the start of a valid doc:msg packet whose message is the rest of the frame, as an attacker opens it */
const packetOpening = new Encoder()
  .encode({ type: 2, nsp: '/', data: [DOC_EVENTS.msg, 'project:x', new Uint8Array(0)] })[0]!
  .slice(0, -1)
  .map((b, i, all) => (i === all.length - 1 ? 0x9f : b)); // the empty binary's header turned into an array

const SHAPES: Record<string, (size: number) => Uint8Array> = {
  'arrays of 65,535 in arrays': (size) => filled(size, [0xdc, 0xff, 0xff]),
  'maps of 65,535 in maps': (size) => filled(size, [0xde, 0xff, 0xff, 0xa0]),
  'arrays of 4 billion': (size) => filled(size, [0xdd, 0xff, 0xff, 0xff, 0xff]),
  'a string of 4 GiB': (size) => filled(size, [0x20], Uint8Array.from([0xdb, 0xff, 0xff, 0xff, 0xff])),
  'a binary of 4 GiB': (size) => filled(size, [0x20], Uint8Array.from([0xc6, 0xff, 0xff, 0xff, 0xff])),
  'one byte a level, deep': (size) => filled(size, [0x91]),
  'a valid packet opening onto arrays of 65,535': (size) => filled(size, [0xdc, 0xff, 0xff], packetOpening),
};

/** An engine.io connection, opened and authenticated or not, through which raw frames go out. */
async function attacker(authenticated: boolean): Promise<Manager> {
  const manager = new Manager(server.url, {
    transports: ['websocket'],
    parser: socketParser,
    reconnection: false,
    autoConnect: false,
  });
  if (authenticated) {
    const socket = manager.socket('/', { auth: { token } });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
      socket.connect();
    });
  } else {
    await new Promise<void>((resolve, reject) => manager.open((err) => (err ? reject(err) : resolve())));
  }
  return manager;
}

/** Sends one frame and resolves once the server has closed the connection. */
function sendUntilClosed(manager: Manager, frame: Uint8Array, ms = 10_000): Promise<void> {
  const engine = manager.engine;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server kept the connection open')), ms);
    engine.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    engine.write(frame);
  });
}

async function healthy(): Promise<void> {
  const res = await fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(5000) });
  expect(res.status).toBe(200);
}

async function editAcknowledged(title: string): Promise<void> {
  createMilestone(editor.doc, { title, status: 'planned', stage: 0 }, 'researcher');
  await editor.provider.whenSaved(5000);
}

describe('frames that announce more than they hold', () => {
  it('close the connection that sent them and nothing else, from 1 KB to the largest frame read', async () => {
    // Warm up what a frame of each size costs to receive, then take the reading.
    for (const size of SIZES) await sendUntilClosed(await attacker(true), SHAPES['a binary of 4 GiB']!(size));
    await healthy();
    await editAcknowledged('before the frames');
    const baseline = server.rssBytes();
    let highest = baseline;

    for (const authenticated of [false, true])
      for (const [shape, make] of Object.entries(SHAPES))
        for (const size of SIZES) {
          const what = `${shape}, ${size} bytes, ${authenticated ? 'authenticated' : 'unauthenticated'}`;
          await sendUntilClosed(await attacker(authenticated), make(size)).catch((err) => {
            throw new Error(`${what}: ${err.message}\n${server.output().slice(-2000)}`);
          });
          expect(server.alive, what).toBe(true);
          await healthy();
          await editAcknowledged(what);
          highest = Math.max(highest, server.rssBytes());
        }

    expect(server.alive).toBe(true);
    expect(highest - baseline).toBeLessThan(50 * 1024 * 1024);
    // each refusal says so in the log, once
    expect(server.output()).toContain('socket frame refused');
  }, 240_000);
});
