/**
 * The database connection: libSQL, embedded file by default, or a libSQL server
 * (`libsql://`, `http(s)://`, `ws(s)://`) with the same code.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { type Client, createClient } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { clientReadConnection, openReadConnection, type ReadConnection } from './read-connection.ts';
import * as schema from './schema/index.ts';
import { clientWriteConnection, openWriteThread, type WriteConnection } from './write-connection.ts';

export type Db = LibSQLDatabase<typeof schema> & { $client: Client };
export interface Database {
  client: Client;
  db: Db;
  embedded: boolean;
  /** settles once writes can run (the write thread, started beside the caller, has opened) */
  writable: Promise<void>;
  close(): void;
}

const BUSY_TIMEOUT_MS = 10_000;
const writeConnections = new WeakMap<Client, WriteConnection>();
const readConnections = new WeakMap<Client, ReadConnection>();

/** The connection registered for `client`, or one through the client itself, kept. */
function registered<T>(registry: WeakMap<Client, T>, client: Client, throughClient: (c: Client) => T): T {
  let connection = registry.get(client);
  if (!connection) {
    connection = throughClient(client);
    registry.set(client, connection);
  }
  return connection;
}

/**
 * Where `client`'s write transactions go: the write connection opened beside it for an
 * embedded file (server/db/write-connection.ts), else the client itself.
 */
export const writeConnectionOf = (client: Client): WriteConnection =>
  registered(writeConnections, client, clientWriteConnection);

/**
 * Where `client`'s many-row reads go: the read connection opened beside it for an embedded
 * file (server/db/read-connection.ts), else the client itself.
 */
export const readConnectionOf = (client: Client): ReadConnection =>
  registered(readConnections, client, clientReadConnection);

export async function openDatabase(url: string, authToken?: string): Promise<Database> {
  const embedded = url.startsWith('file:');
  if (embedded) {
    const path = url.slice('file:'.length).split('?')[0] ?? '';
    if (path && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  }
  // `timeout` is SQLite's busy_timeout, set on every pooled connection.
  const client = createClient({ url, authToken, timeout: BUSY_TIMEOUT_MS });
  let writes: (WriteConnection & { ready: Promise<void> }) | null = null;
  let reads: ReadConnection | null = null;
  if (embedded) {
    await assertDurableEmbedded(client);
    // The file as SQLite resolved it; none for an in-memory database.
    const main = (await client.execute('PRAGMA database_list')).rows.find((r) => r.name === 'main');
    const file = String(main?.file ?? '');
    if (file) {
      writes = openWriteThread(file, BUSY_TIMEOUT_MS);
      writeConnections.set(client, writes);
      reads = openReadConnection(file, BUSY_TIMEOUT_MS);
      readConnections.set(client, reads);
    }
  }
  const db = drizzle(client, { schema });
  return {
    client,
    db,
    embedded,
    writable: writes?.ready ?? Promise.resolve(),
    close: () => {
      writes?.close();
      reads?.close();
      client.close();
    },
  };
}

/**
 * WAL lets readers run beside the writer; synchronous=FULL makes a commit durable before it
 * returns, which is what every acknowledgement promises. journal_mode persists in the file;
 * synchronous is per connection, and libSQL's compiled-in default for every connection is FULL
 * (2), so we set it and then check it on connections from the pool.
 */
async function assertDurableEmbedded(client: Client): Promise<void> {
  const mode = await client.execute('PRAGMA journal_mode=WAL');
  const journal = String(mode.rows[0]?.[0] ?? '').toLowerCase();
  if (journal !== 'wal') throw new Error(`Could not switch the database to WAL (journal_mode=${journal})`);
  await client.execute('PRAGMA synchronous=FULL');
  const checks = await Promise.all([1, 2, 3].map(() => client.execute('PRAGMA synchronous')));
  for (const c of checks) {
    if (Number(c.rows[0]?.[0]) !== 2) throw new Error('Database connection is not synchronous=FULL');
  }
}
