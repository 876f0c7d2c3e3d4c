/**
 * Invitations by e-mail, in a real browser against a server that mails through a real SMTP
 * server started here: the lead invites an address; the test reads the link from the mail
 * received; a fresh browser follows it, creates the account and lands in the project; the lead
 * is told it was accepted. Another invitee declines on the page after confirming, and the
 * link then says so. The programme office resends an open invitation from the administration:
 * a new mail arrives and the first link no longer works.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { builtClientDir, launchBrowser } from '../support/browser.ts';
import { linkIn, type Mailbox, startMailbox } from '../support/mailbox.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { signIn } from './helpers.ts';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
let mailbox: Mailbox;
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  mailbox = await startMailbox();
  server = await startTestServer({
    clientDir: builtClientDir(repoRoot),
    env: { SMTP_URL: mailbox.url, SMTP_FROM: 'jalon@example.org' },
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await mailbox?.close();
});

async function freshPage(locale = 'en-GB'): Promise<Page> {
  const context = await browser.newContext({ locale, baseURL: server.url });
  context.setDefaultTimeout(15_000);
  return context.newPage();
}

/** The lead invites from their own browser session (the reply says it was mailed, with no link). */
async function inviteFrom(page: Page, projectId: string, email: string, role = 'contributor') {
  const reply = await page.evaluate(
    async ({ projectId, email, role }) => {
      const res = await fetch(`/api/projects/${projectId}/members`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, role }),
      });
      return { status: res.status, body: await res.json() };
    },
    { projectId, email, role },
  );
  expect(reply.status).toBe(201);
  expect(reply.body.invitation).toMatchObject({ mailed: true, status: 'pending' });
  expect(reply.body.invitation.link).toBeUndefined();
}

async function ledProject(page: Page): Promise<{ id: string; title: string }> {
  return page.evaluate(async () => {
    const { projects } = await (await fetch('/api/projects')).json();
    return projects.find((p: { myRole: string }) => p.myRole === 'lead');
  });
}

describe('invitations by e-mail', () => {
  test('a mailed link creates the account, lands in the project, and the lead is told', async () => {
    const lead = await freshPage();
    await signIn(lead, 'lead@demo.jalon');
    await lead.waitForURL((url) => url.pathname === '/');
    const project = await ledProject(lead);
    await inviteFrom(lead, project.id, 'mia.mailed@example.org');

    const mail = await mailbox.next('mia.mailed@example.org');
    expect(mail.subject).toContain(project.title);
    expect(mail.text).toContain('as contributor');
    expect(mail.text).toContain('comme contributeur');
    expect(mail.text).toMatch(/until \d{1,2} \w+ \d{4}/);
    const link = linkIn(mail, `${server.config.publicUrl}/invitations/`);

    const invitee = await freshPage();
    await invitee.goto(new URL(link).pathname);
    await invitee.getByRole('heading', { level: 1, name: `Join ${project.title}` }).waitFor();
    await invitee.getByLabel('Your name').fill('Mia Mailed');
    await invitee.getByLabel('Choose a password').fill('tulip-harbour-lantern');
    await invitee.getByRole('button', { name: 'Create my account and join' }).click();
    await invitee.waitForURL((url) => url.pathname === `/projects/${project.id}`);
    await invitee.getByRole('heading', { level: 1, name: new RegExp(`^${project.title}`) }).waitFor();
    await invitee.context().close();

    await lead.getByRole('button', { name: /^Notifications, \d+ unread/ }).click();
    await lead
      .getByRole('link', { name: /Mia Mailed accepted your invitation and joined as contributor/ })
      .waitFor();
    await lead.context().close();
  });

  test('the link’s holder declines after confirming; the link then says it was declined', async () => {
    const lead = await freshPage();
    await signIn(lead, 'lead@demo.jalon');
    await lead.waitForURL((url) => url.pathname === '/');
    const project = await ledProject(lead);
    await inviteFrom(lead, project.id, 'dan.declines@example.org', 'observer');
    const link = linkIn(
      await mailbox.next('dan.declines@example.org'),
      `${server.config.publicUrl}/invitations/`,
    );

    const invitee = await freshPage('fr-FR');
    await invitee.goto(new URL(link).pathname);
    await invitee.getByRole('button', { name: 'Décliner l’invitation' }).click();
    await invitee.getByText(/Décliner l’invitation à .*\u00a0\?/).waitFor();
    await invitee.getByRole('button', { name: 'Oui, décliner' }).click();
    await invitee.getByRole('heading', { level: 1, name: 'Vous avez décliné l’invitation' }).waitFor();
    await invitee.reload();
    await invitee.getByRole('heading', { level: 1, name: 'Cette invitation a été déclinée' }).waitFor();
    expect(await invitee.getByRole('button', { name: /Créer mon compte/ }).count()).toBe(0);
    await invitee.context().close();

    await lead.reload();
    await lead.getByRole('button', { name: /^Notifications, \d+ unread/ }).click();
    await lead
      .getByRole('link', { name: /dan\.declines@example\.org declined your invitation to join as observer/ })
      .waitFor();
    await lead.context().close();
  });

  test('the programme office resends from the administration: a new mail, the old link dead', async () => {
    const lead = await freshPage();
    await signIn(lead, 'lead@demo.jalon');
    await lead.waitForURL((url) => url.pathname === '/');
    const project = await ledProject(lead);
    await inviteFrom(lead, project.id, 'rita.resent@example.org', 'mentor');
    const first = linkIn(
      await mailbox.next('rita.resent@example.org'),
      `${server.config.publicUrl}/invitations/`,
    );
    await lead.context().close();

    const manager = await freshPage();
    await signIn(manager, 'manager@demo.jalon');
    await manager.waitForURL((url) => url.pathname === '/');
    await manager.goto('/admin/people');
    await manager.getByRole('link', { name: 'Invitations', exact: true }).click();
    const item = manager
      .getByRole('list', { name: 'Unanswered invitations' })
      .getByRole('listitem')
      .filter({ hasText: 'rita.resent@example.org' });
    await item.getByText(project.title).waitFor();
    await item.getByText('Pending').waitFor();
    await item.getByText('Mentor').waitFor();
    await item.getByRole('button', { name: 'Resend the invitation to rita.resent@example.org' }).click();
    await manager
      .getByText('Sent again to rita.resent@example.org; the previous link no longer works.')
      .waitFor();
    await item.getByText(/\(2 sends\)/).waitFor();
    const second = linkIn(
      await mailbox.next('rita.resent@example.org'),
      `${server.config.publicUrl}/invitations/`,
    );
    expect(second).not.toBe(first);

    const invitee = await freshPage();
    await invitee.goto(new URL(first).pathname);
    await invitee.getByRole('heading', { level: 1, name: 'This invitation cannot be used' }).waitFor();
    await invitee.goto(new URL(second).pathname);
    await invitee.getByRole('heading', { level: 1, name: `Join ${project.title}` }).waitFor();
    await invitee.context().close();

    // Withdrawing asks first; the invitation then leaves the office's list.
    await item.getByRole('button', { name: 'Withdraw the invitation to rita.resent@example.org' }).click();
    await manager.getByRole('button', { name: 'Withdraw the invitation', exact: true }).click();
    await manager.getByText('The invitation to rita.resent@example.org was withdrawn.').waitFor();
    await expect.poll(() => item.count()).toBe(0);
    await manager.context().close();
  });
});
