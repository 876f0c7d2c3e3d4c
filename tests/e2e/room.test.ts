/**
 * The live project room in real browsers: the lead, the researcher and the pharma partner open
 * VCT-201 at the same time. What one does, the others see without reloading; concurrent
 * changes end in agreement; the observer can watch but finds nothing to edit; and edits made
 * offline reach the others when the connection returns.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { DEMO_PASSWORD, fillSignIn, projectRows, signIn, useBrowserAndServer } from './helpers.ts';

const { freshPage } = useBrowserAndServer();

async function openProject(page: Page, email: string) {
  await signIn(page, email);
  await projectRows(page).filter({ hasText: 'VCT-201' }).getByRole('link').click();
  await page.getByRole('heading', { level: 1, name: /VCT-201/ }).waitFor();
  await page.getByRole('region', { name: /^Planned/ }).waitFor();
}

/** The save state shown in the room's header. */
const saveState = (page: Page) => page.locator('.room-head .save-text').textContent();

/** A board column, found by its heading ("At risk 1"). */
const column = (page: Page, status: string) => page.getByRole('region', { name: new RegExp(`^${status}`) });

/** The status column a milestone's card is in, as the user sees it (null: not on the board). */
const statusOf = (page: Page, title: string) =>
  page.evaluate((wanted) => {
    for (const button of document.querySelectorAll('.board-column button'))
      if (button.textContent === wanted) return button.closest('.board-column')!.getAttribute('data-status');
    return null;
  }, title);

/** A description's text as written, without the collaborators' cursor flags drawn inside it. */
const editorText = (editor: Locator) =>
  editor.evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    for (const flag of copy.querySelectorAll('.ProseMirror-yjs-cursor')) flag.remove();
    return copy.textContent ?? '';
  });

/** The open milestone's panel. */
const panel = (page: Page) => page.getByRole('complementary', { name: /^Milestone:/ });

