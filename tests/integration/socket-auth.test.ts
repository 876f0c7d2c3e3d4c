/**
 * Authentication at the HTTP upgrade (DESIGN §4), and the clients docs/protocol.md promises will
 * work: socket.io-msgpack-parser from Node, with or without an `auth` option. A connection is
 * authenticated at the upgrade when it can be (a session cookie from an allowed Origin, an
 * `Authorization: Bearer` API token); otherwise only its CONNECT packet is read, and a refusal
 * comes with its reason, after which the server closes the connection.
 */
import { io, Manager, type Socket } from 'socket.io-client';
import msgpackParser from 'socket.io-msgpack-parser';
import type { Packet } from 'socket.io-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docName } from '../../shared/doc/index.ts';
import { DOC_EVENTS } from '../../shared/protocol/index.ts';
import { Decoder, Encoder, socketParser } from '../../shared/socket-parser.ts';
import { type ApiClient, signedIn } from '../support/client.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { emitWithAck } from '../support/socket.ts';

let server: TestServer;
let lead: ApiClient;
let projectDoc: string;
let token: string;

beforeAll(async () => {
  server = await startTestServer();
  lead = await signedIn(server.url, 'lead@demo.jalon');
  projectDoc = docName((await lead.get('/api/projects')).body.projects[0].id);
  token = (await lead.post('/api/me/tokens', { name: 'socket auth', scope: 'write' })).body.token;
});
afterAll(() => server?.close());

/** A socket.io-msgpack-parser client from Node, as docs/protocol.md tells third parties to write one. */
function thirdParty(options: { auth?: object; headers?: Record<string, string> }): Socket {
  return io(server.url, {
    parser: msgpackParser,
    transports: ['websocket'],
    reconnection: false,
    autoConnect: false,
    ...(options.auth ? { auth: options.auth } : {}),
    ...(options.headers ? { extraHeaders: options.headers } : {}),
  });
}

/** Connects; resolves with the socket, or rejects with the connect_error (its `data` the reason). */
function connected(socket: Socket): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('neither connected nor refused in time')), 5000);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('connect_error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      reject(new Error(`disconnected: ${reason}`));
    });
    socket.connect();
  });
}

describe('a socket.io-msgpack-parser client from Node', () => {
  it('connects with a session cookie and no auth option, and joins as its user', async () => {
    const socket = await connected(thirdParty({ headers: { cookie: lead.cookie, origin: server.url } }));
    expect(await emitWithAck(socket, DOC_EVENTS.join, projectDoc)).toMatchObject({
      ok: true,
      access: 'edit',
    });
    socket.close();
  });

  it('connects with an Authorization: Bearer API token and no auth option', async () => {
    const socket = await connected(thirdParty({ headers: { authorization: `Bearer ${token}` } }));
    expect(await emitWithAck(socket, DOC_EVENTS.join, projectDoc)).toMatchObject({
      ok: true,
      access: 'edit',
    });
    socket.close();
  });

  it('connects with auth: { token }', async () => {
    const socket = await connected(thirdParty({ auth: { token } }));
    expect(await emitWithAck(socket, DOC_EVENTS.join, projectDoc)).toMatchObject({
      ok: true,
      access: 'edit',
    });
    socket.close();
  });

  it('without credentials, is refused with a reason it can read', async () => {
    await expect(connected(thirdParty({}))).rejects.toMatchObject({
      data: { code: 'unauthenticated', message: expect.any(String) },
    });
  });

  it('with a bearer token that does not authenticate, is refused with a reason, even with a good auth token', async () => {
    const socket = thirdParty({ headers: { authorization: 'Bearer jalon_nope' }, auth: { token } });
    await expect(connected(socket)).rejects.toMatchObject({ data: { code: 'unauthenticated' } });
  });
});

describe('a connection refused at its CONNECT packet', () => {
  /** An engine.io connection on which the test writes packets itself, and reads what comes back. */
  async function rawConnection(headers: Record<string, string> = {}) {
    const manager = new Manager(server.url, {
      transports: ['websocket'],
      parser: socketParser,
      reconnection: false,
      autoConnect: false,
      extraHeaders: headers,
    });
    await new Promise<void>((resolve, reject) => manager.open((err) => (err ? reject(err) : resolve())));
    const engine = manager.engine;
    const received: Packet[] = [];
    const decoder = new Decoder();
    decoder.on('decoded', (p: Packet) => received.push(p));
    engine.on('data', (data: unknown) => decoder.add(data));
    const closed = new Promise<string>((resolve) =>
      engine.once('close', (reason: string) => resolve(reason)),
    );
    const send = (packet: Packet) => engine.write(new Encoder().encode(packet)[0]!);
    return { received, closed, send };
  }

  it('gets its reason, then the server closes the connection', async () => {
    const conn = await rawConnection();
    conn.send({ type: 0, nsp: '/', data: { token: 'jalon_not-a-token' } });
    expect(await within(conn.closed)).toBe('transport close');
    expect(conn.received).toMatchObject([{ type: 4, data: { data: { code: 'unauthenticated' } } }]);
  });

  it('is not read at all when over 1 KiB: the connection closes without an answer', async () => {
    const conn = await rawConnection();
    conn.send({ type: 0, nsp: '/', data: { token: `jalon_${'x'.repeat(2000)}` } });
    expect(await within(conn.closed)).toBe('transport close');
    expect(conn.received).toEqual([]);
  });

  it('closes the connection on any other frame before its answer, even with a good token', async () => {
    const conn = await rawConnection();
    conn.send({ type: 0, nsp: '/', data: { token } });
    conn.send({ type: 2, nsp: '/', data: [DOC_EVENTS.join, projectDoc], id: 1 });
    expect(await within(conn.closed)).toBe('transport close');
    expect(conn.received.filter((p) => p.type === 3)).toEqual([]);
  });

  it('with a session cookie that has ended, is told to sign in', async () => {
    const socket = io(server.url, {
      parser: socketParser,
      transports: ['websocket'],
      reconnection: false,
      autoConnect: false,
      extraHeaders: { cookie: 'better-auth.session_token=ended.signature', origin: server.url },
    });
    await expect(connected(socket)).rejects.toMatchObject({ data: { code: 'unauthenticated' } });
  });
});

/** `promise`, or a failure if the server has not settled it within 5 s */
function within<T>(promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('the server kept the connection open')), 5000);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
