/** Child processes the tests start (Redis, server nodes): waiting for them to be up, stopping them. */
import type { ChildProcess } from 'node:child_process';

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
        new Error(
          `${what} could not start: ${err.message} (is it installed? npm test installs what it needs: scripts/ensure-*.sh)`,
        ),
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

/** The last 20,000 characters the child printed (both streams), for failure messages. */
export function lastOutput(child: ChildProcess): () => string {
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => output;
}
