/**
 * The app's socket after losing the server (client/realtime/reconnection.ts): what a user would
 * notice is how long the app stays offline once the server is back. A client that failed a few
 * attempts while the server restarted must retry often enough to be back within the ceiling of
 * its backoff, not up to 10 s later. A real Socket.IO server on loopback; the clients' timers
 * (and clock) are faked, so each wait of the backoff is read exactly and none is slept through.
 */
import { once } from 'node:events';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { APP_RECONNECTION, pauseAfterServerClose } from '../../client/realtime/reconnection.ts';

let http: HttpServer | null = null;
let server: Server | null = null;
let client: Socket | null = null;

async function startServer(port = 0): Promise<number> {
  http = createServer();
  server = new Server(http, { transports: ['websocket'] });
  http.listen(port, '127.0.0.1');
  await once(http, 'listening');
  return (http.address() as AddressInfo).port;
}

/** Stops the server as a restart does: transports closed, no "disconnect" packet, port closed. */
async function stopServer(): Promise<void> {
  const closed = new Promise<void>((resolve) => server!.close(() => resolve()));
  await closed;
  server = null;
  http = null;
}

/** The next `event` of a socket.io-client emitter (node's `once` would reject on its "error"). */
function next(emitter: { once(event: string, fn: () => void): unknown }, event: string): Promise<void> {
  return new Promise((resolve) => emitter.once(event, () => resolve()));
}

afterEach(async () => {
  client?.close();
  client = null;
  if (server) await stopServer();
  vi.useRealTimers();
});

describe('reconnecting after the server went away', () => {
  it('retries at least every 2 s however long the server is away, and is back within 2 s of its return', async () => {
    const port = await startServer();
    // Before the client exists: socket.io-client keeps the timer functions it finds at creation.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    client = io(`http://127.0.0.1:${port}`, { transports: ['websocket'], ...APP_RECONNECTION });
    await next(client, 'connect');

    const attempts: number[] = [];
    client.io.on('reconnect_attempt', () => attempts.push(Date.now()));
    const lost = next(client, 'disconnect');
    await stopServer();
    await lost;
    const lostAt = Date.now();

    // Twelve refused attempts: about 20 s away at the ceiling (at the old 10 s ceiling, 80 s).
    for (let i = 0; i < 12; i++) {
      const refused = next(client.io, 'reconnect_error');
      vi.advanceTimersToNextTimer();
      await refused;
    }
    const waits = attempts.map((at, i) => at - (i === 0 ? lostAt : attempts[i - 1]!));
    expect(waits[0]).toBeGreaterThanOrEqual(250);
    expect(waits[0]).toBeLessThanOrEqual(750);
    expect(Math.max(...waits)).toBeLessThanOrEqual(APP_RECONNECTION.reconnectionDelayMax);
    expect(APP_RECONNECTION.reconnectionDelayMax).toBeLessThanOrEqual(2_000);

    // The server is back on the same port: the client's next attempt connects.
    await startServer(port);
    const backAt = Date.now();
    const connected = next(client, 'connect');
    vi.advanceTimersToNextTimer();
    await connected;
    expect(Date.now() - backAt).toBeLessThanOrEqual(2_000);
  });

  it('pauses 250–750 ms before reconnecting to a server that closed the connection itself', () => {
    const random = vi.spyOn(Math, 'random');
    random.mockReturnValue(0);
    expect(pauseAfterServerClose()).toBe(250);
    random.mockReturnValue(0.999_999);
    expect(pauseAfterServerClose()).toBeCloseTo(750, 0);
    random.mockRestore();
  });
});
