/**
 * A first visit to a project room fetches the board's code only: the description editor
 * (ProseMirror) and the other sections' code are not fetched while the board is all there is,
 * and each works when opened. A section whose code cannot be fetched says so and loads on retry.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { projectRows, signIn, useBrowserAndServer } from './helpers.ts';

const { freshPage } = useBrowserAndServer();

/** Code that the board does not need: the editor, the cards' menus and the other tabs' sections. */
const NOT_FOR_THE_BOARD =
  /\/assets\/(description-editor|MoveToMenuMounted|ReadinessTab|CriteriaTab|GatesTab|HistoryTab|ActivityTab)-[^/]*\.js$/;

/** Signs the lead in and returns the address of VCT-201's room, not yet opened. */
async function leadAndRoomAddress(page: Page) {
  await signIn(page, 'lead@demo.jalon');
  return (await projectRows(page).filter({ hasText: 'VCT-201' }).getByRole('link').getAttribute('href'))!;
}

/** The live connection held back until `release()`: the document cannot arrive before. */
async function holdDocument(page: Page) {
  let release!: () => void;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.routeWebSocket(/socket\.io/, async (ws) => {
    await held;
    ws.connectToServer();
  });
  return release;
}

/** Resolves once the page's main thread has been idle twice: whatever it meant to start, it has. */
const pageIdle = (page: Page) =>
  page.evaluate(
    () => new Promise<void>((resolve) => requestIdleCallback(() => requestIdleCallback(() => resolve()))),
  );

const saveState = (page: Page) => page.locator('.room-head .save-text').textContent();

describe('first visit to a project room', () => {
  test('the board shows without the editor’s or the other tabs’ code, which load when opened', async () => {
    const page = await freshPage('en-GB');
    const address = await leadAndRoomAddress(page);
    const fetched: string[] = [];
    page.on('request', (req) => fetched.push(req.url()));
    const release = await holdDocument(page);
    await page.goto(address);

    const title = 'Lock the GMP manufacturing process with the hospital cell-therapy unit';
    await page.getByRole('button', { name: title, exact: true }).waitFor();
    await pageIdle(page);
    expect(fetched.filter((url) => NOT_FOR_THE_BOARD.test(url))).toEqual([]);

    release();
    await expect.poll(() => saveState(page)).toBe('Saved');
    // The milestone's panel: its description editor loads and takes typing.
    await page.getByRole('button', { name: title, exact: true }).click();
    const panel = page.getByRole('complementary', { name: /^Milestone:/ });
    const editor = panel.getByRole('textbox', { name: 'Description' });
    await editor.waitFor();
    await editor.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Checked on first visit.');
    await expect.poll(() => editor.textContent()).toContain('Checked on first visit.');
    await page.keyboard.press('Escape');
    // Another section: the gates tab opens on its content.
    await page.getByRole('tab', { name: 'Gates' }).click();
    await page.getByRole('heading', { name: 'Decided gates' }).waitFor();
    await page.context().close();
  });

  test('a section whose code cannot be fetched says so, and opens on retry', async () => {
    const page = await freshPage('en-GB');
    const address = await leadAndRoomAddress(page);
    const gatesCode = /\/assets\/GatesTab-[^/]*\.js$/;
    await page.route(gatesCode, (route) => route.abort('internetdisconnected'));
    await page.goto(address);
    await expect.poll(() => saveState(page)).toBe('Saved');

    await page.getByRole('tab', { name: 'Gates' }).click();
    await page.getByRole('heading', { name: 'This section could not be loaded.' }).waitFor();
    await page.unroute(gatesCode);
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('heading', { name: 'Decided gates' }).waitFor();
    await page.context().close();
  });
});
