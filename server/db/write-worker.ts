/**
 * The write connection's thread (server/db/write-connection.ts): runs each batch it is sent on
 * its own connection and answers with the results, or the error's message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { BatchError, openWriteConnection, type SqlStatement } from './write-connection.ts';

const { path, busyTimeoutMs } = workerData as { path: string; busyTimeoutMs: number };
const connection = openWriteConnection(path, busyTimeoutMs);
const port = parentPort!;

port.on('message', (message: { id: number; statements: SqlStatement[] } | 'close') => {
  if (message === 'close') {
    connection.close();
    port.close();
    return;
  }
  connection.batch(message.statements).then(
    (results) => port.postMessage({ id: message.id, results }),
    (err: unknown) =>
      port.postMessage({
        id: message.id,
        error: err instanceof Error ? err.message : String(err),
        statementIndex: err instanceof BatchError ? err.statementIndex : null,
      }),
  );
});
port.postMessage({ ready: true });
