/**
 * Single sign-on in a real browser, against a real OpenID provider on loopback and a real SMTP
 * server: a cluster manager adds a hospital's connection on Administration › Single sign-on and
 * tests it; a lead invites a hospital address by e-mail; the invitee follows the mailed link, is
 * offered the hospital's sign-in instead of a password, signs in at the provider, comes back,
 * accepts and is in the project, as a member of the hospital. On the sign-in page a covered
 * address loses its password field and goes to the provider; the provider's refusal comes back
 * in plain words. Removing the connection says what it does, and the password field returns.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { organisationMembers, organisations, user } from '../../server/db/schema/index.ts';
import { builtClientDir, launchBrowser } from '../support/browser.ts';
import { linkIn, type Mailbox, startMailbox } from '../support/mailbox.ts';
import { startOidcProvider, type TestOidcProvider } from '../support/oidc-provider.ts';
import { freePort } from '../support/ports.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { signIn } from './helpers.ts';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const HOSPITAL_SLUG = 'centre-hospitalier-val-de-bievre';
const HOSPITAL = 'Centre Hospitalier du Val de Bièvre';
const DOMAIN = 'chvb.example';
const WRONG_CREDENTIALS = 'Wrong email or password. Check both and try again.';
const INVITEE = { email: `amira.benali@${DOMAIN}`, name: 'Amira Benali' };

let mailbox: Mailbox;
let server: TestServer;
let idp: TestOidcProvider;
let browser: Browser;
let hospitalId: string;

beforeAll(async () => {
  mailbox = await startMailbox();
  server = await startTestServer({
    clientDir: builtClientDir(repoRoot),
    env: { SMTP_URL: mailbox.url, SMTP_FROM: 'jalon@example.org' },
  });
  const [hospital] = await server.deps.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.slug, HOSPITAL_SLUG));
  if (!hospital) throw new Error('the demo has no Centre Hospitalier du Val de Bièvre');
  hospitalId = hospital.id;
  idp = await startOidcProvider({
    port: await freePort(),
    redirectUris: [`${server.url}/api/auth/sso/callback/${HOSPITAL_SLUG}-oidc`],
    accounts: [INVITEE],
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await idp?.close();
  await server?.close();
  await mailbox?.close();
});

async function freshPage(locale = 'en-GB'): Promise<Page> {
  const context = await browser.newContext({ locale, baseURL: server.url });
  context.setDefaultTimeout(15_000);
  return context.newPage();
}

async function signedInPage(email: string): Promise<Page> {
  const page = await freshPage();
  await signIn(page, email);
  await page.waitForURL((url) => url.pathname === '/');
  return page;
}

/** The connection as the server keeps it (what the list is drawn from). */
async function connectionSeenBy(page: Page) {
  return page.evaluate(async () => {
    const res = await fetch('/api/admin/sso/connections');
    return (await res.json()).connections[0] as { activity: { lastTest: { at: string } | null } } | undefined;
  });
}

