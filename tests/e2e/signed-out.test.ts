/**
 * A session ended elsewhere ends the open app at once: the page goes to sign-in and says why,
 * and does not keep reconnecting with the dead session. Signing out oneself says nothing more.
 */
import { describe, expect, test } from 'vitest';
import { projectRows, signIn, useBrowserAndServer } from './helpers.ts';

const { freshPage } = useBrowserAndServer();

describe('a session ended elsewhere', () => {
  test('the open page shows "You were signed out" and asks to sign in again', async () => {
    const open = await freshPage();
    await signIn(open, 'researcher@demo.jalon');
    await projectRows(open).first().waitFor();
    // Count the live connections the page opens from now on: one that ends must not come back.
    let reconnections = 0;
    open.on('websocket', () => {
      reconnections += 1;
    });

    // The same person, on another device, ends their other sessions.
    const other = await freshPage();
    await signIn(other, 'researcher@demo.jalon');
    await projectRows(other).first().waitFor();
    const status = await other.evaluate(async () => {
      const res = await fetch('/api/auth/revoke-other-sessions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      return res.status;
    });
    expect(status).toBe(200);

    await open.waitForURL(/\/sign-in/);
    await open.getByRole('status').filter({ hasText: 'You were signed out' }).waitFor();
    await open.getByText('Sign in again to carry on.').waitFor();
    expect(reconnections).toBe(0);
    // the other device goes on
    expect(other.url()).not.toMatch(/sign-in/);

    // Signing out oneself lands on the sign-in page without that notice.
    await other.getByRole('button', { name: 'Sign out' }).click();
    await other.waitForURL(/\/sign-in/);
    await other.getByLabel('Email', { exact: true }).waitFor();
    expect(await other.getByText('You were signed out').count()).toBe(0);
  });
});
