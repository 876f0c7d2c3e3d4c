/**
 * The anchor: a Hocuspocus 3 server with its database extension storing each document in a
 * libSQL file, default settings otherwise (debounce 2 s, maxDebounce 10 s). Started by the
 * benchmark as its own process: HOCUS_PORT, HOCUS_DB (a file: URL).
 */
import { Database } from '@hocuspocus/extension-database';
import { Server } from '@hocuspocus/server';
import { createClient } from '@libsql/client';

const port = Number(process.env.HOCUS_PORT ?? 1234);
const client = createClient({ url: process.env.HOCUS_DB ?? 'file:hocuspocus.db' });
await client.execute('PRAGMA journal_mode=WAL');
await client.execute('CREATE TABLE IF NOT EXISTS documents (name TEXT PRIMARY KEY, data BLOB NOT NULL)');

const server = new Server({
  port,
  address: '127.0.0.1',
  quiet: true,
  extensions: [
    new Database({
      fetch: async ({ documentName }) => {
        const result = await client.execute({
          sql: 'SELECT data FROM documents WHERE name = ?',
          args: [documentName],
        });
        const data = result.rows[0]?.data;
        return data ? new Uint8Array(data as ArrayBuffer) : null;
      },
      store: async ({ documentName, state }) => {
        await client.execute({
          sql: 'INSERT INTO documents (name, data) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET data = excluded.data',
          args: [documentName, state],
        });
      },
    }),
  ],
});
await server.listen();
console.log(`hocuspocus listening on ${port}`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.destroy().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
