/**
 * commits: what one durable commit costs the server process, apart from everything else.
 *
 * `node --import tsx tests/bench/commit-cost.ts <mode> <dir>` appends one row to Jalon's
 * document log (a migrated database in <dir>, `synchronous=FULL`) every 6 ms, the rate at
 * which the team scenario commits, 1,000 times, and prints one JSON line: the process's CPU
 * (user, kernel) and how often its threads were woken from sleep, per cycle. Modes:
 * - `idle`: the 6 ms waits alone, no commit (what an idle-then-woken event loop costs);
 * - `event-loop`: each commit on the event loop (write-connection.ts, openWriteConnection);
 * - `thread`: each commit on the write thread, as Jalon does (openWriteThread).
 * Run by `npm run bench` (scenario `commits`), each mode in a process of its own.
 */
import { join } from 'node:path';
import { openDatabase } from '../../server/db/client.ts';
import { applyMigrations } from '../../server/db/migrate.ts';
import {
  openWriteConnection,
  openWriteThread,
  type WriteConnection,
} from '../../server/db/write-connection.ts';
import { wakeups } from './lib.ts';

const CYCLES = 1000;
const GAP_MS = 6;
const INSERT = 'INSERT INTO doc_updates (doc_name, data, user_id, created_at) VALUES (?, ?, ?, ?)';

export interface CommitCost {
  mode: string;
  cycles: number;
  gapMs: number;
  /** CPU of the whole process per cycle, in ms */
  cpuMs: number;
  kernelMs: number;
  /** voluntary context switches of all its threads per cycle */
  wakeups: number;
}

async function measure(mode: string, dir: string): Promise<CommitCost> {
  const path = join(dir, `commits-${mode}.db`);
  const database = await openDatabase(`file:${path}`);
  await applyMigrations(database.db);
  await database.writable;
  database.close();
  let writes: WriteConnection | null = null;
  if (mode === 'thread') {
    const thread = openWriteThread(path, 5000);
    await thread.ready;
    writes = thread;
  } else if (mode === 'event-loop') writes = openWriteConnection(path, 5000);
  else if (mode !== 'idle') throw new Error(`unknown mode "${mode}" (idle, event-loop, thread)`);

  const data = new Uint8Array(60).fill(7);
  const cpuBefore = process.cpuUsage();
  const wakeupsBefore = wakeups(process.pid);
  for (let i = 0; i < CYCLES; i++) {
    if (writes) await writes.batch([{ sql: INSERT, args: [`project:${i % 5}`, data, 'user', Date.now()] }]);
    await new Promise((resolve) => setTimeout(resolve, GAP_MS));
  }
  const cpu = process.cpuUsage(cpuBefore);
  const woken = wakeups(process.pid) - wakeupsBefore;
  writes?.close();
  const per = (x: number) => Math.round((x / CYCLES) * 1000) / 1000;
  return {
    mode,
    cycles: CYCLES,
    gapMs: GAP_MS,
    cpuMs: per((cpu.user + cpu.system) / 1000),
    kernelMs: per(cpu.system / 1000),
    wakeups: per(woken),
  };
}

// Only ever run as a script; the benchmark imports its types alone.
const [mode = 'thread', dir = '.'] = process.argv.slice(2);
console.log(JSON.stringify(await measure(mode, dir)));
process.exit(0);
