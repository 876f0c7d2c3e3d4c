/**
 * Signing in through a SAML identity provider in a real browser: Jalon sends the browser to the
 * IdP, whose page posts the signed assertion back to Jalon by itself (a cross-site form POST,
 * with the IdP's Origin), and the person arrives in the app, signed in.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { organisations } from '../../server/db/schema/index.ts';
import { builtClientDir, launchBrowser } from '../support/browser.ts';
import { connectSamlIdp } from '../support/saml-connection.ts';
import { type SamlIdp, startSamlIdp } from '../support/saml-idp.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PROVIDER_ID = 'chu-saint-eloi';
const DOMAIN = 'chu-saint-eloi.example';

let server: TestServer;
let idp: SamlIdp;
let browser: Browser;

beforeAll(async () => {
  [server, idp, browser] = await Promise.all([
    startTestServer({ clientDir: builtClientDir(repoRoot) }),
    startSamlIdp(),
    launchBrowser(),
  ]);
  const [organisation] = await server.deps.db.select({ id: organisations.id }).from(organisations).limit(1);
  await connectSamlIdp(server, idp, {
    providerId: PROVIDER_ID,
    domain: DOMAIN,
    organisationId: organisation!.id,
  });
});
afterAll(async () => {
  await browser?.close();
  await idp?.close();
  await server?.close();
});

describe('signing in with a SAML identity provider, in the browser', () => {
  test('the IdP page posts itself back and the person arrives signed in', async () => {
    const context = await browser.newContext({ locale: 'en-GB', baseURL: server.url });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    idp.signIn({ email: `amelie.roux@${DOMAIN}`, givenName: 'Amélie', surname: 'Roux' });

    await page.goto('/');
    await page.waitForURL(/\/sign-in/);
    // The sign-in page's own way to start single sign-on is another screen's work: start it as
    // that page will, from Jalon's origin, and follow where it sends the browser.
    const start = await page.evaluate(async (providerId) => {
      const res = await fetch('/api/auth/sign-in/sso', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ providerId, callbackURL: '/', errorCallbackURL: '/sign-in' }),
      });
      return { status: res.status, body: (await res.json()) as { url: string } };
    }, PROVIDER_ID);
    expect(start.status).toBe(200);

    const posted = page.waitForRequest(
      (r) => r.method() === 'POST' && r.url().includes('/sso/saml2/sp/acs/'),
    );
    await page.goto(start.body.url);
    const acs = await posted;
    // A real cross-site post, as from any institution's IdP.
    expect(acs.headers().origin).toBe(idp.origin);
    await page.waitForURL(`${server.url}/`);
    await page.getByText('Amélie Roux').first().waitFor();

    const me = await page.evaluate(async () => (await fetch('/api/me')).json());
    expect(me.user).toMatchObject({ email: `amelie.roux@${DOMAIN}`, name: 'Amélie Roux' });
    await context.close();
  });

  test('a refused answer brings the person back to the sign-in page, signed out', async () => {
    const context = await browser.newContext({ locale: 'en-GB', baseURL: server.url });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    idp.signIn({ email: `k.benali@${DOMAIN}`, displayName: 'Karim Benali' });
    await page.goto('/sign-in');
    const start = await page.evaluate(async (providerId) => {
      const res = await fetch('/api/auth/sign-in/sso', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ providerId, callbackURL: '/', errorCallbackURL: '/sign-in' }),
      });
      return (await res.json()) as { url: string };
    }, PROVIDER_ID);
    idp.spoilNext('impostor');
    await page.goto(start.url);
    await page.waitForURL(/\/sign-in\?error=/);
    await page.getByLabel('Email', { exact: true }).waitFor();
    expect(new URL(page.url()).searchParams.get('error')).toBe('saml_error');
    expect((await page.evaluate(async () => (await fetch('/api/me')).status)) as number).toBe(401);
    await context.close();
  });
});
