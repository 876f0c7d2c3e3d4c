/**
 * A throwaway Redis for the multi-node tests and the bench: Debian's redis-server on a free
 * loopback port, nothing saved to disk, stopped with the test.
 */
import { type ChildProcess, spawn } from 'node:child_process';
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

/** Resolves when the child prints `pattern`; rejects (with what it printed) if it exits first. */
export function readyWhen(
  child: ChildProcess,
  pattern: RegExp,
  what: string,
  timeoutMs = 30_000,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => fail(new Error(`${what} did not start in time:\n${output.slice(-2000)}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (pattern.test(output)) done();
    };
    const onExit = (code: number | null) =>
      fail(new Error(`${what} exited (${code}):\n${output.slice(-2000)}`));
    const onError = (err: Error) =>
      fail(
        new Error(`${what} could not start: ${err.message} (is it installed? see scripts/ensure-redis.sh)`),
      );
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      child.off('error', onError);
      // keep draining, so that a chatty child never blocks on a full pipe
      child.stdout?.resume();
      child.stderr?.resume();
    };
    const done = () => {
      cleanup();
      resolve();
    };
    const fail = (err: Error) => {
      cleanup();
      reject(err);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
    child.once('error', onError);
  });
}

export function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
