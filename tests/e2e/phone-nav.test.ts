/**
 * On a phone (390×844) the main navigation is a Menu button on the header: it reaches the
 * directory, the services, the mentors (and the queue, for someone who handles a service) by
 * keyboard and by touch, in English and in French. Escape closes it and gives the focus back to
 * the button; choosing a link goes there and closes it.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { builtClientDir, launchBrowser } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { DEMO_PASSWORD } from './helpers.ts';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ clientDir: builtClientDir(repoRoot) });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A phone with a touch screen, signed in as `who` with the account in `lang`, on `/`. */
async function phone(who: string, lang: 'en' | 'fr'): Promise<Page> {
  const context = await browser.newContext({
    baseURL: server.url,
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
    locale: lang === 'fr' ? 'fr-FR' : 'en-GB',
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await page.goto('/sign-in');
  const status = await page.evaluate(
    async ([email, password, locale]) => {
      const json = { 'content-type': 'application/json' };
      const signIn = await fetch('/api/auth/sign-in/email', {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ email, password }),
      });
      const me = await fetch('/api/me', { method: 'PATCH', headers: json, body: JSON.stringify({ locale }) });
      return [signIn.status, me.status];
    },
    [`${who}@demo.jalon`, DEMO_PASSWORD, lang] as const,
  );
  expect(status).toEqual([200, 200]);
  await page.goto('/');
  await page.locator('main h1').first().waitFor();
  return page;
}

const menuButton = (page: Page) => page.getByRole('button', { name: 'Menu', exact: true });
const menuLinks = (page: Page) =>
  page.getByRole('navigation', { name: /^(Main|Navigation principale)$/ }).getByRole('link');
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

/** Tabs forward until `text` has the focus, as a keyboard user would; fails if it never does. */
async function tabTo(page: Page, text: string | RegExp, most = 25) {
  for (let i = 0; i < most; i += 1) {
    await page.keyboard.press('Tab');
    const here = await focusedText(page);
    if (typeof text === 'string' ? here === text : text.test(here)) return;
  }
  throw new Error(`${text} never took the focus in ${most} presses of Tab`);
}

/** From the top of the page, by keyboard only: Menu, then `link`, then Enter. */
async function goByKeyboard(page: Page, link: string) {
  await page.locator('body').focus();
  await tabTo(page, /Menu$/);
  await page.keyboard.press('Enter');
  await expect.poll(() => menuButton(page).getAttribute('aria-expanded')).toBe('true');
  // the focus is already inside the menu, on its first link
  expect(
    await menuLinks(page)
      .first()
      .evaluate((a) => a === document.activeElement),
  ).toBe(true);
  if ((await focusedText(page)) !== link) await tabTo(page, link, 10);
  await page.keyboard.press('Enter');
}

/** By touch only: tap Menu, then tap `link`. */
async function goByTouch(page: Page, link: string) {
  await menuButton(page).tap();
  await menuLinks(page).getByText(link, { exact: true }).tap();
}

const heading = (page: Page, name: RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();

describe('the phone navigation at 390 px', () => {
  test('a researcher reaches Directory, Services and Mentors by keyboard (English)', async () => {
    const page = await phone('researcher', 'en');
    // The wide screen's row of links is not there to use: the menu is the way.
    expect(await menuLinks(page).count()).toBe(0);
    expect(await menuButton(page).getAttribute('aria-expanded')).toBe('false');

    // Escape closes the menu and gives the focus back to its button.
    await menuButton(page).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => menuLinks(page).count()).toBeGreaterThan(3);
    await page.keyboard.press('Escape');
    expect(await menuLinks(page).count()).toBe(0);
    expect(await menuButton(page).evaluate((b) => b === document.activeElement)).toBe(true);
    expect(await menuButton(page).getAttribute('aria-expanded')).toBe('false');

    await goByKeyboard(page, 'Directory');
    await heading(page, /^Who does what on the campus$/);
    expect(new URL(page.url()).pathname).toBe('/directory');
    expect(await menuButton(page).getAttribute('aria-expanded')).toBe('false');

    await goByKeyboard(page, 'Services');
    await heading(page, /^Services and platforms$/);
    expect(new URL(page.url()).pathname).toBe('/services');

    await goByKeyboard(page, 'Mentors');
    expect(new URL(page.url()).pathname).toBe('/mentors');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await menuLinks(page).count()).toBe(0);
    await page.context().close();
  });

  test('a researcher reaches Annuaire, Services and Mentors by touch (French)', async () => {
    const page = await phone('researcher', 'fr');
    await goByTouch(page, 'Annuaire');
    await heading(page, /^Qui fait quoi sur le campus$/);
    expect(await menuLinks(page).count()).toBe(0);

    await goByTouch(page, 'Services');
    await heading(page, /^Services et plateformes$/);

    await goByTouch(page, 'Mentors');
    await page.waitForURL(/\/mentors$/);

    // Who is signed in and signing out are in the menu too; a tap outside closes it.
    await menuButton(page).tap();
    await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
    await page.touchscreen.tap(200, 830);
    expect(await menuLinks(page).count()).toBe(0);
    await page.context().close();
  });

  test('the platform handler reaches the queue by keyboard and by touch', async () => {
    const page = await phone('platform', 'en');
    await heading(page, /^Requests to handle$/);
    await goByTouch(page, 'Directory');
    await heading(page, /^Who does what on the campus$/);
    await goByTouch(page, 'Queue');
    await heading(page, /^Requests to handle$/);
    expect(new URL(page.url()).pathname).toBe('/services/queue');

    await goByKeyboard(page, 'Services');
    await heading(page, /^Services and platforms$/);
    await goByKeyboard(page, 'Queue');
    await heading(page, /^Requests to handle$/);
    expect(new URL(page.url()).pathname).toBe('/services/queue');
    await page.context().close();
  });
});
