/**
 * An invitation link in a real browser: the lead invites an address that has no account yet;
 * the link shows what it offers without signing in, sends the visitor through sign-in and back,
 * refuses the wrong account with a way out, and lets the newcomer create their account on the
 * page (the link proves the address), refusing a name that passes for the office, then joins.
 */
import { describe, expect, test } from 'vitest';
import { fillSignIn, projectRows, signIn, useBrowserAndServer } from './helpers.ts';

const { freshPage } = useBrowserAndServer();

const INVITEE = { name: 'Nora Newcomer', email: 'newcomer@example.org', password: 'tulip-harbour-lantern' };

describe('invitation', () => {
  test('preview signed out, wrong account, then create the account and join', async () => {
    const lead = await freshPage();
    await signIn(lead, 'lead@demo.jalon');
    const href = await projectRows(lead)
      .filter({ hasText: 'VCT-201' })
      .getByRole('link')
      .getAttribute('href');
    // The lead invites from their own browser session, as the members screen will.
    const link = await lead.evaluate(async (projectPath) => {
      const res = await fetch(`/api${projectPath}/members`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'newcomer@example.org', role: 'contributor' }),
      });
      const body = await res.json();
      return body.invitation?.link as string | undefined;
    }, href!);
    expect(link).toMatch(/\/invitations\//);
    const invitationPath = new URL(link!).pathname;
    await lead.context().close();

    const page = await freshPage();
    await page.goto(invitationPath);
    await page.getByRole('heading', { level: 1, name: /Join VCT-201/ }).waitFor();
    await page.getByText('Claire Dubois invites you to join this project as Contributor.').waitFor();
    await page.getByText('Your account will be for newcomer@example.org').waitFor();
    await page.getByRole('link', { name: 'Sign in to accept' }).click();
    await page.waitForURL(/\/sign-in\?next=/);

    await fillSignIn(page, 'researcher@demo.jalon');
    await page.waitForURL((url) => url.pathname === invitationPath);
    await page
      .getByText(
        /This invitation is for newcomer@example\.org, but you are signed in as researcher@demo\.jalon/,
      )
      .waitFor();
    expect(await page.getByRole('button', { name: 'Accept the invitation' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Sign out and switch account' }).click();
    await page.waitForURL(/\/sign-in\?next=/);

    // The newcomer has no account: they create it on the invitation page.
    await page.goto(invitationPath);
    await page.getByText(/At least 12 characters/).waitFor();
    await page.getByLabel('Your name').fill('Programme Office');
    await page.getByLabel('Choose a password').fill(INVITEE.password);
    await page.getByRole('button', { name: 'Create my account and join' }).click();
    await page
      .getByRole('alert')
      .getByText(/could be taken for the programme office/)
      .waitFor();
    await page.getByLabel('Your name').fill(INVITEE.name);
    await page.getByLabel('Choose a password').fill('short');
    await page.getByRole('button', { name: 'Create my account and join' }).click();
    await page.getByRole('alert').getByText('Your password needs at least 12 characters.').waitFor();
    await page.getByLabel('Choose a password').fill(INVITEE.password);
    await page.getByRole('button', { name: 'Create my account and join' }).click();
    await page.waitForURL((url) => url.pathname === href);
    await page.getByRole('heading', { level: 1, name: /^VCT-201/ }).waitFor();
    await page.getByRole('heading', { name: 'Partner organisations' }).waitFor();

    await page.getByRole('link', { name: 'Portfolio', exact: true }).first().click();
    await page.getByText('1 project', { exact: true }).waitFor();
    await projectRows(page).getByRole('cell', { name: 'Contributor', exact: true }).waitFor();
    await page.context().close();
  });

  test('without a mail server, a forgotten password leads to the programme office, not to a link that never comes', async () => {
    const page = await freshPage();
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reset your password' }).waitFor();
    await page.getByText(/sends no e-mail/).waitFor();
    expect(await page.getByRole('button', { name: 'Send the link' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByText(/n’envoie pas d’e-mail/).waitFor();
  });
});
