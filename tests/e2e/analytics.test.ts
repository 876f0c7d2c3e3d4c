/**
 * The programme office's analytics page, on the demo with its eighteen months of history: the
 * four figures a committee prints, by keyboard, by track, in French, at a phone's width; and
 * nothing of it for a project lead.
 */
import { count } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { gateDecisions } from '../../server/db/schema/index.ts';
import { builtClientDir, launchBrowser } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { signedInAs } from './helpers.ts';

const repoRoot = new URL('../..', import.meta.url).pathname;
const SHOTS = process.env.SCREENSHOT_DIR;

let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startTestServer({ clientDir: builtClientDir(repoRoot), demo: 'history' });
  browser = await launchBrowser();
  page = (await signedInAs(browser, server.url, 'manager')).page;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const projectsCovered = async (p: Page) => {
  const text = (await p.locator('.analytics-as-of').textContent()) ?? '';
  return Number(text.match(/over (\d+) projects?/)?.[1]);
};

describe('the portfolio analytics', () => {
  test('a cluster manager reaches them from the menu and reads the four figures', async () => {
    await page.getByRole('link', { name: 'Analytics' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Portfolio analytics' }).waitFor();
    await page.getByRole('heading', { name: 'Time in each stage' }).waitFor();
    await page
      .getByRole('table', { name: /^Time in each stage, / })
      .first()
      .waitFor();

    const decided = (await server.deps.db.select({ n: count() }).from(gateDecisions))[0]!.n;
    await page.getByText(`${decided} decisions`, { exact: true }).waitFor();
    await page.getByRole('table', { name: 'The milestones that slipped most' }).waitFor();
    const readiness = page.getByRole('img', {
      name: /The mean readiness of each dimension over \d+ months since/,
    });
    await readiness.waitFor();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/analytics-en-1280.png`, fullPage: true });
  });

  test('by track, chosen by keyboard: fewer projects, one track’s stages', async () => {
    await page.goto('/analytics');
    await page.locator('.analytics-figures').waitFor();
    const all = await projectsCovered(page);
    const select = page.getByLabel('Track');
    await select.focus();
    await select.selectOption({ label: 'Diagnostics' });
    await expect.poll(() => projectsCovered(page)).toBeLessThan(all);
    await expect.poll(() => page.getByRole('table', { name: /^Time in each stage, / }).count()).toBe(1);
    await page.getByRole('table', { name: 'Time in each stage, Diagnostics' }).waitFor();
  });

  test('speaks French, and fits a phone', async () => {
    const french = await signedInAs(browser, server.url, 'manager');
    try {
      const p = french.page;
      // the switch in the header turns the whole interface (and the account's language)
      await p.getByRole('button', { name: 'Français' }).click();
      await p.getByRole('heading', { level: 1, name: 'Portefeuille' }).waitFor();
      await p.setViewportSize({ width: 390, height: 844 });
      await p.goto('/analytics');
      await p.getByRole('heading', { level: 1, name: 'Analyses du portefeuille' }).waitFor();
      await p.getByRole('heading', { name: 'Décisions des passages' }).waitFor();
      await p.getByRole('heading', { name: 'Jalons qui glissent' }).waitFor();
      // nothing wider than the screen but the tables' own scrolling boxes
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      if (SHOTS) await p.screenshot({ path: `${SHOTS}/analytics-fr-390.png`, fullPage: true });
    } finally {
      await french.context.close();
    }
  });

  test('a project lead has no link to them, and the address says they are for the programme office', async () => {
    const lead = await signedInAs(browser, server.url, 'lead');
    try {
      const p = lead.page;
      await p.getByRole('navigation').first().waitFor();
      expect(await p.getByRole('link', { name: 'Analytics' }).count()).toBe(0);
      await p.goto('/analytics');
      await p.getByRole('heading', { name: 'For the programme office' }).waitFor();
      expect(await p.locator('.analytics-figures').count()).toBe(0);
    } finally {
      await lead.context.close();
    }
  });
});
