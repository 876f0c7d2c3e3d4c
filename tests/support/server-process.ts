/**
 * One Jalon server in a child process (`server/main.ts`, a fresh libSQL file, the demo cluster),
 * for tests that watch its memory or would see it die: the test process's own memory does not
 * blur the reading, and a server that runs out of memory fails the test instead of the runner.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lastOutput, readyWhen, stop } from './child.ts';
import { freePort } from './ports.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface ServerProcess {
  url: string;
  pid: number;
  /** its resident memory now, in bytes (VmRSS) */
  rssBytes(): number;
  /** its last log lines, for failure messages */
  output(): string;
  readonly alive: boolean;
  /** resolves with the signal that ended it (null: it exited by itself) */
  exited(): Promise<NodeJS.Signals | null>;
  /** the folder of its database: give it to the next start for a restart on the same data */
  dir: string;
  stop(): Promise<void>;
}

export async function startServerProcess(
  env: Record<string, string> = {},
  options: {
    /** reuse this folder's database (a restart); it is then left in place on stop */
    dir?: string;
  } = {},
): Promise<ServerProcess> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'jalon-process-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: url,
      DATABASE_URL: `file:${join(dir, 'jalon.db')}`,
      AUTH_SECRET: 'process-secret-process-secret-0123456789',
      JALON_DEMO: '1',
      // the demo as it stands today: its history would only slow every start down
      JALON_DEMO_HISTORY: '0',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = lastOutput(child);
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const exit = new Promise<NodeJS.Signals | null>((resolve) =>
    child.once('exit', (_code, signal) => resolve(signal)),
  );
  const cleanup = () => {
    process.off('exit', killOnExit);
    if (!options.dir) rmSync(dir, { recursive: true, force: true });
  };
  try {
    await readyWhen(child, /Jalon is listening/, 'the server', 60_000);
  } catch (err) {
    await stop(child, 'SIGKILL');
    cleanup();
    throw err;
  }
  const pid = child.pid!;
  return {
    url,
    pid,
    rssBytes() {
      const kb = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      if (!kb) throw new Error(`no VmRSS for process ${pid}`);
      return Number(kb) * 1024;
    },
    output,
    get alive() {
      return child.exitCode === null && child.signalCode === null;
    },
    exited: () => exit,
    dir,
    async stop() {
      await stop(child, 'SIGTERM');
      cleanup();
    },
  };
}
