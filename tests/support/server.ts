/** Starts a real Jalon server on port 0 with a fresh libSQL file, for one test file. */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Client, createClient } from '@libsql/client';
import { type Config, loadConfig } from '../../server/config.ts';
import { createLogger, type Logger } from '../../server/log.ts';
import type { RealtimeOptions } from '../../server/realtime/io.ts';
import { type RunningServer, startServer } from '../../server/server.ts';
import { freePort } from './ports.ts';

/** The seed of the key the test servers sign audit checkpoints with (base64, docs/audit.md). */
export const TEST_AUDIT_SIGNING_KEY = Buffer.alloc(32, 42).toString('base64');

export interface TestServer extends RunningServer {
  dir: string;
  databaseUrl: string;
  config: Config;
}

export async function startTestServer(
  options: {
    /**
     * 'unset': JALON_DEMO is not set at all (the server's default for its NODE_ENV applies);
     * 'history': the demo with its eighteen months of history, as `npm start` seeds it (slower:
     * the other servers seed the demo as it stands today, without its past)
     */
    demo?: boolean | 'unset' | 'history';
    clientDir?: string;
    env?: Record<string, string>;
    /** reuse this folder's database (a restart); it is then left in place on close */
    dir?: string;
    realtime?: Partial<RealtimeOptions>;
    /** the server's clock (deps.clock), for tests that move time */
    clock?: () => Date;
    /** the server's logger (to capture what it logs); by default one at TEST_LOG_LEVEL */
    log?: Logger;
  } = {},
): Promise<TestServer> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'jalon-test-'));
  const databaseUrl = `file:${join(dir, 'jalon.db')}`;
  // PUBLIC_URL must match the port, so pick it after binding: start on port 0, then derive.
  const base = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: 'test-secret-test-secret-test-secret-0123',
    AUDIT_SIGNING_KEY: TEST_AUDIT_SIGNING_KEY,
    ...(options.demo === 'unset' ? {} : { JALON_DEMO: options.demo === false ? '0' : '1' }),
    JALON_DEMO_HISTORY: options.demo === 'history' ? '1' : '0',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    PUBLIC_URL: 'http://127.0.0.1:1',
    ...options.env,
  });
  const port = await freePort();
  const config: Config = {
    ...base,
    port,
    publicUrl: `http://127.0.0.1:${port}`,
    allowedOrigins: options.env?.ALLOWED_ORIGINS ? base.allowedOrigins : [`http://127.0.0.1:${port}`],
  };
  const server = await startServer(config, {
    log: options.log ?? createLogger(config.logLevel),
    clientDir: options.clientDir ?? join(dir, 'no-client'),
    realtime: options.realtime,
    clock: options.clock,
  });
  return {
    ...server,
    dir,
    databaseUrl,
    config,
    async close() {
      await server.close();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A second connection to a running test server's database file, as someone with the file
 * would open it. It waits out the server's own writes (its periodic scans, projections)
 * instead of failing with "database is locked", so a test fails on what it checks.
 */
export async function openDatabaseFile(server: Pick<TestServer, 'databaseUrl'>): Promise<Client> {
  const file = createClient({ url: server.databaseUrl });
  await file.execute('PRAGMA busy_timeout = 10000');
  return file;
}
