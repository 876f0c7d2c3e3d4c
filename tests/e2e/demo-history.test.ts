/**
 * The demo has a past: on a server seeded as `npm start` seeds it (the demo with its history),
 * the cluster manager sees decided gates behind the projects at stages 3 and 4, signed months
 * ago, the portfolio's stages over time reaching back about eighteen months, and a long
 * activity feed.
 */
import { like } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { projects } from '../../server/db/schema/index.ts';
import { builtClientDir, launchBrowser } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { signedInAs } from './helpers.ts';

const repoRoot = new URL('../..', import.meta.url).pathname;
const DAY_MS = 86_400_000;

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

async function projectId(titleStart: string): Promise<string> {
  const [row] = await server.deps.db
    .select({ id: projects.id })
    .from(projects)
    .where(like(projects.title, `${titleStart}%`));
  return row!.id;
}

/** The days between a date the page shows and now. */
function daysAgo(shown: string): number {
  const at = Date.parse(shown.replace(/\s+/g, ' '));
  expect(at, `a date: "${shown}"`).not.toBeNaN();
  return (Date.now() - at) / DAY_MS;
}

async function decidedGates(titleStart: string) {
  await page.goto(`/projects/${await projectId(titleStart)}?tab=gates`);
  const history = page.getByRole('region', { name: 'Decided gates' });
  await history.getByRole('listitem').first().waitFor();
  const signatures = await history.getByText(/^Signed by Hélène Marchand on /).allTextContents();
  return { history, signedDaysAgo: signatures.map((s) => daysAgo(s.replace(/^Signed by .+? on /, ''))) };
}

describe('the demo with its history', () => {
  test('a stage-3 project shows its past gates, a Conditional Go among them, signed months ago', async () => {
    const { history, signedDaysAgo } = await decidedGates('VCT-201');
    expect(signedDaysAgo.length).toBeGreaterThanOrEqual(2);
    for (const days of signedDaysAgo) expect(days).toBeGreaterThan(60);
    await history.getByText('Conditional Go').first().waitFor();
    // its conditions became milestones
    await history.getByText('Secure a second GMP vector manufacturing slot').waitFor();
  });

  test('a stage-4 project shows a Hold before its Go', async () => {
    const { history, signedDaysAgo } = await decidedGates('VCT-105');
    expect(signedDaysAgo.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...signedDaysAgo)).toBeGreaterThan(400);
    await history.getByText('Hold', { exact: true }).first().waitFor();
  });

  test('the portfolio’s stages over time reach back about eighteen months', async () => {
    await page.goto('/');
    const chart = page.getByRole('img', { name: /changes of the stage distribution since/ });
    await chart.waitFor();
    const summary = (await chart.getAttribute('aria-label')) ?? '';
    const [, count, since] = summary.match(/^(\d+) changes of the stage distribution since (.+)\.$/) ?? [];
    expect(Number(count)).toBeGreaterThan(10);
    const days = daysAgo(since ?? '');
    expect(days).toBeGreaterThan(500);
    expect(days).toBeLessThan(600);
  });

  test('the activity of a project is long', async () => {
    await page.goto(`/projects/${await projectId('VCT-201')}?tab=activity`);
    const items = page.locator('.activity-list > li');
    await items.nth(19).waitFor();
    expect(await items.count()).toBeGreaterThanOrEqual(20);
    await page.getByRole('button', { name: 'Show older activity' }).waitFor();
  });
});
