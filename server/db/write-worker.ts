/**
 * The write connection's thread (server/db/write-connection.ts): runs each batch it is sent on
 * its own connection and answers with the results, or the error's message. It sleeps on the
 * shared counter of batches posted and takes each batch from its port synchronously (see
 * `WriteThreadChannel`), so its own event loop never runs once it has started.
 */
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import {
  BatchError,
  openSyncWriteConnection,
  type SqlStatement,
  type WriteThreadChannel,
} from './write-connection.ts';

type Request = { id: number; statements: SqlStatement[] } | 'close';

const { path, busyTimeoutMs, requests, posted } = workerData as WriteThreadChannel & {
  path: string;
  busyTimeoutMs: number;
};
const connection = openSyncWriteConnection(path, busyTimeoutMs);
const answers = parentPort!;
const count = new Int32Array(posted);
answers.postMessage({ ready: true });

let taken = 0;
for (;;) {
  // The counter wraps as an Int32 does; `| 0` wraps `taken` the same way.
  if (Atomics.load(count, 0) === taken) Atomics.wait(count, 0, taken);
  if (Atomics.load(count, 0) === taken) continue;
  // Posted before the counter moved, so it is there.
  const message = receiveMessageOnPort(requests)?.message as Request;
  taken = (taken + 1) | 0;
  if (message === 'close') break;
  try {
    answers.postMessage({ id: message.id, results: connection.run(message.statements) });
  } catch (err) {
    answers.postMessage({
      id: message.id,
      error: err instanceof Error ? err.message : String(err),
      statementIndex: err instanceof BatchError ? err.statementIndex : null,
    });
  }
}
connection.close();
requests.close();
answers.close();
