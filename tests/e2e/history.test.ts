/**
 * Time travel in a real browser: a collaborator changes a milestone of VCT-201 while the lead
 * has the project open; the lead reaches the History tab by keyboard, asks for the project as
 * it stood at its creation, and sees the milestone's old status marked as changed since, with
 * the milestone added meanwhile listed as added since.
 */
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { projects } from '../../server/db/schema/index.ts';
import { createMilestone, docName, readProjectDoc, updateMilestone } from '../../shared/doc/index.ts';
import { builtClientDir, launchBrowser } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { peer } from '../support/socket.ts';
import { signedInAs } from './helpers.ts';

const repoRoot = new URL('../..', import.meta.url).pathname;

let server: TestServer;
let browser: Browser;
let projectId: string;

beforeAll(async () => {
  server = await startTestServer({ clientDir: builtClientDir(repoRoot) });
  browser = await launchBrowser();
  const [row] = await server.deps.db
    .select()
    .from(projects)
    .where(eq(projects.title, 'VCT-201 — Claudin-18.2 CAR-T for advanced gastric cancer'));
  projectId = row!.id;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function leadPage(locale: string): Promise<Page> {
  return (await signedInAs(browser, server.url, 'lead', locale)).page;
}

describe('time travel', () => {
  test('the lead sees a milestone as it stood at creation, marked as changed since', async () => {
    const page = await leadPage('en-GB');
    await page.goto(`/projects/${projectId}`);
    await page.getByRole('heading', { level: 1, name: /VCT-201/ }).waitFor();

    // A collaborator moves a planned milestone to "blocked" and adds one.
    const researcher = await peer(server.url, 'researcher@demo.jalon', docName(projectId));
    const planned = readProjectDoc(researcher.doc).milestones.find((m) => m.status === 'planned')!;
    updateMilestone(researcher.doc, planned.id, { status: 'blocked' }, 'researcher');
    createMilestone(
      researcher.doc,
      { title: 'Added after creation', status: 'planned', stage: 3 },
      'researcher',
    );
    await researcher.provider.whenSaved();
    researcher.close();
    await page.getByText('Added after creation').first().waitFor();

    // The History tab, by keyboard: the tab list moves with the arrow keys.
    await page.getByRole('tab', { name: /^Milestones/ }).focus();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await page.getByRole('tab', { name: 'History', selected: true }).waitFor();

    await page.getByRole('button', { name: 'At creation' }).press('Enter');
    const view = page.getByRole('article', { name: /^As it stood on/ });
    await view.waitFor();
    await view.getByText('Read-only').waitFor();
    const then = view.getByRole('listitem').filter({ hasText: planned.title }).first();
    await then.getByText('Changed since').waitFor();
    await then.getByText('Status: Planned → Blocked').waitFor();
    await view
      .getByRole('listitem')
      .filter({ hasText: 'Added after creation' })
      .getByText('Added since')
      .waitFor();
    // the readiness chart drew from the log
    await page.getByRole('img', { name: /readiness changes since/ }).waitFor();
  });

  test('in French: no gate requested yet is said so, and the moment view reads in French', async () => {
    const page = await leadPage('fr-FR');
    await page.goto(`/projects/${projectId}?tab=history`);
    // the account's language wins over the browser's: choose French, one click away
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { name: 'Le projet tel qu’il était' }).waitFor();
    await page.getByRole('radio', { name: 'À une revue de passage' }).check();
    await page.getByText('Aucune revue de passage n’a encore été demandée pour ce projet.').waitFor();
    await page.getByRole('radio', { name: 'À une date et une heure' }).check();
    await page.getByRole('button', { name: 'À la création' }).click();
    await page
      .getByRole('article', { name: /^Tel qu’il était le/ })
      .getByText('Lecture seule')
      .waitFor();
  });
});
