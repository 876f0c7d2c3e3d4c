/**
 * Administration › Organisations in a real browser: a cluster manager onboards a hospital and a
 * start-up, edits one, sees an organisation's people and projects, and deactivates the start-up,
 * which leaves the directory. A researcher is told the page is the programme office's.
 */
import { describe, expect, test } from 'vitest';
import { DEMO_PASSWORD, signIn, useBrowserAndServer } from './helpers.ts';

const { freshPage } = useBrowserAndServer();

describe('organisations administration', () => {
  test('a manager onboards a hospital and a start-up, edits one, and deactivates the start-up', async () => {
    const page = await freshPage('en-GB');
    await signIn(page, 'manager@demo.jalon');
    await page.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
    await page.goto('/admin/organisations');
    await page.getByRole('heading', { level: 1, name: 'Organisations' }).waitFor();

    // The hospital: the form refuses what is wrong, next to the field, and keeps what was typed.
    await page.getByRole('link', { name: 'New organisation' }).click();
    await page.getByRole('heading', { level: 1, name: 'New organisation' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Hôpital Sainte-Anne du Plateau');
    expect(await page.getByLabel('Address in the directory').inputValue()).toBe(
      'hopital-sainte-anne-du-plateau',
    );
    await page.getByLabel('Website').fill('sainte-anne');
    await page.getByRole('button', { name: 'Create the organisation' }).click();
    await page.getByText('Check the fields marked in red.').waitFor();
    expect(await page.getByLabel('Website').getAttribute('aria-invalid')).toBe('true');
    await page.getByText('Give an address that starts with http:// or https://').waitFor();
    await page.getByText('Choose a kind.').waitFor();
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe(
      'Hôpital Sainte-Anne du Plateau',
    );
    await page.getByLabel('Kind').selectOption({ label: 'Hospital' });
    await page.getByLabel('Website').fill('https://sainte-anne.example.org');
    await page.getByLabel('Description in English').fill('A teaching hospital with a phase I unit.');
    await page.getByLabel('Founding member of the cluster').check();
    await page.getByRole('button', { name: 'Create the organisation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hôpital Sainte-Anne du Plateau' }).waitFor();
    await page.getByText('Nobody belongs to this organisation yet.').waitFor();

    // The start-up, from the list.
    await page.getByRole('link', { name: 'All organisations' }).click();
    await page.getByRole('link', { name: 'New organisation' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Cellvia Therapeutics');
    await page.getByLabel('Kind').selectOption({ label: 'Start-up' });
    await page.getByRole('button', { name: 'Create the organisation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cellvia Therapeutics' }).waitFor();

    // An edit: a new name, saved, and the list shows it.
    await page.getByLabel('Name', { exact: true }).fill('Cellvia Therapeutics SAS');
    await page.getByRole('button', { name: 'Save the changes' }).click();
    await page.getByText('Changes saved.').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Cellvia Therapeutics SAS' }).waitFor();
    // The address did not follow the new name: links to it keep working.
    expect(await page.getByLabel('Address in the directory').inputValue()).toBe('cellvia-therapeutics');

    // Both are in the directory.
    await page.goto('/directory?q=cellvia');
    await page.getByRole('link', { name: 'Cellvia Therapeutics SAS' }).waitFor();

    // An organisation with people and projects: the list searched and filtered by kind.
    await page.goto('/admin/organisations');
    await page.getByLabel('Kind').selectOption({ label: 'Start-up' });
    await page.getByLabel('Search the organisations').fill('veltri');
    await page.getByRole('link', { name: 'VeltriCell' }).click();
    await page.getByRole('heading', { level: 2, name: /People/ }).waitFor();
    const people = page.locator('.org-admin-people');
    await people.getByText('lead@demo.jalon').waitFor();
    await people.locator('li', { hasText: 'lead@demo.jalon' }).getByText('Listed contact').waitFor();
    const projects = page.locator('.org-admin-projects');
    expect(await projects.getByText('Lead organisation').count()).toBeGreaterThan(0);

    // It leads active projects: deactivating it is refused, with the reason, in the dialog.
    await page.getByRole('button', { name: 'Deactivate…' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByRole('button', { name: 'Deactivate' }).click();
    await dialog.getByText(/still leads/).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The start-up is deactivated, after a confirmation, and leaves the directory.
    await page.goto('/admin/organisations?q=cellvia');
    await page.getByRole('link', { name: 'Cellvia Therapeutics SAS' }).click();
    await page.getByRole('button', { name: 'Deactivate…' }).click();
    await page.getByRole('alertdialog', { name: 'Deactivate Cellvia Therapeutics SAS?' }).waitFor();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Deactivate' }).click();
    await page.getByText(/^Deactivated on .*: hidden from the directory/).waitFor();
    await page.getByRole('button', { name: 'Reactivate' }).waitFor();

    await page.goto('/directory?q=cellvia');
    await page.getByRole('heading', { name: 'No organisation matches' }).waitFor();
    await page.goto('/directory?q=sainte-anne');
    await page.getByRole('link', { name: 'Hôpital Sainte-Anne du Plateau' }).waitFor();
  });

  test('a researcher is told the administration is the programme office’s', async () => {
    const page = await freshPage('fr-FR');
    await page.goto('/');
    await page.getByLabel('E-mail', { exact: true }).fill('researcher@demo.jalon');
    await page.getByLabel('Mot de passe', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByLabel('Mot de passe', { exact: true }).press('Enter');
    await page.getByRole('heading', { level: 1, name: /^(Portfolio|Portefeuille)$/ }).waitFor();
    await page.goto('/admin/organisations');
    await page
      .getByRole('heading', {
        level: 1,
        name: /Only the programme office administers the cluster|Seul le bureau du programme administre le cluster/,
      })
      .waitFor();
    expect(await page.getByRole('link', { name: /New organisation|Nouvelle organisation/ }).count()).toBe(0);
  });
});
