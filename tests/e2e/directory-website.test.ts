/**
 * The directory shows an organisation's website as a link, on its card and on its page, that
 * opens in a new tab without giving the site a hold on Jalon's window or the page it came from.
 */
import { describe, expect, test } from 'vitest';
import { signIn, useBrowserAndServer } from './helpers.ts';

const { freshPage } = useBrowserAndServer();

describe('an organisation’s website in the directory', () => {
  test('the manager sets it; a researcher finds it as a safe link on the card and on the page', async () => {
    const manager = await freshPage();
    await signIn(manager, 'manager@demo.jalon');
    await manager.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
    const saved = await manager.evaluate(async () => {
      const list = await (await fetch('/api/admin/organisations?q=gustave')).json();
      const org = list.organisations.find((o: { slug: string }) => o.slug === 'gustave-roussy');
      const res = await fetch(`/api/organisations/${org.id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ website: 'https://www.gustaveroussy.fr/en', version: org.version }),
      });
      return res.status;
    });
    expect(saved).toBe(200);

    const page = await freshPage();
    await signIn(page, 'researcher@demo.jalon');
    await page.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
    await page.goto('/directory?q=gustave');
    const card = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: 'Gustave Roussy' }) });
    const link = card.getByRole('link', { name: 'gustaveroussy.fr (opens in a new tab)' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe('https://www.gustaveroussy.fr/en');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    // An organisation without a website shows no link at all.
    await page.goto('/directory?q=sanofi');
    const sanofi = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Sanofi' }) });
    await sanofi.waitFor();
    expect(await sanofi.getByRole('link', { name: /opens in a new tab/ }).count()).toBe(0);

    await page.goto('/directory/gustave-roussy');
    await page.getByRole('heading', { level: 1, name: 'Gustave Roussy' }).waitFor();
    const onPage = page.getByRole('link', { name: 'gustaveroussy.fr (opens in a new tab)' });
    expect(await onPage.getAttribute('rel')).toBe('noopener noreferrer');
    await page.getByText('Website:').waitFor();
  });
});
