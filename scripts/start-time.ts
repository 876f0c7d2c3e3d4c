/**
 * `npm run start-time`: how long the production server takes from process start to `/api/health`
 * answering, on a database that is already migrated (a restart or a deploy, not a first start).
 *
 * Runs the given command (by default `npm start`'s, `node dist/server/main.js`: run
 * `npm run build` first) a few times (RUNS, 7 by default) against one migrated database and
 * prints each start, the CPU time the process had used when it answered, and their medians. The server as TypeScript, for comparison:
 * `npm run start-time -- node --import tsx server/main.ts`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const runs = Number(process.env.RUNS ?? 7);
const given = process.argv.slice(2);
const [program = 'node', ...args] = given.length > 0 ? given : ['node', 'dist/server/main.js'];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/**
 * CPU time (user + system, all threads) the process has used, in ms: on a loaded machine the
 * wall time mostly measures the other processes, this much less.
 */
function cpuMs(pid: number): number {
  // Fields after the command's closing parenthesis; utime and stime are the 12th and 13th there.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

interface Start {
  ms: number;
  cpuMs: number;
}

async function startOnce(dbUrl: string): Promise<Start> {
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
    for (;;) {
      const ok = await Promise.race([
        fetch(`http://127.0.0.1:${port}/api/health`).then(
          (r) => r.ok,
          () => false,
        ),
        exited,
      ]);
      if (ok) return { ms: performance.now() - started, cpuMs: cpuMs(child.pid as number) };
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

const dir = mkdtempSync(join(tmpdir(), 'jalon-start-'));
const dbUrl = `file:${join(dir, 'jalon.db')}`;
try {
  await startOnce(dbUrl); // migrates the database; not counted
  const starts: Start[] = [];
  for (let i = 0; i < runs; i += 1) starts.push(await startOnce(dbUrl));
  const median = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  const times = starts.map((s) => s.ms);
  const cpu = starts.map((s) => s.cpuMs);
  console.log(`starts (ms): ${times.map((t) => t.toFixed(0)).join(', ')}`);
  console.log(`CPU at health (ms): ${cpu.map((t) => t.toFixed(0)).join(', ')}`);
  console.log(
    `median: ${median(times).toFixed(0)} ms over ${runs} starts, ${median(cpu).toFixed(0)} ms of CPU`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
