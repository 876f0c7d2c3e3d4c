/**
 * An invitation link in a real browser: the lead invites an address that has no account yet;
 * the link shows what it offers without signing in, sends the visitor through sign-in and back,
 * refuses the wrong account with a way out, and with the invited account joins the project.
 */
import { describe, expect, test } from 'vitest';
import { fillSignIn, projectRows, signIn, useBrowserAndServer } from './helpers.ts';

const { freshPage } = useBrowserAndServer();

const INVITEE = { name: 'Nora Newcomer', email: 'newcomer@example.org', password: 'newcomer-pass-2026' };

describe('invitation', () => {
  test('preview signed out, wrong account, then accept with the invited address', async () => {
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

    // The invitee has no account yet; it is created the way better-auth offers (no screen for it yet).
    const signedUp = await page.evaluate(async (invitee) => {
      const res = await fetch('/api/auth/sign-up/email', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(invitee),
      });
      return res.status;
    }, INVITEE);
    expect(signedUp).toBe(200);
    await page.context().clearCookies();

    await fillSignIn(page, INVITEE.email, INVITEE.password);
    await page.waitForURL((url) => url.pathname === invitationPath);
    await page.getByRole('button', { name: 'Accept the invitation' }).click();
    await page.waitForURL((url) => url.pathname === href);
    await page.getByRole('heading', { level: 1, name: /^VCT-201/ }).waitFor();
    await page.getByRole('heading', { name: 'Partner organisations' }).waitFor();

    await page.getByRole('link', { name: 'Portfolio', exact: true }).first().click();
    await page.getByText('1 project', { exact: true }).waitFor();
    await projectRows(page).getByRole('cell', { name: 'Contributor', exact: true }).waitFor();
    await page.context().close();
  });
});
