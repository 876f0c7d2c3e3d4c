/**
 * `npm run start-time`: how long the production server takes from process start to `/api/health`
 * answering, on a database that is already migrated (a restart or a deploy, not a first start).
 *
 * Runs the given command (default: `npm start`'s server command, without the client build) a few
 * times against one migrated database and prints each start and the median.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const runs = Number(process.env.RUNS ?? 7);
const [program = '', ...args] = process.argv.slice(2);
if (program === '') {
  console.error('usage: node --import tsx scripts/start-time.ts <command…>   e.g. node dist/server/main.js');
  process.exit(2);
}

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

async function startOnce(dbUrl: string): Promise<number> {
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
      JALON_DEMO: '0',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code: number | null) => reject(new Error(`server exited with ${code}`))),
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
      if (ok) return performance.now() - started;
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
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) times.push(await startOnce(dbUrl));
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`starts (ms): ${times.map((t) => t.toFixed(0)).join(', ')}`);
  console.log(
    `median: ${(sorted[Math.floor(sorted.length / 2)] ?? Number.NaN).toFixed(0)} ms over ${runs} starts`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
