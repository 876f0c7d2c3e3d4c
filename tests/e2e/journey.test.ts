/**
 * The first days of a real cluster, in real browsers, on an empty database (JALON_DEMO=0) with a
 * real mail server: the operator creates the first manager from the shell; the manager follows
 * the mailed link, onboards a hospital and a start-up, creates a project with a partner and
 * invites its lead by e-mail; the lead follows the mail, invites a contributor and an observer;
 * the contributor edits a milestone live while the lead watches; the lead removes the observer,
 * whose open page loses access at once; the manager deactivates the contributor, whose open page
 * is signed out; the lead archives the project and it leaves the default portfolio.
 */
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { builtClientDir, launchBrowser } from '../support/browser.ts';
import { linkIn, type Mailbox, startMailbox } from '../support/mailbox.ts';
import { startTestServer, TEST_AUDIT_SIGNING_KEY, type TestServer } from '../support/server.ts';
import { fillSignIn } from './helpers.ts';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const MANAGER = {
  email: 'ada.martin@cluster.example',
  name: 'Ada Martin',
  password: 'orchard-violet-compass',
};
const LEAD = { email: 'ines.roux@cellvia.example', name: 'Inès Roux', password: 'granite-heron-lullaby' };
const CONTRIBUTOR = {
  email: 'paul.henry@cellvia.example',
  name: 'Paul Henry',
  password: 'saffron-kettle-meadow',
};
const OBSERVER = { email: 'lina.ba@hopital.example', name: 'Lina Ba', password: 'quartz-willow-ember' };
const PROJECT = 'CLV-7 allogeneic CAR-T';

let mailbox: Mailbox;
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  mailbox = await startMailbox();
  server = await startTestServer({
    demo: false,
    clientDir: builtClientDir(repoRoot),
    env: { SMTP_URL: mailbox.url, MAIL_FROM: 'Jalon <jalon@cluster.example>' },
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await mailbox?.close();
});

/** `npm run admin -- ...args` as the operator runs it, on the server's database and mail server. */
function admin(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/admin.ts', ...args],
      {
        cwd: repoRoot,
        env: {
          PATH: process.env.PATH,
          NODE_ENV: 'test',
          JALON_DEMO: '0',
          DATABASE_URL: server.databaseUrl,
          AUTH_SECRET: 'test-secret-test-secret-test-secret-0123',
          AUDIT_SIGNING_KEY: TEST_AUDIT_SIGNING_KEY,
          PUBLIC_URL: server.url,
          SMTP_URL: mailbox.url,
          MAIL_FROM: 'Jalon <jalon@cluster.example>',
          LOG_LEVEL: 'silent',
        },
      },
      (err, stdout, stderr) =>
        resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

async function freshPage(): Promise<Page> {
  const context = await browser.newContext({
    locale: 'en-GB',
    baseURL: server.url,
    viewport: { width: 1280, height: 900 },
  });
  context.setDefaultTimeout(15_000);
  return context.newPage();
}

/** The path of the first link in the newest mail to `to` that starts with `prefix`. */
async function mailedPath(to: string, prefix: string): Promise<string> {
  const start = `${server.url}${prefix}`;
  const link = new URL(linkIn(await mailbox.next(to, (m) => m.text.includes(start)), start));
  return link.pathname + link.search;
}

describe('the first days of a real cluster', () => {
  test('from an empty database to an archived project, through the shell, the mail and the browser', async () => {
    // The operator: the first manager, from the shell; the link is printed and mailed.
    const created = await admin('create-manager', MANAGER.email, '--name', MANAGER.name);
    expect(created.code, created.stderr).toBe(0);
    const manager = await freshPage();
    await manager.goto(await mailedPath(MANAGER.email, '/reset-password'));
    await manager.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    await manager.getByLabel('New password', { exact: true }).fill(MANAGER.password);
    await manager.getByRole('button', { name: 'Save the new password' }).click();
    await manager.waitForURL(/\/sign-in/);
    await fillSignIn(manager, MANAGER.email, MANAGER.password);
    await manager.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();

    // The manager onboards a hospital and a start-up.
    await manager.goto('/admin/organisations');
    await manager.getByRole('heading', { name: 'No organisation yet' }).waitFor();
    await manager.screenshot({ path: '/tmp/journey-orgs-empty.png' });
    for (const [name, kind] of [
      ['Hôpital Sud-Francilien', 'Hospital'],
      ['Cellvia Therapeutics', 'Start-up'],
    ] as const) {
      await manager.getByRole('link', { name: 'New organisation' }).first().click();
      await manager.getByLabel('Name', { exact: true }).fill(name);
      await manager.getByLabel('Kind').selectOption({ label: kind });
      await manager.getByRole('button', { name: 'Create the organisation' }).click();
      await manager.getByRole('heading', { level: 1, name }).waitFor();
      await manager.getByRole('link', { name: 'All organisations' }).click();
    }
  });
});
