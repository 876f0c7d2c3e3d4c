/**
 * start: how long the production server takes from process start to `/api/health` answering, on
 * a database that is already migrated (a restart or a deploy, not a first start). Used by the
 * bench's `start` scenario and by `npm run start-time`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../support/ports.ts';
import { cpuSeconds } from './lib.ts';
import { median } from './rounds.ts';

/** A start is abandoned past this: a server that does not answer is a failure, not a figure. */
const START_TIMEOUT_MS = 60_000;

interface Start {
  ms: number;
  /**
   * CPU time (user + system, all threads) the process had used when it answered, in ms: on a
   * loaded machine the wall time mostly measures the other processes, this much less.
   */
  cpuMs: number;
}

async function startOnce(command: readonly string[], dbUrl: string): Promise<Start> {
  const [program, ...args] = command;
  if (!program) throw new Error('start: no command given');
  const port = await freePort();
  const started = performance.now();
  const child = spawn(program, args, {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      DATABASE_URL: dbUrl,
      AUTH_SECRET: 'start-time-measurement-secret-0123456789abcdef',
      AUDIT_SIGNING_KEY: Buffer.alloc(32, 5).toString('base64'),
      JALON_DEMO: '0',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`))),
  );
  try {
    while (performance.now() - started < START_TIMEOUT_MS) {
      const ok = await Promise.race([
        fetch(`http://127.0.0.1:${port}/api/health`).then(
          (r) => r.ok,
          () => false,
        ),
        exited,
      ]);
      if (ok) return { ms: performance.now() - started, cpuMs: cpuSeconds(child.pid!) * 1000 };
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error(`server did not answer /api/health within ${START_TIMEOUT_MS} ms`);
  } finally {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  }
}

export interface StartFigures {
  /** each start, in ms, in order */
  startsMs: number[];
  medianMs: number;
  /** the CPU each start had used when it answered, in ms */
  cpuMs: number[];
  medianCpuMs: number;
}

/** Starts `command` `runs` times on one migrated database (the first start migrates it, not counted). */
export async function startTimes(command: readonly string[], runs: number): Promise<StartFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'jalon-start-'));
  const dbUrl = `file:${join(dir, 'jalon.db')}`;
  try {
    await startOnce(command, dbUrl);
    const starts: Start[] = [];
    for (let i = 0; i < runs; i += 1) starts.push(await startOnce(command, dbUrl));
    const startsMs = starts.map((s) => Math.round(s.ms));
    const cpuMs = starts.map((s) => Math.round(s.cpuMs));
    return { startsMs, medianMs: median(startsMs), cpuMs, medianCpuMs: median(cpuMs) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
