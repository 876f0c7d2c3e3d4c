/**
 * Two people typing into the same field at the same time, in real browsers: the lead and the
 * researcher open the same milestone of VCT-201 and type key by key, in turn, each keystroke
 * reaching the other before the next one is typed. In a description, at the same spot, each
 * person's words stay together; in a title, one appends and the other prepends, and both edits
 * survive, in both browsers and after a reload.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { projectRows, signIn, useBrowserAndServer } from './helpers.ts';

const { freshPage } = useBrowserAndServer();

async function openProject(page: Page, email: string) {
  await signIn(page, email);
  await projectRows(page).filter({ hasText: 'VCT-201' }).getByRole('link').click();
  await page.getByRole('heading', { level: 1, name: /VCT-201/ }).waitFor();
  await page.getByRole('region', { name: /^Planned/ }).waitFor();
}

const panel = (page: Page) => page.getByRole('complementary', { name: /^Milestone:/ });
const description = (page: Page) => panel(page).getByRole('textbox', { name: 'Description' });
const titleField = (page: Page) => panel(page).getByRole('textbox', { name: 'Title' });

/** A description's text as written, without the collaborators' cursor flags drawn inside it. */
const editorText = (editor: Locator) =>
  editor.evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    for (const flag of copy.querySelectorAll('.ProseMirror-yjs-cursor')) flag.remove();
    return copy.textContent ?? '';
  });

interface Typist {
  page: Page;
  text: string;
}

/**
 * Types both texts one key at a time, in turn, waiting after each key until both fields show
 * every key typed so far: each person types while the other's last key has just arrived.
 */
async function typeInTurn(a: Typist, b: Typist, read: (page: Page) => Promise<string>, base: number) {
  let typed = 0;
  for (let i = 0; i < Math.max(a.text.length, b.text.length); i++) {
    for (const { page, text } of [a, b]) {
      const key = text[i];
      if (key === undefined) continue;
      await page.keyboard.type(key);
      typed++;
      const length = base + typed;
      await expect.poll(() => read(a.page).then((s) => s.length), { timeout: 5000 }).toBe(length);
      await expect.poll(() => read(b.page).then((s) => s.length), { timeout: 5000 }).toBe(length);
    }
  }
}

/** Both open a new milestone the lead adds (with a first line of description). */
async function bothOnNewMilestone(title: string) {
  const lead = await freshPage('en-GB');
  const researcher = await freshPage('en-GB');
  await openProject(lead, 'lead@demo.jalon');
  await openProject(researcher, 'researcher@demo.jalon');
  await lead.getByRole('button', { name: 'New milestone' }).click();
  await lead.getByLabel('Milestone title').fill(title);
  await lead.getByLabel('Milestone title').press('Enter');
  await expect.poll(() => description(lead).evaluate((el) => el === document.activeElement)).toBe(true);
  await lead.keyboard.type('Release: ');
  await researcher.getByRole('button', { name: title, exact: true }).click();
  await expect.poll(() => editorText(description(researcher))).toBe('Release: ');
  return { lead, researcher };
}

describe('typing at the same time', () => {
  test('two people typing at the same spot of a description keep their words together', async () => {
    const { lead, researcher } = await bothOnNewMilestone('Vector copy number assay');
    // Both put their caret at the end of that line, and type there, key by key, in turn.
    for (const page of [lead, researcher]) {
      await description(page).click();
      await page.keyboard.press('Control+End');
    }
    await typeInTurn(
      { page: lead, text: 'alpha ' },
      { page: researcher, text: 'bravo ' },
      (page) => editorText(description(page)),
      'Release: '.length,
    );
    const merged = await editorText(description(lead));
    expect(await editorText(description(researcher))).toBe(merged);
    expect(merged).toContain('alpha ');
    expect(merged).toContain('bravo ');
    expect(['Release: alpha bravo ', 'Release: bravo alpha ']).toContain(merged);
  }, 120_000);

  test('one appends to a title while the other prepends: both edits survive, in both browsers and on the server', async () => {
    const title = 'Vector potency assay';
    const { lead, researcher } = await bothOnNewMilestone(title);
    await titleField(lead).click();
    await lead.keyboard.press('End');
    await titleField(researcher).click();
    await researcher.keyboard.press('Home');
    await typeInTurn(
      { page: lead, text: ' (phase I)' },
      { page: researcher, text: '[CMC] ' },
      (page) => titleField(page).inputValue(),
      title.length,
    );
    await lead.keyboard.press('Enter');
    await researcher.keyboard.press('Enter');
    const both = '[CMC] Vector potency assay (phase I)';
    expect(await titleField(lead).inputValue()).toBe(both);
    expect(await titleField(researcher).inputValue()).toBe(both);
    // on the board, and as the server has it after a reload
    await researcher.getByRole('button', { name: both, exact: true }).waitFor();
    await lead.reload();
    await lead.getByRole('button', { name: both, exact: true }).click();
    await expect.poll(() => titleField(lead).inputValue()).toBe(both);
  }, 120_000);
});
