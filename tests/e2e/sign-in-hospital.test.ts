/**
 * A hospital signs in from behind one address: thirty colleagues sign in through the sign-in
 * screen within a minute and none is turned away (no request of theirs is answered 429, the
 * look-up of how an address signs in included); a colleague's typos lock nobody else out; and
 * one account's five wrong passwords lock that account only, saying so on screen. Every browser
 * here reaches the server from 127.0.0.1: one address, as behind a hospital's proxy. The thirty
 * take well under a minute on a quiet machine (the window of every per-address limit); the test
 * does not time them, since a busy machine is slower, and a refusal is what it looks for.
 */
import type { Browser, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ACCOUNT_FAILURES } from '../../server/auth/password-attempts.ts';
import { createAccount } from '../support/accounts.ts';
import { builtClientDir, launchBrowser } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const repoRoot = new URL('../..', import.meta.url).pathname;
const PASSWORD = 'hospital staff passphrase 2026';
const STAFF = 30;
const staff = Array.from({ length: STAFF }, (_, i) => `staff-${String(i + 1).padStart(2, '0')}@chvb.example`);
const TYPIST = 'typist@chvb.example';
const LOCKED = 'forgetful@chvb.example';

let server: TestServer;
let browser: Browser;
/** every 429 any hospital browser received, as "METHOD path" */
const refusals: string[] = [];

beforeAll(async () => {
  server = await startTestServer({ clientDir: builtClientDir(repoRoot) });
  for (const email of [...staff, TYPIST, LOCKED])
    await createAccount(server, { name: email.split('@')[0]!, email, password: PASSWORD });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh browser on the sign-in screen, whose 429s are collected (save those `expected` lets by). */
async function signInScreen(expected: (r: Response) => boolean = () => false): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB', baseURL: server.url });
  // A machine running other tests beside this one loads thirty pages slowly.
  context.setDefaultTimeout(45_000);
  const page = await context.newPage();
  page.on('response', (r) => {
    if (r.status() === 429 && !expected(r))
      refusals.push(`${r.request().method()} ${new URL(r.url()).pathname}`);
  });
  await page.goto('/', { waitUntil: 'domcontentloaded' });
  await page.waitForURL(/\/sign-in/);
  return page;
}

async function submit(page: Page, email: string, password: string) {
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Password', { exact: true }).press('Enter');
}

/** Signs in through the screen, in a browser of their own, and waits for the portfolio. */
async function signsIn(email: string) {
  const page = await signInScreen();
  await submit(page, email, PASSWORD);
  await page.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
  await page.context().close();
}

/** Each wrong password is told as one, on screen, and opens nothing. */
async function mistypes(page: Page, email: string, times: number) {
  for (let i = 0; i < times; i++) {
    await submit(page, email, `wrong password ${i}`);
    await page.getByRole('alert').getByText('Wrong email or password. Check both and try again.').waitFor();
    // the next try starts from a cleared message, so each one is seen
    await page.getByLabel('Password', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('alert').getByText('Enter your email and your password.').waitFor();
  }
}

describe('a hospital behind one address signing in', () => {
  test('thirty colleagues sign in within a minute; typos and a locked account lock out no one else', async () => {
    // A colleague mistypes three times first.
    const typist = await signInScreen();
    await mistypes(typist, TYPIST, 3);

    // Thirty people sign in, three at a time, all from the same address.
    const queue = [...staff];
    await Promise.all(
      [1, 2, 3].map(async () => {
        for (let email = queue.shift(); email; email = queue.shift()) await signsIn(email);
      }),
    );
    expect(refusals).toEqual([]);

    // The typist gets in with the right password at last.
    await submit(typist, TYPIST, PASSWORD);
    await typist.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
    await typist.context().close();

    // One account's five wrong passwords lock that account, even with its right password next.
    const locked = await signInScreen((r) => new URL(r.url()).pathname === '/api/auth/sign-in/email');
    await mistypes(locked, LOCKED, ACCOUNT_FAILURES);
    await submit(locked, LOCKED, PASSWORD);
    await locked
      .getByRole('alert')
      .getByText(
        /^Too many wrong passwords for this account or from this network\. Wait \d+ min, then try again\.$/,
      )
      .waitFor();
    expect(locked.url()).toContain('/sign-in');

    // Everyone else still signs in.
    await signsIn(staff[0]!);
    await signsIn(staff[STAFF - 1]!);
    expect(refusals).toEqual([]);
    await locked.context().close();
    // thirty browsers on a machine running other tests beside this one
  }, 360_000);
});
