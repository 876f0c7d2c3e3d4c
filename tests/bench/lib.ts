/**
 * Small tools of the benchmark: percentiles, server processes and what /proc says about them,
 * bounded waiting. Every wait here has a deadline; nothing loops without one.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { BENCH_AUDIT_SEED } from './seed.ts';

export const now = () => performance.now();
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Nearest-rank percentile of `values` (ms), or null when there are none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export const round = (x: number | null, digits = 1): number | null =>
  x === null || !Number.isFinite(x) ? null : Math.round(x * 10 ** digits) / 10 ** digits;

export { freePort } from '../support/ports.ts';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU seconds the process has used so far, in its own code and in the kernel. */
export function cpuTimes(pid: number): { user: number; system: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may contain spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { user: Number(fields[11]) / TICKS_PER_SECOND, system: Number(fields[12]) / TICKS_PER_SECOND };
}

/**
 * CPU seconds (user + system) used so far by the process's main thread (its event loop) and by
 * all its other threads together (V8's helpers, libuv's pool, worker threads: Linux names them
 * all "node", so they cannot be told apart here).
 */
export function threadCpu(pid: number): { main: number; others: number } {
  const out = { main: 0, others: 0 };
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${task}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const seconds = (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
      if (task === String(pid)) out.main += seconds;
      else out.others += seconds;
    } catch {
      // the thread ended between the listing and the read
    }
  }
  return out;
}

/** CPU seconds (user + system) the process has used so far. */
export function cpuSeconds(pid: number): number {
  const { user, system } = cpuTimes(pid);
  return user + system;
}

/**
 * How many times the process's threads went to sleep and were woken (voluntary context
 * switches, summed over its threads). Each wake-up from idle costs CPU of its own: about
 * 0.2 ms on this kind of virtual machine (docs/performance.md, team).
 */
export function wakeups(pid: number): number {
  let total = 0;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      const status = readFileSync(`/proc/${pid}/task/${task}/status`, 'utf8');
      const line = status.split('\n').find((l) => l.startsWith('voluntary_ctxt_switches:'));
      total += line ? Number(line.replace(/\D+/g, '')) : 0;
    } catch {
      // the thread ended between the listing and the read
    }
  }
  return total;
}

function statusKb(pid: number, key: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const line = status.split('\n').find((l) => l.startsWith(`${key}:`));
  return line ? Number(line.replace(/\D+/g, '')) : 0;
}

export const rssMb = (pid: number) => statusKb(pid, 'VmRSS') / 1024;
export const peakRssMb = (pid: number) => statusKb(pid, 'VmHWM') / 1024;
/** Resets the process's peak RSS (VmHWM) to its current RSS. */
export function resetPeakRss(pid: number): void {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // not permitted here: the peak then covers the whole life of the process
  }
}

/** Samples RSS every `everyMs` until stopped; returns the highest value seen (MB). */
export function sampleRss(pid: number, everyMs = 20): { stop(): number } {
  let peak = rssMb(pid);
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, rssMb(pid));
    } catch {
      // the process is gone
    }
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}

/**
 * The environment of a Jalon server process in the bench. Every Jalon process of a run shares
 * the secret: the sessions signed in once at the start are valid on each of them.
 */
export function jalonEnv(options: {
  port: number;
  publicUrl: string;
  databaseUrl: string;
  extra?: Record<string, string>;
}): Record<string, string> {
  return {
    NODE_ENV: 'production',
    PORT: String(options.port),
    HOST: '127.0.0.1',
    PUBLIC_URL: options.publicUrl,
    DATABASE_URL: options.databaseUrl,
    AUTH_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
    AUDIT_SIGNING_KEY: BENCH_AUDIT_SEED.toString('base64'),
    JALON_DEMO: '1',
    LOG_LEVEL: 'warn',
    ...options.extra,
  };
}

/** Every server this process started: killed if the driver exits early. */
const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

export interface ServerProcess {
  name: string;
  port: number;
  url: string;
  child: ChildProcess;
  pid: number;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process has exited */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Starts `node <script>` with `env` (through tsx when the script is TypeScript), logging to
 * `logFile`, and waits (bounded) until `ready` answers true.
 */
export async function startProcess(options: {
  name: string;
  script: string;
  env: Record<string, string>;
  port: number;
  logFile: string;
  ready: (url: string) => Promise<boolean>;
  timeoutMs?: number;
}): Promise<ServerProcess> {
  const out = openSync(options.logFile, 'a');
  // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of every Jalon process into <dir>
  const profile = process.env.BENCH_CPU_PROF && options.name.startsWith('jalon');
  const flags = profile ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const loader = options.script.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...flags, ...loader, options.script], {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', out, out],
  });
  children.add(child);
  const url = `http://127.0.0.1:${options.port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let dead = false;
  void exited.then(() => {
    dead = true;
    children.delete(child);
  });
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    if (dead) throw new Error(`${options.name} exited during start; see ${options.logFile}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${options.name} did not start in time; see ${options.logFile}`);
    }
    if (await options.ready(url).catch(() => false)) break;
    await sleep(100);
  }
  return {
    name: options.name,
    port: options.port,
    url,
    child,
    pid: child.pid!,
    async stop(graceMs = 10_000) {
      if (dead) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Resolves when `check` holds, polling every `everyMs`; rejects after `timeoutMs`. */
export async function waitFor(check: () => boolean, timeoutMs: number, what: string, everyMs = 5) {
  const deadline = now() + timeoutMs;
  while (!check()) {
    if (now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

/** Runs `tasks` with at most `limit` in flight at once. */
export async function inBatches<T>(
  items: readonly T[],
  limit: number,
  task: (item: T, i: number) => Promise<void>,
) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await task(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