describe('project room', () => {
  test('lead, researcher and partner work on the same project live', async () => {
    const lead = await freshPage('en-GB');
    const researcher = await freshPage('en-GB');
    const partner = await freshPage('en-GB');
    await openProject(lead, 'lead@demo.jalon');
    await openProject(researcher, 'researcher@demo.jalon');
    await openProject(partner, 'partner@demo.jalon');
    await expect.poll(() => saveState(lead)).toBe('Saved');
    await expect.poll(() => saveState(researcher)).toBe('Saved');
    await expect.poll(() => saveState(partner)).toBe('Following live');

    // Presence: each sees the others.
    const hereNow = researcher.getByRole('region', { name: 'Here now' });
    await hereNow.getByText('Claire Dubois — here now').waitFor();
    await hereNow.getByText('Thomas Weber — here now').waitFor();

    // The lead adds a milestone and describes it; the researcher sees both appear.
    const title = 'Potency assay qualification';
    await lead.getByRole('button', { name: 'New milestone' }).click();
    await lead.getByLabel('Milestone title').fill(title);
    await lead.getByLabel('Milestone title').press('Enter');
    const leadDescription = panel(lead).getByRole('textbox', { name: 'Description' });
    await expect.poll(() => leadDescription.evaluate((el) => el === document.activeElement)).toBe(true);
    await lead.keyboard.type('Three runs on donor material, release by the QP.');

    const card = column(researcher, 'Planned').getByRole('button', { name: title, exact: true });
    await card.waitFor();
    // ... and that the lead has it open
    await column(researcher, 'Planned')
      .getByRole('listitem')
      .filter({ has: researcher.getByRole('button', { name: title, exact: true }) })
      .getByText('Open by Claire Dubois')
      .waitFor();
    await card.click();
    const researcherDescription = panel(researcher).getByRole('textbox', { name: 'Description' });
    await expect
      .poll(() => editorText(researcherDescription))
      .toBe('Three runs on donor material, release by the QP.');
    // with the lead's caret in it, named
    await researcherDescription.locator('.ProseMirror-yjs-cursor', { hasText: 'Claire Dubois' }).waitFor();

    // The partner sees the new milestone and its description, live.
    await column(partner, 'Planned').getByRole('button', { name: title, exact: true }).click();
    await expect
      .poll(() => editorText(panel(partner).getByRole('textbox', { name: 'Description' })))
      .toBe('Three runs on donor material, release by the QP.');

    // The researcher types more while the lead watches it arrive.
    await researcherDescription.click();
    await researcher.keyboard.press('End');
    await researcher.keyboard.type(' Two sites.');
    await expect.poll(() => editorText(leadDescription)).toMatch(/QP\. Two sites\.$/);

    // Both change its status at the same moment: they end up agreeing, and so does the partner.
    await panel(lead)
      .getByRole('button', { name: `Move “${title}” to…` })
      .click();
    await Promise.all([
      lead.getByRole('menuitemradio', { name: 'In progress' }).click(),
      panel(researcher).getByLabel('Status', { exact: true }).selectOption({ label: 'At risk' }),
    ]);
    await expect
      .poll(async () => {
        const seen = [
          await statusOf(lead, title),
          await statusOf(researcher, title),
          await statusOf(partner, title),
        ];
        return new Set(seen).size === 1 && ['in_progress', 'at_risk'].includes(seen[0]!)
          ? 'agreed'
          : seen.join();
      })
      .toBe('agreed');
    const agreed = await statusOf(lead, title);
    expect(await panel(researcher).getByLabel('Status', { exact: true }).inputValue()).toBe(agreed);

    // The partner watches and finds nothing to edit.
    await partner
      .getByText('You are observing this project: you can follow it live but not edit it.')
      .waitFor();
    expect(await partner.getByRole('button', { name: 'New milestone' }).count()).toBe(0);
    expect(await partner.getByRole('button', { name: /^Move “/ }).count()).toBe(0);
    expect(await panel(partner).getByRole('textbox', { name: 'Title' }).count()).toBe(0);
    expect(await panel(partner).getByRole('combobox').count()).toBe(0);
    expect(
      await panel(partner).getByRole('textbox', { name: 'Description' }).getAttribute('contenteditable'),
    ).toBe('false');
    await partner.getByRole('tab', { name: 'Readiness' }).click();
    await partner.getByRole('heading', { name: 'Technology' }).waitFor();
    expect(await partner.getByRole('radio').count()).toBe(0);
    expect(await partner.getByRole('textbox').count()).toBe(0);
    await partner.getByRole('tab', { name: 'Gate criteria' }).click();
    await partner.getByRole('heading', { name: /^Gate 3/ }).waitFor();
    expect(await partner.getByRole('checkbox').count()).toBe(0);

    // The researcher goes offline and edits two milestones.
    await researcher.keyboard.press('Escape');
    await researcher.context().setOffline(true);
    await expect.poll(() => saveState(researcher)).toMatch(/^Offline/);
    await column(researcher, 'In progress')
      .getByRole('button', { name: 'Pre-CTA scientific advice meeting', exact: true })
      .click();
    const titleField = panel(researcher).getByRole('textbox', { name: 'Title' });
    await titleField.fill('Pre-CTA scientific advice meeting (briefing book sent)');
    await titleField.press('Enter');
    await researcher.keyboard.press('Escape');
    await column(researcher, 'Planned')
      .getByRole('button', { name: 'Move “Submit the clinical trial application” to…' })
      .click();
    await researcher.getByRole('menuitemradio', { name: 'Blocked' }).click();
    await expect.poll(() => saveState(researcher)).toBe('Offline — 2 changes waiting');
    // Nothing has reached the lead.
    expect(await statusOf(lead, 'Submit the clinical trial application')).toBe('planned');

    // Back online: both edits reach the lead, and the researcher's changes are saved.
    await researcher.context().setOffline(false);
    await column(lead, 'In progress')
      .getByRole('button', { name: 'Pre-CTA scientific advice meeting (briefing book sent)', exact: true })
      .waitFor();
    await expect.poll(() => statusOf(lead, 'Submit the clinical trial application')).toBe('blocked');
    await expect.poll(() => saveState(researcher)).toBe('Saved');

    for (const page of [lead, researcher, partner]) await page.context().close();
  });

  test('undo reverts only one’s own change, from the keyboard; the room speaks French', async () => {
    const lead = await freshPage('en-GB');
    const researcher = await freshPage('fr-FR');
    await openProject(lead, 'lead@demo.jalon');
    // A French browser: the sign-in page is in French too.
    await researcher.goto('/');
    await researcher.getByLabel('E-mail', { exact: true }).fill('researcher@demo.jalon');
    await researcher.getByLabel('Mot de passe', { exact: true }).fill(DEMO_PASSWORD);
    await researcher.getByLabel('Mot de passe', { exact: true }).press('Enter');
    // Their account remembers English from the first test: they switch to French here.
    await projectRows(researcher).first().waitFor();
    await researcher.getByRole('button', { name: 'Français' }).click();
    await projectRows(researcher).filter({ hasText: 'VCT-201' }).getByRole('link').click();
    await researcher.getByRole('region', { name: /^Prévu/ }).waitFor();
    await expect.poll(() => saveState(lead)).toBe('Saved');
    await expect.poll(() => saveState(researcher)).toBe('Enregistré');

    // The researcher moves one milestone; the lead moves another, then undoes with Ctrl+Z.
    const glp = 'GLP toxicology study in humanised mice';
    const site = 'Phase I site initiation at Gustave Roussy';
    await researcher.getByRole('button', { name: `Déplacer « ${glp} » vers…` }).click();
    await researcher.getByRole('menuitemradio', { name: 'En cours' }).click();
    await expect.poll(() => statusOf(lead, glp)).toBe('in_progress');

    await lead.getByRole('button', { name: `Move “${site}” to…` }).click();
    await lead.getByRole('menuitemradio', { name: 'At risk' }).click();
    await expect.poll(() => statusOf(researcher, site)).toBe('at_risk');
    await lead.getByRole('button', { name: site, exact: true }).focus();
    await lead.keyboard.press('Control+z');
    await expect.poll(() => statusOf(researcher, site)).toBe('planned');
    // The researcher's change is theirs: the lead's undo left it alone.
    expect(await statusOf(lead, glp)).toBe('in_progress');
    await lead.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(() => statusOf(researcher, site)).toBe('at_risk');

    // The French room: tabs, columns, readiness and criteria in French.
    for (const name of ['Jalons', 'Maturité', 'Critères du passage', 'À propos'])
      await researcher.getByRole('tab', { name: new RegExp(`^${name}`) }).waitFor();
    for (const name of ['Prévu', 'En cours', 'À risque', 'Bloqué', 'Terminé'])
      await researcher.getByRole('region', { name: new RegExp(`^${name}`) }).waitFor();
    await researcher.getByRole('tab', { name: 'Maturité' }).click();
    await researcher.getByRole('heading', { name: 'Propriété intellectuelle' }).waitFor();
    await researcher
      .getByRole('group', { name: /^Technologie/ })
      .getByRole('radio', { name: 'Niveau 7' })
      .check();
    await lead.getByRole('tab', { name: 'Readiness' }).click();
    await expect
      .poll(() =>
        lead
          .getByRole('group', { name: /^Technology/ })
          .getByRole('radio', { name: 'Level 7' })
          .isChecked(),
      )
      .toBe(true);
    await researcher.getByRole('tab', { name: 'Critères du passage' }).click();
    await researcher
      .getByRole('heading', { name: /^Passage 3/ })
      .first()
      .waitFor();
    const box = researcher.getByRole('checkbox').first();
    await box.check();
    await lead.getByRole('tab', { name: 'Gate criteria' }).click();
    await expect.poll(() => lead.getByRole('checkbox').first().isChecked()).toBe(true);
    await lead.getByText('1 of 5 must-meet criteria met').waitFor();

    for (const page of [lead, researcher]) await page.context().close();
  });

  test('a first visit draws the board from the server’s rows, read-only, until the document arrives', async () => {
    const page = await freshPage('en-GB');
    await signIn(page, 'lead@demo.jalon');
    const link = projectRows(page).filter({ hasText: 'VCT-201' }).getByRole('link');
    const address = (await link.getAttribute('href'))!;
    // The live connection is held back until released: the document cannot arrive before.
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.routeWebSocket(/socket\.io/, async (ws) => {
      await held;
      ws.connectToServer();
    });
    await page.goto(address);

    const title = 'Lock the GMP manufacturing process with the hospital cell-therapy unit';
    await page.getByRole('button', { name: title, exact: true }).waitFor();
    expect(await statusOf(page, title)).toBe('at_risk');
    await expect.poll(() => page.getByRole('button', { name: 'New milestone' }).isDisabled()).toBe(true);
    const menus = page.locator('.ms-menu-trigger');
    expect(await menus.count()).toBeGreaterThan(0);
    expect(await menus.evaluateAll((els) => els.every((el) => (el as HTMLButtonElement).disabled))).toBe(
      true,
    );
    // The other sections wait for the document: the rows hold no readiness.
    await page.getByRole('tab', { name: 'Readiness' }).click();
    await page.getByText(/not been opened on this device|Opening the live project/).waitFor();
    await page.getByRole('tab', { name: /^Milestones/ }).click();
    const card = await page.getByRole('button', { name: title, exact: true }).elementHandle();

    release();
    await expect.poll(() => page.getByRole('button', { name: 'New milestone' }).isEnabled()).toBe(true);
    await expect.poll(() => saveState(page)).toBe('Saved');
    expect(await menus.evaluateAll((els) => els.some((el) => (el as HTMLButtonElement).disabled))).toBe(
      false,
    );
    // The document's milestones took the rows' place: the same card, not a new one.
    expect(await card!.evaluate((el) => el.isConnected)).toBe(true);
    await page.context().close();
  });

  test('a project’s address opened signed out goes through sign-in and back to the project', async () => {
    const page = await freshPage('en-GB');
    await signIn(page, 'lead@demo.jalon');
    const address = (await projectRows(page)
      .filter({ hasText: 'VCT-201' })
      .getByRole('link')
      .getAttribute('href'))!;
    await page.context().clearCookies();
    // The page asks for the project's card and rows before it knows the session is gone.
    const refused = page.waitForResponse((r) =>
      r.url().endsWith(address.replace('/projects/', '/api/projects/')),
    );
    await page.goto(address);
    expect((await refused).status()).toBe(401);
    await page.waitForURL(/\/sign-in\?next=/);

    await fillSignIn(page, 'lead@demo.jalon');
    await page.getByRole('heading', { level: 1, name: /VCT-201/ }).waitFor();
    const title = 'Lock the GMP manufacturing process with the hospital cell-therapy unit';
    await page.getByRole('button', { name: title, exact: true }).waitFor();
    await expect.poll(() => saveState(page)).toBe('Saved');
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.context().close();
  });

  test('the room’s tabs go by keyboard, and an address naming a tab one has not got opens on the milestones', async () => {
    const page = await freshPage('en-GB');
    await openProject(page, 'partner@demo.jalon');
    const selected = () => page.getByRole('tab', { selected: true }).textContent();
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? null);
    expect(
      await page.getByRole('tab').evaluateAll((tabs) => tabs.map((t) => (t as HTMLElement).tabIndex)),
    ).toEqual([0, -1, -1, -1, -1, -1]);

    await page.getByRole('tab', { name: /^Milestones/ }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await selected()).toBe('Readiness');
    expect(await focused()).toBe('Readiness');
    await page.getByRole('tabpanel', { name: 'Readiness' }).waitFor();
    expect(page.url()).toMatch(/[?&]tab=readiness/);
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowLeft'); // from the first, round to the last
    expect(await selected()).toBe('About');
    await page.keyboard.press('Home');
    expect(await selected()).toMatch(/^Milestones/);
    // Tab leaves the tab list for the panel.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('tabpanel');

    // The partner does not see the activity: its address shows the milestones.
    await page.goto(`${new URL(page.url()).pathname}?tab=activity`);
    await page
      .getByRole('tabpanel', { name: /^Milestones/ })
      .getByRole('region', { name: /^Planned/ })
      .waitFor();
    expect(await page.getByRole('tab', { name: 'Activity' }).count()).toBe(0);
    await page.context().close();
  });
});
