/**
 * Administration › Frameworks in a real browser: a cluster manager edits a gate criterion's
 * text and adds one, saves as version 2 after the confirmation, and sees it in the history; a
 * project started on version 1 says that a newer version exists, and keeps its own criteria.
 */
import { describe, expect, test } from 'vitest';
import { signIn, useBrowserAndServer } from './helpers.ts';

const { freshPage } = useBrowserAndServer();

describe('frameworks administration', () => {
  test('a manager edits a criterion and adds one, saves version 2; a project on version 1 says so', async () => {
    const page = await freshPage('en-GB');
    await signIn(page, 'manager@demo.jalon');
    await page.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
    await page.goto('/admin/frameworks');
    await page.getByRole('heading', { level: 1, name: 'Frameworks' }).waitFor();
    await page.getByRole('link', { name: 'Therapeutics', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Therapeutics' }).waitFor();
    await page.getByText('Version 1 · Current').waitFor();
    const oldText =
      (await page
        .locator('.fw-stage')
        .first()
        .locator('.fw-criteria li [lang="en"]')
        .first()
        .textContent()) ?? '';

    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Edit Therapeutics' }).waitFor();
    const first = page.locator('#fw-stages-0-criteria-0-text-en');
    expect(await first.inputValue()).toBe(oldText);
    await first.fill('');
    await first.blur();
    await page.locator('#fw-stages-0-criteria-0-text-en-error').getByText('Required.').waitFor();
    await first.fill('A written target product profile, agreed with a clinician');

    // A new criterion, added and moved to the top by keyboard.
    await page.locator('#fw-add-0').press('Enter');
    const count = await page.locator('.fw-criteria-edit-list').first().locator('> li').count();
    await page
      .locator(`#fw-stages-0-criteria-${count - 1}-text-en`)
      .fill('A data management plan is written');
    await page
      .locator(`#fw-stages-0-criteria-${count - 1}-text-fr`)
      .fill('Un plan de gestion des données est rédigé');
    await page
      .getByRole('region', { name: 'Intake and qualification' })
      .getByRole('button', { name: `Move up: Criterion ${count}` })
      .press('Enter');
    await expect
      .poll(() => page.locator(`#fw-stages-0-criteria-${count - 2}-text-en`).inputValue())
      .toBe('A data management plan is written');

    // Without a change note the save is refused next to the field, and nothing typed is lost.
    await page.getByRole('button', { name: 'Save as version 2' }).click();
    await page.getByText('Some fields need attention').waitFor();
    expect(await page.locator('#fw-changeNote').getAttribute('aria-invalid')).toBe('true');
    expect(await first.inputValue()).toBe('A written target product profile, agreed with a clinician');
    await page.getByLabel('Change note').fill('Sharper first gate; data management plan');
    await page.getByRole('button', { name: 'Save as version 2' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Save as version 2?' });
    await dialog.getByText(/already started keep their version/).waitFor();
    await dialog.getByRole('button', { name: 'Save the new version' }).click();

    await page.getByText('Saved as version 2.').waitFor();
    await page.getByText('Version 2 · Current').waitFor();
    await page.getByText('A data management plan is written').waitFor();
    const history = page.locator('.fw-history');
    await history.getByText('Sharper first gate; data management plan').waitFor();
    await history.getByText(/Hélène Marchand/).waitFor();
    await history.getByRole('link', { name: 'Version 1' }).click();
    await page.getByText('Version 1 · Older version').waitFor();
    await page.getByText(oldText).first().waitFor();

    // A project on version 1 keeps its criteria and says a newer version exists.
    const projects = await page.evaluate(async () => {
      const r = await fetch('/api/projects?track=therapeutics');
      return (await r.json()).projects as { id: string; track: string; stage: number }[];
    });
    const onV1 = projects.find((p) => p.track === 'therapeutics' && p.stage === 0);
    expect(onV1, 'a therapeutics project at its first stage').toBeTruthy();
    await page.goto(`/projects/${onV1!.id}?tab=criteria`);
    await page.getByText(/^This project follows version 1 of Therapeutics; version 2 exists since/).waitFor();
    await page.getByText(oldText).waitFor();
    expect(await page.getByText('A data management plan is written').count()).toBe(0);
  });

  test('a lead is told the frameworks are the programme office’s', async () => {
    const page = await freshPage('en-GB');
    await signIn(page, 'lead@demo.jalon');
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await page.goto('/admin/frameworks');
    await page.getByRole('heading', { level: 1, name: /programme office/ }).waitFor();
    expect(await page.getByRole('link', { name: 'Edit', exact: true }).count()).toBe(0);
  });
});
