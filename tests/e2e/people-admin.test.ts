/**
 * The programme office's people administration, in the browser: a manager finds a person by a
 * search typed without accents, deactivates them (their open page is signed out at once) and
 * reactivates them, and makes someone a cluster manager; anyone else is told /admin is not for
 * them. And each person lands on their work: a service handler on the queue, a mentor with no
 * project on their mentor requests.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { signIn, useBrowserAndServer } from './helpers.ts';

const { freshPage } = useBrowserAndServer();

async function openPerson(page: Page, typed: string, name: string) {
  await page.getByRole('link', { name: 'Administration', exact: true }).click();
  await page.waitForURL(/\/admin\/people$/);
  await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
  await page.getByRole('searchbox', { name: 'Search people' }).fill(typed);
  const list = page.getByRole('list', { name: 'People of the cluster' });
  await list.getByRole('link', { name }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

describe('people administration', () => {
  test('a manager finds Léa by typing "lea fontaine", deactivates her open page away, and reactivates her', async () => {
    const lea = await freshPage();
    await signIn(lea, 'lea.fontaine@demo.jalon');
    await lea.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();

    const manager = await freshPage();
    await signIn(manager, 'manager@demo.jalon');
    await openPerson(manager, 'lea fontaine', 'Léa Fontaine');
    const actions = manager.getByRole('region', { name: 'Account and rights' });
    await actions.getByText('Active: this person can sign in.').waitFor();

    // asked first: cancelling changes nothing
    await actions.getByRole('button', { name: 'Deactivate the account' }).click();
    await actions.getByRole('button', { name: 'Cancel' }).click();
    expect(lea.url()).not.toMatch(/sign-in/);

    await actions.getByRole('button', { name: 'Deactivate the account' }).click();
    await actions.getByText(/Deactivate Léa Fontaine’s account\?/).waitFor();
    await actions.getByRole('button', { name: 'Confirm' }).click();
    await actions.getByText('The account is deactivated. Its sessions and tokens have ended.').waitFor();
    await actions.getByText(/^Deactivated on /).waitFor();

    // her open page is signed out at once, and says why
    await lea.waitForURL(/\/sign-in/);
    await lea.getByText('You were signed out: your account has been deactivated.').waitFor();

    // the list shows her as deactivated
    await manager.getByRole('link', { name: 'All people' }).click();
    const row = manager.getByRole('listitem').filter({ hasText: 'Léa Fontaine' });
    await row.getByText('Deactivated').waitFor();
    await row.getByRole('link', { name: 'Léa Fontaine' }).click();

    await actions.getByRole('button', { name: 'Reactivate the account' }).click();
    await actions.getByRole('button', { name: 'Confirm' }).click();
    await actions.getByText('The account is reactivated.').waitFor();
    await signIn(lea, 'lea.fontaine@demo.jalon');
    await lea.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
  });

  test('a manager makes someone a cluster manager, who then finds the administration', async () => {
    const manager = await freshPage();
    await signIn(manager, 'manager@demo.jalon');
    await openPerson(manager, 'Pierre-Yves', 'Pierre-Yves Martin');
    const actions = manager.getByRole('region', { name: 'Account and rights' });
    await actions.getByText('This person is not a cluster manager.').waitFor();
    await actions.getByRole('button', { name: 'Make cluster manager' }).click();
    await actions.getByRole('button', { name: 'Confirm' }).click();
    await actions.getByText('This person is now a cluster manager.').waitFor();
    await manager.getByRole('heading', { level: 1 }).locator('..').getByText('Cluster manager').waitFor();

    const promoted = await freshPage();
    await signIn(promoted, 'pierre-yves.martin@demo.jalon');
    await promoted.getByRole('link', { name: 'Administration', exact: true }).click();
    await promoted.getByRole('heading', { level: 1, name: 'People' }).waitFor();
  });

  test('a researcher has no administration link, and /admin tells them it is not for them', async () => {
    const page = await freshPage();
    await signIn(page, 'researcher@demo.jalon');
    await page.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
    await page.getByRole('link', { name: 'Account', exact: true }).waitFor();
    expect(await page.getByRole('link', { name: 'Administration', exact: true }).count()).toBe(0);
    await page.goto('/admin/people');
    await page
      .getByRole('heading', { level: 1, name: 'Only the programme office administers the cluster' })
      .waitFor();
    expect(await page.getByRole('list', { name: 'People of the cluster' }).count()).toBe(0);
  });
});

describe('each person lands on their work', () => {
  test('the platform’s service handler lands on the service queue', async () => {
    const page = await freshPage();
    await signIn(page, 'platform@demo.jalon');
    await page.waitForURL(/\/services\/queue$/);
    // the portfolio, chosen later, stays put and points to the queue
    await page.getByRole('link', { name: 'Portfolio' }).click();
    await page.getByRole('heading', { name: 'Your work is in the service queue' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByRole('link', { name: 'Open the service queue' }).click();
    await page.waitForURL(/\/services\/queue$/);
  });

  test('a mentor with no project lands on their mentor requests', async () => {
    const page = await freshPage();
    await signIn(page, 'lena.hoffmann@demo.jalon');
    await page.waitForURL(/\/mentors$/);
  });
});
