/**
 * What every browser test needs: a server with the demo cluster serving the built client, the
 * system Chromium, fresh browser profiles, and signing in through the form as a user would.
 * Wrong passwords are rate limited per account and per address, so each test file gets its own
 * server.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { DEMO_PASSWORD } from '../../server/db/seed/demo.ts';
import { builtClientDir, launchBrowser } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

export { DEMO_PASSWORD };

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface BrowserSetup {
  /** a fresh browser profile (no cookie, nothing stored) whose browser language is `locale` */
  freshPage(locale?: string): Promise<Page>;
}

/** Starts the server and the browser before the file's tests and closes both after them. */
export function useBrowserAndServer(): BrowserSetup {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    const clientDir = builtClientDir(repoRoot);
    server = await startTestServer({ clientDir });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    async freshPage(locale = 'en-GB') {
      if (!browser || !server) throw new Error('the browser or the server did not start');
      const context = await browser.newContext({ locale, baseURL: server.url });
      context.setDefaultTimeout(15_000);
      return context.newPage();
    },
  };
}

/** Fills the sign-in form found by its labels and submits it with Enter. */
export async function fillSignIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Password', { exact: true }).press('Enter');
}

/** Opens the app signed out, which lands on the sign-in page, and signs in. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/');
  await page.waitForURL(/\/sign-in/);
  await fillSignIn(page, email, password);
}

export function projectTable(page: Page) {
  return page.getByRole('table', { name: /Projects you can see|Projets que vous pouvez voir/ });
}

/** Data rows only: each has its project's title as a link (the header row and skeletons do not). */
export function projectRows(page: Page) {
  return projectTable(page)
    .getByRole('row')
    .filter({ has: page.getByRole('link') });
}

export async function htmlLang(page: Page) {
  return page.evaluate(() => document.documentElement.lang);
}

/**
 * A fresh browser profile for a demo account, signed in through the form in `locale` (the
 * sign-in page speaks the browser's language), on the portfolio. The caller closes `context`.
 */
export async function signedInAs(
  browser: Browser,
  baseURL: string,
  who: string,
  locale = 'en-GB',
): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({ locale, baseURL, viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await page.goto('/');
  await page.waitForURL(/\/sign-in/);
  const french = locale.startsWith('fr');
  await page.getByLabel(french ? 'E-mail' : 'Email', { exact: true }).fill(`${who}@demo.jalon`);
  await page.getByLabel(french ? 'Mot de passe' : 'Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByLabel(french ? 'Mot de passe' : 'Password', { exact: true }).press('Enter');
  // The account's remembered language wins over the browser's once signed in.
  await page.getByRole('heading', { level: 1, name: /^(Portfolio|Portefeuille)$/ }).waitFor();
  return { page, context };
}
