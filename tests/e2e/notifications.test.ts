/**
 * Notifications in real browsers: the lead mentions Karim in a comment; Karim, on his
 * portfolio, sees the bell's count rise live, opens the panel from the keyboard, reads who
 * mentioned him where, and follows the link to the milestone, which marks it read.
 */
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { milestones, projects } from '../../server/db/schema/index.ts';
import { scanMilestoneAlerts } from '../../server/notifications/milestone-alerts.ts';
import { builtClientDir, launchBrowser } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { signedInAs } from './helpers.ts';

const repoRoot = new URL('../..', import.meta.url).pathname;

let server: TestServer;
let browser: Browser;
let projectId: string;
let milestone: { id: string; title: string };
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startTestServer({ clientDir: builtClientDir(repoRoot) });
  browser = await launchBrowser();
  const [vct201] = await server.deps.db
    .select()
    .from(projects)
    .where(eq(projects.title, 'VCT-201 — Claudin-18.2 CAR-T for advanced gastric cancer'));
  projectId = vct201!.id;
  const [vector] = await server.deps.db
    .select()
    .from(milestones)
    .where(eq(milestones.title, 'Release of the GMP lentiviral vector batch'));
  milestone = { id: vector!.id, title: vector!.title };
  // The demo's overdue and at-risk milestones are announced once at start; settle that first,
  // so that the count Karim sees moves only because of the mention.
  await scanMilestoneAlerts(server.deps);
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.close();
});

async function signedInPage(who: string): Promise<Page> {
  const { page, context } = await signedInAs(browser, server.url, who);
  contexts.push(context);
  return page;
}

/** The bell's unread count, read from its accessible name as a screen reader would. */
async function unreadOn(page: Page): Promise<number> {
  const bell = page.getByRole('button', { name: /^Notifications, / });
  await bell.waitFor();
  const label = (await bell.getAttribute('aria-label')) ?? '';
  if (/none unread/.test(label)) return 0;
  const count = /(\d+) unread/.exec(label);
  if (!count) throw new Error(`unexpected bell label: ${label}`);
  return Number(count[1]);
}

describe('the notification bell', () => {
  test('a mention raises the bell count live; the panel opens by keyboard and leads to the milestone', async () => {
    const karim = await signedInPage('researcher');
    const lead = await signedInPage('lead');
    // Wait until the bell has loaded its list, so the count is the server's, not the initial 0.
    // Its first opening, by keyboard: Enter opens it, Escape gives the focus back to the bell.
    await karim.getByRole('button', { name: /^Notifications, / }).focus();
    await karim.keyboard.press('Enter');
    await karim.getByRole('dialog', { name: 'Notifications' }).waitFor();
    await karim
      .getByRole('status')
      .filter({ hasText: 'Loading notifications' })
      .waitFor({ state: 'detached' });
    await karim.keyboard.press('Escape');
    await karim.getByRole('dialog', { name: 'Notifications' }).waitFor({ state: 'detached' });
    await expect
      .poll(() => karim.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''))
      .toMatch(/^Notifications, /);
    const before = await unreadOn(karim);

    // The lead mentions Karim on the milestone, picking him from the @ list.
    await lead.goto(`/projects/${projectId}?m=${milestone.id}`);
    const comments = lead.getByRole('region', { name: 'Comments' });
    await comments.and(lead.locator('[aria-busy="false"]')).waitFor();
    const box = comments.getByRole('textbox', { name: 'Your comment' });
    await box.click();
    await box.pressSequentially('Vector release is tomorrow. @kar', { delay: 10 });
    await comments.getByRole('option', { name: /Karim Benali/ }).waitFor();
    await box.press('Enter');
    await box.pressSequentially('can you sign the batch record?');
    await box.press('Control+Enter');
    await comments.getByText('can you sign the batch record?').waitFor();

    // Karim did nothing: the count rises by itself.
    const risen = karim.getByRole('button', { name: `Notifications, ${before + 1} unread` });
    await risen.waitFor();
    expect(await karim.locator('.nt-badge').textContent()).toBe(String(before + 1));

    // Keyboard: focus the bell, Enter opens the panel, the newest notification is the mention.
    await risen.focus();
    await karim.keyboard.press('Enter');
    const panel = karim.getByRole('dialog', { name: 'Notifications' });
    await panel.waitFor();
    const mention = panel.getByRole('link', {
      name: new RegExp(`Claire Dubois mentioned you on “${milestone.title}”`),
    });
    await mention.waitFor();
    await panel.getByText('can you sign the batch record?').waitFor();
    expect(await panel.getByRole('listitem').first().textContent()).toContain('Claire Dubois mentioned you');

    // Following it opens the milestone in the project room and marks it read.
    await mention.click();
    await karim.waitForURL(
      (url) => url.pathname === `/projects/${projectId}` && url.searchParams.get('m') === milestone.id,
    );
    await karim
      .getByRole('button', {
        name: before === 0 ? 'Notifications, none unread' : `Notifications, ${before} unread`,
      })
      .waitFor();
    expect(await karim.getByRole('dialog', { name: 'Notifications' }).count()).toBe(0);
  });
});
