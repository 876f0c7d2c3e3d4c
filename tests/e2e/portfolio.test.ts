/**
 * The first screen in a real browser (Debian's Chromium) against the built client served by a
 * real server with the demo cluster: sign in, see exactly one's projects, filter them, switch
 * language and find it remembered. Fields are found by their labels, as a user finds them.
 */
import { describe, expect, test } from 'vitest';
import {
  DEMO_PASSWORD,
  htmlLang,
  projectRows,
  projectTable,
  signIn,
  useBrowserAndServer,
} from './helpers.ts';

const { freshPage } = useBrowserAndServer();

describe('portfolio', () => {
  test('the lead signs in, sees exactly their five projects, switches to French, and French is remembered', async () => {
    const page = await freshPage('en-GB');
    await signIn(page, 'lead@demo.jalon');

    await page.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
    await page.getByText('5 projects', { exact: true }).waitFor();
    expect(await projectRows(page).count()).toBe(5);
    const vct201 = projectRows(page).filter({ hasText: 'VCT-201' });
    await vct201.getByRole('link', { name: /Claudin-18\.2 CAR-T/ }).waitFor();
    await vct201.getByRole('cell', { name: '3 · IND/CTA-enabling studies' }).waitFor();
    await vct201.getByRole('cell', { name: 'Lead', exact: true }).waitFor();
    await page.getByRole('banner').getByText('Claire Dubois').waitFor();
    expect(await htmlLang(page)).toBe('en');

    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/api/me') && r.request().method() === 'PATCH' && r.ok(),
    );
    await page.getByRole('button', { name: 'Français' }).click();
    await projectTable(page).getByRole('columnheader', { name: 'Étape' }).waitFor();
    await projectTable(page).getByRole('columnheader', { name: 'Organisation porteuse' }).waitFor();
    await vct201.getByRole('cell', { name: '3 · Études précliniques réglementaires (IND/CTA)' }).waitFor();
    await page.getByText('5 projets', { exact: true }).waitFor();
    expect(await htmlLang(page)).toBe('fr');
    await saved;

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Portefeuille' }).waitFor();
    await projectTable(page).getByRole('columnheader', { name: 'Votre rôle' }).waitFor();
    expect(await htmlLang(page)).toBe('fr');
    expect(await page.getByRole('button', { name: 'Français' }).getAttribute('aria-pressed')).toBe('true');

    // The account remembers it too: a new browser (English, nothing stored) turns French on sign-in.
    const elsewhere = await freshPage('en-GB');
    await signIn(elsewhere, 'lead@demo.jalon');
    await elsewhere.getByRole('heading', { level: 1, name: 'Portefeuille' }).waitFor();
    expect(await htmlLang(elsewhere)).toBe('fr');
    await elsewhere.context().close();
    await page.context().close();
  });

  test('a wrong password is refused with a clear error, in the language on screen', async () => {
    const page = await freshPage('en-GB');
    await signIn(page, 'lead@demo.jalon', 'not-the-password');
    await page.getByRole('alert').getByText('Wrong email or password').waitFor();
    expect(page.url()).toMatch(/\/sign-in/);
    expect(await page.getByLabel('Email', { exact: true }).inputValue()).toBe('lead@demo.jalon');

    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('alert').getByText('E-mail ou mot de passe incorrect').waitFor();
    await page.getByLabel('Mot de passe', { exact: true }).waitFor();
    await page.context().close();
  });

  test('the pharma partner sees only the three projects they observe', async () => {
    const page = await freshPage('en-GB');
    await signIn(page, 'partner@demo.jalon');
    await page.getByText('3 projects', { exact: true }).waitFor();
    expect(await projectRows(page).count()).toBe(3);
    expect(await projectTable(page).getByRole('cell', { name: 'Observer', exact: true }).count()).toBe(3);
    await page.context().close();
  });

  test('the cluster manager filters by title with "/", keeps the filter in the URL, and clears it', async () => {
    const page = await freshPage('en-GB');
    await signIn(page, 'manager@demo.jalon');
    await page.getByText('12 projects', { exact: true }).waitFor();
    await projectRows(page).first().getByRole('cell', { name: 'Cluster manager' }).waitFor();

    await page.locator('body').press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('portfolio-search');
    await page.keyboard.type('claudin');
    await page.getByText('2 of 12 projects', { exact: true }).waitFor();
    expect(await projectRows(page).count()).toBe(2);
    expect(new URL(page.url()).searchParams.get('q')).toBe('claudin');

    await page.reload();
    await page.getByText('2 of 12 projects', { exact: true }).waitFor();
    expect(await page.getByLabel('Search by title').inputValue()).toBe('claudin');

    // The manager is a member of none of them: "my projects only" leaves nothing to show.
    await page.getByLabel('My projects only').check();
    await page.getByRole('heading', { name: 'No project matches these filters' }).waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).last().click();
    await page.getByText('12 projects', { exact: true }).waitFor();
    expect(new URL(page.url()).search).toBe('');
    await page.context().close();
  });

  test('a signed-out link to a project goes through sign-in and lands on the project', async () => {
    const page = await freshPage('en-GB');
    await signIn(page, 'researcher@demo.jalon');
    await projectRows(page).first().waitFor();
    const href = await projectRows(page)
      .filter({ hasText: 'VCT-201' })
      .getByRole('link')
      .getAttribute('href');
    expect(href).toMatch(/^\/projects\//);
    await page.context().clearCookies();

    await page.goto(href!);
    await page.waitForURL(/\/sign-in\?next=/);
    // This time with the button rather than Enter.
    await page.getByLabel('Email', { exact: true }).fill('researcher@demo.jalon');
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /VCT-201/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe(href);
    await page.getByRole('heading', { name: 'Partner organisations' }).waitFor();
    await page.getByText('Sanofi').first().waitFor();
    await page.context().close();
  });

  test('an unknown address shows a real "not found" page', async () => {
    const page = await freshPage('fr-FR');
    await page.goto('/nowhere/at-all');
    await page.getByRole('heading', { level: 1, name: 'Page introuvable' }).waitFor();
    expect(await htmlLang(page)).toBe('fr');
    await page.context().close();
  });
});
