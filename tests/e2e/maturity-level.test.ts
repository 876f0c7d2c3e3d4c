/**
 * Readiness thresholds and a project's level in a real browser: the lead sees which thresholds
 * of the gate ahead are met, records the project's level with its evidence, and finds it in the
 * portfolio.
 */
import { describe, expect, test } from 'vitest';
import { projectRows, signIn, useBrowserAndServer } from './helpers.ts';

const { freshPage } = useBrowserAndServer();

describe('readiness thresholds and the project level', () => {
  test('the gate view lists the thresholds; the lead sets the level and the portfolio shows it', async () => {
    const page = await freshPage('en-GB');
    await signIn(page, 'lead@demo.jalon');
    await page.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
    const vct201 = projectRows(page).filter({ hasText: 'VCT-201' });
    await vct201.getByRole('link', { name: /Claudin-18\.2 CAR-T/ }).click();

    await page.getByRole('tab', { name: 'Gates' }).click();
    const thresholds = page.getByTestId('gate-thresholds');
    await thresholds.waitFor();
    // VCT-201 is at stage 3: the IND/CTA gate expects IP ≥ 3 and manufacturing ≥ 4
    await thresholds.getByText(/Intellectual property: .* of 3 required/).waitFor();
    await thresholds.getByText(/Manufacturing \/ CMC: .* of 4 required/).waitFor();
    expect(await thresholds.getByRole('listitem').count()).toBe(3);

    await page.getByRole('tab', { name: 'About' }).click();
    const level = page.getByTestId('project-level');
    await level.getByRole('button', { name: 'Change the level' }).click();
    await level.getByLabel('Level', { exact: true }).selectOption('5');
    await level
      .getByLabel('Evidence for this level')
      .fill('Three full-scale development lots within specification.');
    await level.getByRole('button', { name: 'Record the level' }).click();
    await level.getByText('The level is recorded.').waitFor();
    await level.getByText('Level 5', { exact: true }).waitFor();
    await level.getByText('Three full-scale development lots within specification.').first().waitFor();

    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
    await projectRows(page)
      .filter({ hasText: 'VCT-201' })
      .locator('[data-testid="level-badge"]:visible', { hasText: 'Level 5' })
      .first()
      .waitFor();
  });
});
