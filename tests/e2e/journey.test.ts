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
const HOSPITAL = 'Hôpital Sud-Francilien';
const STARTUP = 'Cellvia Therapeutics';

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
    for (const [name, kind] of [
      [HOSPITAL, 'Hospital'],
      [STARTUP, 'Start-up'],
    ] as const) {
      await manager.getByRole('link', { name: 'New organisation' }).first().click();
      await manager.getByLabel('Name', { exact: true }).fill(name);
      await manager.getByLabel('Kind').selectOption({ label: kind });
      await manager.getByRole('button', { name: 'Create the organisation' }).click();
      await manager.getByRole('heading', { level: 1, name }).waitFor();
      await manager.getByRole('link', { name: 'All organisations' }).click();
    }

    // ... creates the start-up's project with the hospital as its clinical site ...
    await manager.goto('/');
    await manager.getByRole('link', { name: 'New project' }).first().click();
    await manager.getByRole('heading', { level: 1, name: 'New project' }).waitFor();
    await manager.getByLabel('Title', { exact: true }).fill(PROJECT);
    await manager.getByLabel('Track').selectOption({ label: 'Therapeutics' });
    await manager.getByLabel('Lead organisation').selectOption({ label: STARTUP });
    await manager.getByRole('button', { name: 'Add a partner' }).click();
    await manager.getByLabel('Partner 1', { exact: true }).selectOption({ label: HOSPITAL });
    await manager.getByLabel('Role of partner 1').selectOption({ label: 'Clinical site' });
    await manager.getByRole('button', { name: 'Create the project' }).click();
    await manager.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    await manager.getByRole('heading', { level: 1, name: PROJECT }).waitFor();
    const projectPath = new URL(manager.url()).pathname;

    // ... and invites its lead by e-mail from the project's settings.
    await manager.getByRole('link', { name: 'Settings' }).click();
    await manager.getByRole('heading', { level: 1, name: `Settings of ${PROJECT}` }).waitFor();
    await invite(manager, LEAD.email, 'Lead', STARTUP);

    // The lead follows the mailed link, creates the account and lands in the project.
    const lead = await acceptMailedInvitation(LEAD, projectPath);

    // The lead invites a contributor from the start-up and an observer from the hospital.
    await lead.getByRole('link', { name: 'Settings' }).click();
    await lead.getByRole('heading', { level: 1, name: `Settings of ${PROJECT}` }).waitFor();
    await invite(lead, CONTRIBUTOR.email, 'Contributor', STARTUP);
    await invite(lead, OBSERVER.email, 'Observer', HOSPITAL);
    const contributor = await acceptMailedInvitation(CONTRIBUTOR, projectPath);
    const observer = await acceptMailedInvitation(OBSERVER, projectPath);
    // Accepting shows on the lead's settings page.
    const invitations = lead.getByRole('region', { name: 'Invitations' });
    await lead.reload();
    await invitations
      .getByRole('listitem')
      .filter({ hasText: CONTRIBUTOR.email })
      .getByText('Accepted')
      .waitFor();

    // The contributor adds a milestone while the lead watches the board.
    await lead.goto(projectPath);
    await lead.getByRole('heading', { level: 1, name: PROJECT }).waitFor();
    const title = 'Potency assay on donor material';
    await contributor.getByRole('button', { name: 'New milestone' }).first().click();
    await contributor.getByLabel('Milestone title').fill(title);
    await contributor.getByLabel('Milestone title').press('Enter');
    await lead
      .getByRole('region', { name: /^Planned/ })
      .getByRole('button', { name: title, exact: true })
      .waitFor();
    await observer
      .getByRole('region', { name: /^Planned/ })
      .getByRole('button', { name: title, exact: true })
      .waitFor();

    // The lead removes the observer: the observer's open page loses access at once.
    await lead.getByRole('link', { name: 'Settings' }).click();
    await lead.getByRole('button', { name: `Remove ${OBSERVER.name}` }).click();
    await lead.getByRole('button', { name: 'Remove from the project' }).click();
    await lead
      .getByRole('status')
      .filter({ hasText: `${OBSERVER.name} was removed from the project.` })
      .waitFor();
    // (the room says so, or the page says why the project is gone, whichever reaches it first)
    await observer
      .getByText(/^(Access removed|Your access to this project was removed)$/)
      .first()
      .waitFor();
    await expect.poll(() => observer.getByText(title, { exact: true }).isVisible()).toBe(false);

    // The manager deactivates the contributor: the contributor's open page is signed out.
    await manager.goto('/admin/people');
    await manager.getByRole('searchbox', { name: 'Search people' }).fill('paul henry');
    await manager
      .getByRole('list', { name: 'People of the cluster' })
      .getByRole('link', { name: CONTRIBUTOR.name })
      .click();
    const actions = manager.getByRole('region', { name: 'Account and rights' });
    await actions.getByRole('button', { name: 'Deactivate the account' }).click();
    await actions.getByRole('button', { name: 'Confirm' }).click();
    await actions.getByText('The account is deactivated. Its sessions and tokens have ended.').waitFor();
    await contributor.waitForURL(/\/sign-in/);
    await contributor.getByText('You were signed out: your account has been deactivated.').waitFor();

    // The lead archives the project: it leaves the default portfolio.
    await lead.getByRole('button', { name: 'Archive the project…' }).click();
    await lead
      .getByRole('alertdialog', { name: 'Archive this project?' })
      .getByRole('button', { name: 'Archive', exact: true })
      .click();
    await lead.getByText('This project is archived. Only the programme office can restore it.').waitFor();
    await manager.goto('/');
    await manager.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
    await manager
      .getByText(/No project/)
      .first()
      .waitFor();
    expect(await manager.getByRole('link', { name: PROJECT }).count()).toBe(0);
  });
});

/** Invites `email` from the members panel of the settings page open in `page`; the mail goes out. */
async function invite(page: Page, email: string, role: string, organisation: string) {
  const form = page.getByRole('region', { name: 'Invite someone' });
  await form.getByLabel('E-mail address').fill(email);
  await form.getByLabel('Role').selectOption({ label: role });
  await form.getByLabel('Their organisation (optional)').selectOption({ label: organisation });
  await form.getByRole('button', { name: 'Invite' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `Invitation e-mailed to ${email}.` })
    .waitFor();
}

/** A fresh browser follows the invitation mailed to `who`, creates the account and lands in the project. */
async function acceptMailedInvitation(
  who: { email: string; name: string; password: string },
  projectPath: string,
): Promise<Page> {
  const page = await freshPage();
  await page.goto(await mailedPath(who.email, '/invitations/'));
  await page.getByRole('heading', { level: 1, name: `Join ${PROJECT}` }).waitFor();
  await page.getByLabel('Your name').fill(who.name);
  await page.getByLabel('Choose a password').fill(who.password);
  await page.getByRole('button', { name: 'Create my account and join' }).click();
  await page.waitForURL((url) => url.pathname === projectPath);
  await page.getByRole('heading', { level: 1, name: new RegExp(`^${PROJECT}`) }).waitFor();
  return page;
}
