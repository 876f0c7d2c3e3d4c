/**
 * The account page in real browsers: a researcher renames themself and switches the interface
 * to French from their profile, creates an API token (shown once, working as a Bearer token,
 * refused once revoked), signs out another of their sessions from the list, and changes their
 * password, which signs out the browser still signed in elsewhere.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { builtClientDir, launchBrowser } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { DEMO_PASSWORD, signedInAs } from './helpers.ts';

const repoRoot = new URL('../..', import.meta.url).pathname;
let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startTestServer({ clientDir: builtClientDir(repoRoot) });
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.close();
});

async function researcher(): Promise<Page> {
  const { page, context } = await signedInAs(browser, server.url, 'researcher');
  contexts.push(context);
  return page;
}

const meWith = (token: string) =>
  fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status);

describe('the account page', () => {
  let page: Page;

  test('the researcher renames themself and the interface switches to French', async () => {
    page = await researcher();
    await page.goto('/account');
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    const name = page.getByRole('region', { name: 'Profile' }).getByLabel('Name', { exact: true });
    await name.fill('');
    // Checked as typed, beside the field.
    await expect.poll(() => page.getByText('Enter your name.').isVisible()).toBe(true);
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    await name.fill('Karim Benali-Haddad');
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('button', { name: 'Save the profile' }).click();
    await page.getByRole('heading', { level: 1, name: 'Votre compte' }).waitFor();
    await page.getByText('Profil enregistré.').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await page.reload();
    const profile = page.getByRole('region', { name: 'Profil' });
    expect(await profile.getByLabel('Nom', { exact: true }).inputValue()).toBe('Karim Benali-Haddad');
  });

  test('a token is shown once, works as a Bearer token, and is refused once revoked', async () => {
    await page.getByRole('heading', { level: 1, name: 'Votre compte' }).waitFor();
    const form = page.getByRole('form', { name: 'Créer un jeton' });
    await form.getByLabel('Nom', { exact: true }).fill('Export hebdomadaire');
    await form.getByLabel('Expire au bout de').selectOption('30');
    await form.getByRole('button', { name: 'Créer le jeton' }).click();
    const secret = page.getByRole('textbox', { name: 'Votre nouveau jeton' });
    const token = await secret.inputValue();
    expect(token).toMatch(/^jalon_/);
    await page.getByText('il n’est affiché que cette fois').waitFor();
    expect(await meWith(token)).toBe(200);

    await page.getByRole('button', { name: 'Je l’ai copié' }).click();
    await expect.poll(() => secret.count()).toBe(0);
    await page.reload();
    await page.getByRole('listitem').filter({ hasText: 'Export hebdomadaire' }).waitFor();
    expect(await page.content()).not.toContain(token);

    await page.getByRole('button', { name: 'Révoquer Export hebdomadaire' }).click();
    await page.getByRole('button', { name: 'Oui, révoquer' }).click();
    await page.getByText('Le jeton a été révoqué.').waitFor();
    expect(await meWith(token)).toBe(401);
  });

  test('signing out another session from the list ends it in that browser', async () => {
    const elsewhere = await researcher();
    await page.reload();
    const signOut = page.getByRole('button', { name: /^Déconnecter .+ sous / });
    await expect.poll(() => signOut.count()).toBe(1);
    await page.getByText('Cet appareil').waitFor();
    await signOut.click();
    await page.getByRole('button', { name: 'Oui, déconnecter' }).click();
    await page.getByText('La session a été déconnectée.').waitFor();
    await elsewhere.waitForURL(/\/sign-in/);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Votre compte' }).waitFor();
  });

  test('changing the password signs out the other browser', async () => {
    const elsewhere = await researcher();
    await page.reload();
    await page.getByLabel('Mot de passe actuel').fill('not my password at all');
    await page.getByLabel('Nouveau mot de passe').fill('a long and unusual passphrase');
    await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await page.getByText('Le mot de passe actuel est erroné.').waitFor();
    expect(await elsewhere.evaluate(() => location.pathname)).not.toMatch(/sign-in/);

    await page.getByLabel('Mot de passe actuel').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await page.getByText('Mot de passe changé. Vos autres sessions ont été déconnectées.').waitFor();
    await elsewhere.waitForURL(/\/sign-in/);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Votre compte' }).waitFor();
  });
});
