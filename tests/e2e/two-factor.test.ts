/**
 * Two-factor authentication in a real browser: a researcher turns it on from /account (the key
 * typed into an "authenticator" computed here, a first code, the backup codes shown once) and
 * signs in again with a code; a cluster manager of a cluster that requires it is sent to
 * /account to turn it on, and gets the app back once it is on.
 */
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { renderSVG } from 'uqr';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { clusterSettings } from '../../server/db/schema/index.ts';
import { builtClientDir, launchBrowser } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { totp } from '../support/totp.ts';
import { DEMO_PASSWORD } from './helpers.ts';

const repoRoot = new URL('../..', import.meta.url).pathname;
/** Where screenshots go, for a person to look at (set JALON_SCREENSHOTS to keep them). */
const shots = process.env.JALON_SCREENSHOTS;
let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startTestServer({ clientDir: builtClientDir(repoRoot) });
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.close();
});

async function freshPage(width = 1280): Promise<Page> {
  const context = await browser.newContext({
    locale: 'en-GB',
    baseURL: server.url,
    viewport: { width, height: 900 },
  });
  context.setDefaultTimeout(15_000);
  contexts.push(context);
  return context.newPage();
}

async function passwordStep(page: Page, email: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByLabel('Password', { exact: true }).press('Enter');
}

async function shot(page: Page, name: string) {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

/** Turns it on from the open /account page; answers the key read from the page. */
async function enrolFromAccount(page: Page, shotName?: string): Promise<string> {
  const section = page.getByRole('region', { name: 'Two-factor authentication' });
  await section.getByLabel('Your password').fill(DEMO_PASSWORD);
  await section.getByRole('button', { name: 'Turn on two-factor authentication' }).click();
  const key = (await section.getByLabel('Key to enter in the app').inputValue()).replace(/ /g, '');
  expect(key).toMatch(/^[A-Z2-7]{32,}$/);
  // The QR code to scan is the otpauth:// address that carries this very key.
  const uri = (await section.locator('.tf-uri code').textContent()) ?? '';
  expect(new URL(uri).searchParams.get('secret')).toBe(key);
  const qr = await section.getByRole('img', {
    name: 'QR code of the key, to scan with your authenticator app',
  });
  const src = (await qr.getAttribute('src')) ?? '';
  expect(decodeURIComponent(src.slice(src.indexOf(',') + 1))).toBe(renderSVG(uri, { border: 2 }));
  if (shotName) await shot(page, `${shotName}-key`);
  // A wrong code first: said beside the field, nothing turned on.
  await section.getByLabel('Code shown by the app').fill('000000' === totp(key) ? '111111' : '000000');
  await section.getByLabel('Code shown by the app').press('Enter');
  await section.getByText('That code is not right').waitFor();
  if (shotName) await shot(page, `${shotName}-wrong-code`);
  await section.getByLabel('Code shown by the app').fill(totp(key));
  await section.getByRole('button', { name: 'Confirm and turn on' }).click();
  const codes = section.getByRole('list', { name: 'Backup codes' }).getByRole('listitem');
  await expect
    .poll(() => codes.count())
    .toBe(10)
    .catch(async (err) => {
      await page.screenshot({ path: '/tmp/tf-failed.png', fullPage: true });
      throw err;
    });
  if (shotName) await shot(page, `${shotName}-backup-codes`);
  await section.getByRole('button', { name: 'I have kept them' }).click();
  await section.getByText('On: signing in asks for a code').waitFor();
  return key;
}

describe('two-factor authentication in the browser', () => {
  test('a researcher turns it on from /account and signs in again with a code', async () => {
    const page = await freshPage();
    await passwordStep(page, 'researcher@demo.jalon');
    await page.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
    await page.goto('/account#two-factor');
    await page.getByRole('heading', { level: 2, name: 'Two-factor authentication' }).waitFor();
    await shot(page, 'account-2fa-off-1280');
    const key = await enrolFromAccount(page, 'account-2fa-1280');
    await shot(page, 'account-2fa-on-1280');

    const again = await freshPage(390);
    await passwordStep(again, 'researcher@demo.jalon');
    await again.getByRole('heading', { level: 1, name: 'Enter your code' }).waitFor();
    await shot(again, 'sign-in-code-390');
    // No session before the code: the app's own check says so.
    expect((await again.request.get('/api/me')).status()).toBe(401);
    await again.getByLabel('Authentication code').fill('12345');
    await again.getByLabel('Authentication code').press('Enter');
    await again.getByText('A code has 6 digits.').waitFor();
    await again.getByRole('button', { name: 'Use a backup code instead' }).click();
    await again.getByRole('heading', { level: 1, name: 'Enter a backup code' }).waitFor();
    await again.getByRole('textbox', { name: 'Backup code' }).fill('AAAAA-BBBBB');
    await again.getByRole('textbox', { name: 'Backup code' }).press('Enter');
    await again.getByText('That backup code is not right').waitFor();
    await shot(again, 'sign-in-backup-wrong-390');
    await again.getByRole('button', { name: 'Use my authenticator app instead' }).click();
    await again.getByLabel('Authentication code').fill(totp(key));
    await again.getByLabel('Authentication code').press('Enter');
    await again.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
  });

  test('a manager of a cluster that requires it is sent to /account to turn it on', async () => {
    await server.deps.db
      .insert(clusterSettings)
      .values({ key: 'twoFactor', value: 'required_for_managers_and_signers', updatedAt: new Date() })
      .onConflictDoUpdate({
        target: clusterSettings.key,
        set: { value: 'required_for_managers_and_signers' },
      });
    const page = await freshPage(390);
    await passwordStep(page, 'manager@demo.jalon');
    await page.waitForURL(/\/account/);
    const section = page.getByRole('region', { name: 'Two-factor authentication' });
    await section.getByText('This cluster requires two-factor authentication').waitFor();
    await shot(page, 'account-2fa-required-390');
    // Anywhere else sends them back here.
    await page.goto('/admin');
    await page.waitForURL(/\/account/);
    await enrolFromAccount(page);
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
    const [row] = await server.deps.db
      .select()
      .from(clusterSettings)
      .where(eq(clusterSettings.key, 'twoFactor'));
    expect(row!.value).toBe('required_for_managers_and_signers');
  });
});
