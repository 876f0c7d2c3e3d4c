/**
 * Projects on screen in a real browser: a cluster manager starts a project on /projects/new
 * with a partner and a first member (the form refuses what is wrong next to the field and keeps
 * what was typed); the member, its lead, archives it from its settings, after a confirmation,
 * and it leaves the default portfolio. A first member without an account joins the organisation
 * chosen on their row. A contributor is told the settings are not theirs.
 */
import { describe, expect, test } from 'vitest';
import { signIn, useBrowserAndServer } from './helpers.ts';

const { freshPage } = useBrowserAndServer();

describe('projects on screen', () => {
  test('a manager starts a project with a partner and a lead; the lead archives it', async () => {
    const manager = await freshPage('en-GB');
    await signIn(manager, 'manager@demo.jalon');
    await manager.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
    await manager.getByRole('link', { name: 'New project' }).click();
    await manager.getByRole('heading', { level: 1, name: 'New project' }).waitFor();

    // Refused as typed: nothing chosen yet, an address typed twice; what was typed stays.
    await manager.getByLabel('Title', { exact: true }).fill('Glioma organoid platform');
    await manager.getByRole('button', { name: 'Add a member' }).click();
    await manager.getByLabel('E-mail address of member 1').fill('lead@demo.jalon');
    await manager.getByLabel('Role of member 1').selectOption({ label: 'Lead' });
    await manager.getByRole('button', { name: 'Add a member' }).click();
    await manager.getByLabel('E-mail address of member 2').fill('LEAD@demo.jalon');
    await manager.getByRole('button', { name: 'Create the project' }).click();
    await manager.getByText('Some fields need attention: see the messages next to them.').waitFor();
    await manager.getByText('Choose a track.').waitFor();
    await manager.getByText('Choose the lead organisation.').waitFor();
    await manager.getByText('This address is already listed.').waitFor();
    expect(await manager.getByLabel('Title', { exact: true }).inputValue()).toBe('Glioma organoid platform');
    expect(manager.url()).toMatch(/\/projects\/new$/);

    await manager.getByRole('button', { name: 'Remove member 2' }).click();
    await manager.getByLabel('Track').selectOption({ label: 'Therapeutics' });
    await manager.getByLabel('Starting stage').selectOption({ index: 1 });
    await manager.getByLabel('Lead organisation').selectOption({ label: 'Gustave Roussy' });
    await manager.getByRole('button', { name: 'Add a partner' }).click();
    await manager.getByLabel('Partner 1', { exact: true }).selectOption({ label: 'Sanofi' });
    await manager.getByLabel('Role of partner 1').selectOption({ label: 'Industrial partner' });
    await manager.getByRole('button', { name: 'Create the project' }).click();
    await manager.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    await manager.getByRole('heading', { level: 1, name: 'Glioma organoid platform' }).waitFor();
    await manager.getByText('Sanofi').first().waitFor();
    const projectPath = new URL(manager.url()).pathname;

    // The lead, the first member, finds it and archives it from its settings.
    const lead = await freshPage('en-GB');
    await signIn(lead, 'lead@demo.jalon');
    await lead.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
    await lead.getByRole('link', { name: 'Glioma organoid platform' }).first().waitFor();
    await lead.goto(projectPath);
    await lead.getByRole('link', { name: 'Settings' }).click();
    await lead.getByRole('heading', { level: 1, name: 'Settings of Glioma organoid platform' }).waitFor();
    await lead.getByRole('button', { name: 'Archive the project…' }).click();
    const dialog = lead.getByRole('alertdialog', { name: 'Archive this project?' });
    await dialog.getByText(/becomes read-only for everyone/).waitFor();
    await dialog.getByRole('button', { name: 'Archive', exact: true }).click();
    await lead.getByText('This project is archived. Only the programme office can restore it.').waitFor();
    await lead.getByText('This project is archived: its settings are read-only.').waitFor();
    expect(await lead.getByRole('button', { name: 'Restore the project…' }).count()).toBe(0);

    // The room says it is read-only; the default portfolio no longer lists it.
    await lead.goto(projectPath);
    await lead.getByRole('heading', { name: 'Archived — read only' }).waitFor();
    await lead.goto('/');
    await lead.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
    await lead.getByRole('link', { name: 'Glioma organoid platform' }).first().waitFor({ state: 'detached' });
    const titles = await lead.getByRole('link').allTextContents();
    expect(titles.length).toBeGreaterThan(3);
    expect(titles).not.toContain('Glioma organoid platform');

    // The manager's open room turns read-only, with the way back.
    await manager.getByRole('heading', { name: 'Archived — read only' }).waitFor();
    await manager.getByRole('button', { name: 'Restore the project…' }).waitFor();
  });

  test('a first member without an account joins the organisation chosen on their row', async () => {
    const manager = await freshPage('en-GB');
    await signIn(manager, 'manager@demo.jalon');
    await manager.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
    await manager.goto('/projects/new');
    await manager.getByLabel('Title', { exact: true }).fill('Sepsis point-of-care assay');
    await manager.getByLabel('Track').selectOption({ label: 'Diagnostics' });
    await manager.getByLabel('Lead organisation').selectOption({ label: 'Gustave Roussy' });
    await manager.getByRole('button', { name: 'Add a member' }).click();
    await manager.getByLabel('E-mail address of member 1').fill('new.clinician@example.org');
    // By keyboard, the row's organisation comes right after its role.
    await manager.getByLabel('Role of member 1').focus();
    await manager.keyboard.press('Tab');
    const organisation = manager.getByLabel('Organisation of member 1 (optional)');
    expect(await organisation.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await organisation.locator('option:checked').textContent()).toBe('Not set');
    await organisation.selectOption({ label: 'Sanofi' });
    await manager.getByRole('button', { name: 'Create the project' }).click();

    // No mail server in the tests: the link is shown once, then the project's settings list the invitation.
    await manager.getByRole('heading', { level: 1, name: 'Project created' }).waitFor();
    await manager.getByRole('textbox', { name: 'new.clinician@example.org' }).waitFor();
    await manager.getByRole('link', { name: 'Open the project' }).click();
    await manager.getByRole('heading', { level: 1, name: 'Sepsis point-of-care assay' }).waitFor();
    await manager.goto(`${new URL(manager.url()).pathname}/settings`);
    const invitation = manager.getByRole('list', { name: /invitations/i }).getByRole('listitem');
    await invitation
      .filter({ hasText: 'new.clinician@example.org' })
      .getByText(/Joins Sanofi/)
      .waitFor();
  });

  test('a contributor neither starts a project nor opens a project’s settings', async () => {
    const page = await freshPage('en-GB');
    await signIn(page, 'researcher@demo.jalon');
    await page.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
    expect(await page.getByRole('link', { name: 'New project' }).count()).toBe(0);
    await page.goto('/projects/new');
    await page.getByRole('heading', { level: 1, name: 'You cannot start a project' }).waitFor();
    await page.goto('/');
    const first = page.getByRole('table').getByRole('link').first();
    await first.waitFor();
    const href = await first.getAttribute('href');
    await page.goto(`${href}/settings`);
    await page.getByRole('heading', { level: 1, name: 'Not allowed' }).waitFor();
  });
});
