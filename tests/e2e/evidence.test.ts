/**
 * Evidence files in a real browser: the lead attaches a PDF to a readiness dimension with the
 * "Attach file" control, sees it listed with its version, downloads it (the bytes are the ones
 * sent), sees the download in the log, and an observer does not see a team-only file.
 */
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { projects } from '../../server/db/schema/index.ts';
import { builtClientDir, launchBrowser } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { signedInAs } from './helpers.ts';

const repoRoot = new URL('../..', import.meta.url).pathname;
const shots = process.env.JALON_SCREENSHOTS;

let server: TestServer;
let browser: Browser;
let projectId: string;
const contexts: BrowserContext[] = [];

const PDF = Buffer.from('%PDF-1.4\n% GMP vector batch record, lot VB-2026-03\ntrailer << >>\n%%EOF\n');

beforeAll(async () => {
  server = await startTestServer({ clientDir: builtClientDir(repoRoot) });
  browser = await launchBrowser();
  const [row] = await server.deps.db
    .select()
    .from(projects)
    .where(eq(projects.title, 'VCT-201 — Claudin-18.2 CAR-T for advanced gastric cancer'));
  projectId = row!.id;
  if (shots) mkdirSync(shots, { recursive: true });
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.close();
});

async function signedInPage(who: string, locale?: string): Promise<Page> {
  const { page, context } = await signedInAs(browser, server.url, who, locale);
  contexts.push(context);
  return page;
}

/** Waits for what a user would see: the page loads and the server answers in their time. */
const visible = (locator: Locator) => expect.poll(() => locator.isVisible(), { timeout: 15_000 }).toBe(true);

async function screenshot(page: Page, name: string) {
  if (!shots) return;
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage: false });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('evidence files in the browser', () => {
  test('the lead attaches a file, sees it listed, downloads it; the log shows the download', async () => {
    const lead = await signedInPage('lead');
    await lead.goto(`/projects/${projectId}?tab=readiness`);
    const files = lead.getByRole('region', { name: 'Evidence files for Manufacturing / CMC' });
    await visible(files.getByText('No file attached yet.'));

    await files.getByLabel('Attach a file to Manufacturing / CMC').setInputFiles({
      name: 'GMP batch record.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    const link = files.getByRole('link', { name: 'Download GMP batch record.pdf, version 1' });
    await visible(link);
    await visible(files.getByText(/v1 · .* by Claire Dubois/));
    await link.scrollIntoViewIfNeeded();
    await screenshot(lead, 'evidence-readiness');

    const [download] = await Promise.all([lead.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('GMP batch record.pdf');
    const saved = await download.path();
    expect((await readFile(saved)).equals(PDF)).toBe(true);

    await lead.goto(`/projects/${projectId}?tab=criteria`);
    const log = lead.getByRole('region', { name: 'Evidence downloads' });
    await visible(log.getByText(/Claire Dubois downloaded GMP batch record\.pdf \(version 1\)/));
    await screenshot(lead, 'evidence-criteria');
  });

  test('a team-only file is not listed for the observer; in French the controls speak French', async () => {
    const lead = await signedInPage('researcher', 'fr-FR');
    await lead.goto(`/projects/${projectId}?tab=readiness`);
    const files = lead.getByRole('region', { name: 'Pièces justificatives : Technologie' });
    await files.getByLabel('Équipe seulement (masqué aux observateurs)').check();
    await files.getByLabel('Joindre un fichier à Technologie').setInputFiles({
      name: 'Term sheet.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('clause,status\nmilestone payments,open\n'),
    });
    await visible(files.getByRole('link', { name: 'Télécharger Term sheet.csv, version 1' }));
    await visible(files.getByText('Équipe seulement', { exact: true }).first());
    await screenshot(lead, 'evidence-fr');

    const partner = await signedInPage('partner');
    await partner.goto(`/projects/${projectId}?tab=readiness`);
    const seen = partner.getByRole('region', { name: 'Evidence files for Manufacturing / CMC' });
    await visible(seen.getByText('GMP batch record.pdf'));
    const technology = partner.getByRole('region', { name: 'Evidence files for Technology' });
    await visible(technology.getByText('No file attached yet.'));
    expect(await partner.getByText('Term sheet.csv').count()).toBe(0);
    // the observer may not upload: no Attach file control
    expect(await partner.getByText('Attach file').count()).toBe(0);
  });
});
