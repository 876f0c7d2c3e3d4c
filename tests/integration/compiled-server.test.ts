/**
 * The compiled server (`npm run build`, then `npm start`: `node dist/server/main.js`) starts
 * with plain node, without tsx, and finds what it loads at run time: the database's write
 * thread, the migrations and the built client. It is built here, in a copy laid out as a
 * deployment is (dist/, drizzle/, package.json, node_modules/), so a broken build fails the
 * suite without touching the checkout's dist/.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../scripts/build-server.ts';
import { lastOutput, readyWhen, stop } from '../support/child.ts';
import { freePort } from '../support/ports.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

let deployment: string;
let server: ChildProcess | undefined;
let output: () => string;
let url: string;

beforeAll(async () => {
  deployment = mkdtempSync(join(tmpdir(), 'jalon-compiled-'));
  await buildServer(join(deployment, 'dist/server'));
  // The client's page as it stands in the checkout: building the client is not this test's object.
  mkdirSync(join(deployment, 'dist/client'));
  copyFileSync(join(repoRoot, 'client/index.html'), join(deployment, 'dist/client/index.html'));
  symlinkSync(join(repoRoot, 'drizzle'), join(deployment, 'drizzle'));
  symlinkSync(join(repoRoot, 'node_modules'), join(deployment, 'node_modules'));
  writeFileSync(join(deployment, 'package.json'), JSON.stringify({ type: 'module' }));

  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ['dist/server/main.js'], {
    cwd: deployment,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: url,
      DATABASE_URL: `file:${join(deployment, 'data/jalon.db')}`,
      AUTH_SECRET: 'compiled-secret-compiled-secret-0123456789',
      AUDIT_SIGNING_KEY: Buffer.alloc(32, 3).toString('base64'),
      LOG_LEVEL: 'info',
      // Open sign-up, to check the password policy; it needs a mail server, never reached here.
      SIGNUP: 'open',
      SMTP_URL: 'smtp://127.0.0.1:9',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  output = lastOutput(server);
  await readyWhen(server, /Jalon is listening/, 'the compiled server');
});

afterAll(async () => {
  if (server) await stop(server);
  rmSync(deployment, { recursive: true, force: true });
});

describe('the compiled server', () => {
  it('answers its health check on a fresh database', async () => {
    const reply = await fetch(`${url}/api/health`);
    expect(reply.status, output()).toBe(200);
    expect(await reply.json()).toMatchObject({ ok: true, demo: false });
  });

  it('serves the sign-in page', async () => {
    const reply = await fetch(`${url}/sign-in`);
    expect(reply.status, output()).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/text\/html/);
    expect(await reply.text()).toContain('<title>Jalon</title>');
  });

  it('refuses an unknown account through the database (read and write connections open)', async () => {
    const reply = await fetch(`${url}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url },
      body: JSON.stringify({ email: 'nobody@example.org', password: 'not-a-password-at-all' }),
    });
    expect(reply.status, output()).toBe(401);
  });

  it('refuses a common password at sign-up (the list stays in node_modules, loaded when first needed)', async () => {
    const reply = await fetch(`${url}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url },
      body: JSON.stringify({ email: 'newcomer@example.org', name: 'Newcomer', password: 'password1234' }),
    });
    expect(reply.status, output()).toBe(400);
    expect(await reply.json()).toMatchObject({ code: 'PASSWORD_TOO_COMMON' });
  });
});
