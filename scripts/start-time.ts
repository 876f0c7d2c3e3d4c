/**
 * `npm run start-time`: how long the production server takes from process start to `/api/health`
 * answering, on a database that is already migrated (a restart or a deploy, not a first start).
 *
 * Runs the given command (by default `npm start`'s, `node dist/server/main.js`: run
 * `npm run build` first) a few times (RUNS, 7 by default) against one migrated database and
 * prints each start and the median. The server as TypeScript, for comparison:
 * `npm run start-time -- node --import tsx server/main.ts`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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
  const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? Number.NaN;
  console.log(`starts (ms): ${times.map((t) => t.toFixed(0)).join(', ')}`);
  console.log(`median: ${median.toFixed(0)} ms over ${runs} starts`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
