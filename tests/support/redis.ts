/**
 * A throwaway Redis for the multi-node tests and the bench: Debian's redis-server on a free
 * loopback port, nothing saved to disk, stopped with the test.
 */
import { spawn } from 'node:child_process';
import { readyWhen, stop } from './child.ts';
import { freePort } from './ports.ts';

export interface TestRedis {
  url: string;
  close(): Promise<void>;
}

const REDIS_SERVER = process.env.REDIS_SERVER_PATH ?? 'redis-server';

export async function startRedis(): Promise<TestRedis> {
  const port = await freePort();
  const child = spawn(
    REDIS_SERVER,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--loglevel',
      'notice',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  process.once('exit', () => child.kill('SIGKILL'));
  await readyWhen(child, /Ready to accept connections/, `redis-server on port ${port}`).catch(async (err) => {
    await stop(child, 'SIGKILL');
    throw err;
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    close: () => stop(child),
  };
}