describe('single sign-on through the hospital’s OpenID provider', () => {
  test('a manager adds and tests the connection; an invited hospital address joins through it', async () => {
    const manager = await signedInPage('manager@demo.jalon');
    await manager.goto('/admin');
    await manager.getByRole('link', { name: 'Single sign-on' }).click();
    await manager.getByRole('heading', { name: 'No single sign-on connection yet' }).waitFor();
    await manager.getByRole('link', { name: 'Add a connection' }).focus();
    await manager.keyboard.press('Enter');
    await manager.getByRole('heading', { level: 1, name: 'Add a connection' }).waitFor();

    await manager.getByLabel('Organisation').selectOption({ label: HOSPITAL });
    await expect.poll(() => manager.getByLabel('OpenID Connect').isChecked()).toBe(true);
    await manager.getByLabel('E-mail domains').fill(DOMAIN);
    await manager.keyboard.press('Tab');
    await manager.keyboard.type(idp.issuer);
    await manager.getByLabel('Client id').fill(idp.clientId);
    await manager.getByLabel('Client secret').fill(idp.clientSecret);
    await manager.keyboard.press('Enter');

    await manager.getByText(`${HOSPITAL}’s connection is added and tested.`).waitFor();
    const card = manager
      .getByRole('listitem')
      .filter({ has: manager.getByRole('heading', { name: HOSPITAL }) });
    await card.getByText('OpenID Connect').waitFor();
    await card.getByText(DOMAIN, { exact: true }).waitFor();
    await card.getByText(`${server.url}/api/auth/sso/callback/${HOSPITAL_SLUG}-oidc`).waitFor();
    await card.getByText('Nobody has signed in through it yet').waitFor();
    // the secret is never shown back, only the client id's end
    expect(await manager.content()).not.toContain(idp.clientSecret);
    await card.getByText(`Client id ending in …${idp.clientId.slice(-4)}`).waitFor();
    const added = await connectionSeenBy(manager);

    await card.getByRole('button', { name: `Test the connection of ${HOSPITAL}` }).focus();
    await manager.keyboard.press('Enter');
    await expect
      .poll(async () => (await connectionSeenBy(manager))?.activity.lastTest?.at)
      .not.toBe(added?.activity.lastTest?.at);
    await card.getByText(/^Passed on .+: people can sign in through it\.$/).waitFor();
    await card.getByText('Signing keys (passed)').waitFor();
    const axe = await new AxeBuilder({ page: manager })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await manager.context().close();

    const lead = await signedInPage('lead@demo.jalon');
    const project = await lead.evaluate(async () => {
      const { projects } = await (await fetch('/api/projects')).json();
      return projects.find((p: { myRole: string }) => p.myRole === 'lead') as { id: string; title: string };
    });
    const invited = await lead.evaluate(
      async ({ projectId, email }) => {
        const res = await fetch(`/api/projects/${projectId}/members`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, role: 'contributor' }),
        });
        return { status: res.status, body: await res.json() };
      },
      { projectId: project.id, email: INVITEE.email },
    );
    expect(invited.status).toBe(201);
    expect(invited.body.invitation).toMatchObject({ mailed: true });
    await lead.context().close();

    const link = linkIn(await mailbox.next(INVITEE.email), `${server.config.publicUrl}/invitations/`);
    const invitee = await freshPage();
    await invitee.goto(new URL(link).pathname);
    await invitee.getByRole('heading', { level: 1, name: `Join ${project.title}` }).waitFor();
    await invitee.getByText(`${HOSPITAL} signs you in.`).waitFor();
    expect(await invitee.getByLabel('Choose a password').count()).toBe(0);
    await invitee.getByRole('button', { name: 'Continue to your organisation’s sign-in' }).click();

    await invitee.getByRole('heading', { name: 'Hospital sign-in' }).waitFor();
    expect(invitee.url().startsWith(idp.issuer)).toBe(true);
    await invitee.getByLabel('Hospital address').fill(INVITEE.email);
    await invitee.getByLabel('Hospital address').press('Enter');

    await invitee.waitForURL((url) => url.pathname === new URL(link).pathname);
    await invitee.getByRole('button', { name: 'Accept the invitation' }).click();
    await invitee.waitForURL((url) => url.pathname === `/projects/${project.id}`);
    await invitee.getByRole('heading', { level: 1, name: new RegExp(`^${project.title}`) }).waitFor();
    await invitee.context().close();

    const [person] = await server.deps.db.select().from(user).where(eq(user.email, INVITEE.email));
    expect(person?.name).toBe(INVITEE.name);
    const memberships = await server.deps.db
      .select({ organisationId: organisationMembers.organisationId })
      .from(organisationMembers)
      .where(eq(organisationMembers.userId, person!.id));
    expect(memberships).toEqual([{ organisationId: hospitalId }]);
  });

  test('on the sign-in page a hospital address goes to the provider, whose refusal is told in plain words', async () => {
    const page = await freshPage();
    await page.goto('/sign-in');
    await page.getByLabel('Email', { exact: true }).fill('someone.unknown@chvb.example');
    await page.keyboard.press('Tab');
    await page.getByText(`${HOSPITAL} signs you in.`).waitFor();
    expect(await page.getByLabel('Password', { exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Continue to your organisation’s sign-in' }).click();

    await page.getByRole('heading', { name: 'Hospital sign-in' }).waitFor();
    // the provider knows no such person and denies access
    await page.getByLabel('Hospital address').fill('someone.unknown@chvb.example');
    await page.getByLabel('Hospital address').press('Enter');
    await page.waitForURL((url) => url.origin === server.url && url.pathname === '/sign-in');
    await page
      .getByRole('alert')
      .getByText('The sign-in at your organisation was cancelled or refused. Try again.')
      .waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/me')).status);
    expect(me).toBe(401);
    await page.context().close();
  });

  test('removing the connection says what it does; the hospital’s addresses then use a password', async () => {
    const manager = await signedInPage('manager@demo.jalon');
    await manager.goto('/admin/sso');
    await manager.getByRole('button', { name: `Remove the connection of ${HOSPITAL}` }).click();
    const dialog = manager.getByRole('alertdialog');
    await dialog
      .getByText(
        /People with an address at chvb\.example can no longer sign in through their organisation\. Their accounts, projects and history remain/,
      )
      .waitFor();
    await dialog.getByRole('button', { name: 'Remove the connection' }).click();
    await manager.getByText(`${HOSPITAL}’s connection is removed.`).waitFor();
    await manager.getByRole('heading', { name: 'No single sign-on connection yet' }).waitFor();
    await manager.context().close();

    const page = await freshPage();
    await page.goto('/sign-in');
    await page.getByLabel('Email', { exact: true }).fill(INVITEE.email);
    await page.keyboard.press('Tab');
    await page.getByLabel('Password', { exact: true }).fill('not-her-password');
    await page.getByLabel('Password', { exact: true }).press('Enter');
    // asked again, the address now signs in with a password: this one is refused here, not sent away
    await page.getByRole('alert').getByText(WRONG_CREDENTIALS).waitFor();
    expect(page.url().startsWith(server.url)).toBe(true);
    expect(await page.getByText(`${HOSPITAL} signs you in.`).count()).toBe(0);
    await page.context().close();
  });
});
