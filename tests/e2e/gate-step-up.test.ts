/**
 * A cluster manager who signs in through their hospital signs a gate decision in a real
 * browser: no password is asked of them; "Sign in again at <hospital> to sign" sends them to
 * the hospital's provider (a real one on loopback), which asks them to sign in again; back on the
 * gate, their draft is there and the button says when they authenticated; the signed decision
 * says how. In English at 1440 px and in French at 390 px, with screenshots of each step.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { clusterManagers, organisations, user } from '../../server/db/schema/index.ts';
import { builtClientDir, launchBrowser } from '../support/browser.ts';
import { type ApiClient, signedIn } from '../support/client.ts';
import { meetMustCriteria } from '../support/gates.ts';
import { startOidcProvider, type TestOidcProvider } from '../support/oidc-provider.ts';
import { freePort } from '../support/ports.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** where to write screenshots of each step, when asked (as accessibility.test.ts's A11Y_SHOTS) */
const SHOTS = process.env.A11Y_SHOTS;
const HOSPITAL_SLUG = 'centre-hospitalier-val-de-bievre';
const HOSPITAL = 'Centre Hospitalier du Val de Bièvre';
const DOMAIN = 'chvb.example';
const NADIA = { email: `nadia.haddad@${DOMAIN}`, name: 'Nadia Haddad' };

let server: TestServer;
let idp: TestOidcProvider;
let browser: Browser;
const projects: { id: string; title: string }[] = [];

beforeAll(async () => {
  server = await startTestServer({ clientDir: builtClientDir(repoRoot) });
  const [hospital] = await server.deps.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.slug, HOSPITAL_SLUG));
  idp = await startOidcProvider({
    port: await freePort(),
    redirectUris: [`${server.url}/api/auth/sso/callback/${HOSPITAL_SLUG}-oidc`],
    accounts: [NADIA],
  });
  const manager: ApiClient = await signedIn(server.url, 'manager@demo.jalon');
  const added = await manager.post('/api/admin/sso/connections', {
    protocol: 'oidc',
    organisationId: hospital!.id,
    domains: [DOMAIN],
    issuer: idp.issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
  });
  expect(added.status).toBe(201);
  const lead = await signedIn(server.url, 'lead@demo.jalon');
  const led = (await lead.get('/api/projects')).body.projects.filter((p: { stage: number }) => p.stage < 5);
  for (const project of led.slice(0, 3)) {
    await meetMustCriteria(server.url, lead, project);
    expect((await lead.post(`/api/projects/${project.id}/gates`)).status).toBe(201);
    projects.push(project);
  }
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await idp?.close();
  await server?.close();
});

/** Nadia, signed in through the hospital in a fresh browser (made a cluster manager the first time). */
async function nadiaSignedIn(locale: string, width: number): Promise<Page> {
  const context = await browser.newContext({ locale, baseURL: server.url, viewport: { width, height: 900 } });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByRole('textbox', { name: /^(Email|E-mail|Adresse)/ }).fill(NADIA.email);
  await page.keyboard.press('Tab');
  await page.getByRole('button', { name: /organisation/ }).click();
  await page.getByLabel('Hospital address').fill(NADIA.email);
  await page.getByLabel('Hospital address').press('Enter');
  await page.waitForURL((url) => url.origin === server.url && !url.pathname.startsWith('/api/'));
  const [row] = await server.deps.db.select({ id: user.id }).from(user).where(eq(user.email, NADIA.email));
  await server.deps.db.insert(clusterManagers).values({ userId: row!.id }).onConflictDoNothing();
  // Her account's language is the one she chose last: this browser's language, chosen here.
  await page.getByRole('button', { name: locale.startsWith('fr') ? 'Français' : 'English' }).click();
  return page;
}

/** No serious or critical axe violation on the page as it is; a screenshot when asked. */
async function look(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `gate-step-up-${name}.png`), fullPage: true });
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
}

const cases = [
  {
    locale: 'en-GB',
    width: 1440,
    tab: 'Gates',
    form: 'Record and sign the decision',
    rationale: 'Rationale',
    review: 'Review before signing',
    summary: 'What signing will do',
    go: `Sign in again at ${HOSPITAL} to sign`,
    ready: new RegExp(`^Authenticated at ${HOSPITAL} at \\d{1,2}:\\d{2}( [AP]M)? — Sign “Go”$`),
    proof: /^authenticated at their organisation's sign-in \(OIDC\), checked /,
  },
  {
    locale: 'fr-FR',
    width: 390,
    tab: 'Revues de passage',
    form: 'Enregistrer et signer la décision',
    rationale: 'Justification',
    review: 'Vérifier avant de signer',
    summary: 'Ce que la signature va faire',
    go: `Se reconnecter auprès de ${HOSPITAL} pour signer`,
    ready: new RegExp(`^Authentifié·e auprès de ${HOSPITAL} à \\d{2}:\\d{2} — Signer «\\sGo\\s»$`),
    proof: /^authentifiée à la connexion de son organisation \(OIDC\), vérifié le /,
  },
];

describe('signing a gate decision by signing in again at one’s organisation', () => {
  cases.forEach((c, i) => {
    test(`${c.locale} at ${c.width} px`, async () => {
      const page = await nadiaSignedIn(c.locale, c.width);
      const project = projects[i]!;
      await page.goto(`/projects/${project.id}?tab=gates`);
      const gates = page.getByRole('tabpanel', { name: c.tab });
      const form = gates.getByRole('form', { name: c.form });
      await form.waitFor();
      // An account that signs in through its organisation has no password to re-enter.
      expect(await form.locator('input[type="password"]').count()).toBe(0);
      await form.getByRole('radio', { name: /^Go (?!sous)/ }).check();
      const rationale = `Comparability closed (${c.locale}).`;
      await form.getByLabel(c.rationale).fill(rationale);
      await form.getByRole('button', { name: c.review }).click();
      await form.getByRole('region', { name: c.summary }).getByText(rationale).waitFor();
      await look(page, `before-${c.locale}-${c.width}`);

      await form.getByRole('button', { name: c.go }).focus();
      await page.keyboard.press('Enter');
      // The provider asks again although it has a session for this browser (prompt=login).
      await page.getByRole('heading', { name: 'Hospital sign-in' }).waitFor();
      await page.getByLabel('Hospital address').fill(NADIA.email);
      await page.getByLabel('Hospital address').press('Enter');

      await page.waitForURL((url) => url.origin === server.url && url.pathname === `/projects/${project.id}`);
      const sign = form.getByRole('button', { name: c.ready });
      await sign.waitFor();
      // Back on the summary they left from, with their draft: the button names the outcome.
      await form.getByRole('region', { name: c.summary }).getByText(rationale).waitFor();
      expect(new URL(page.url()).searchParams.get('stepUp')).toBeNull();
      await look(page, `back-${c.locale}-${c.width}`);

      await sign.click();
      await gates.getByText(c.proof).first().waitFor();
      await look(page, `signed-${c.locale}-${c.width}`);
      await page.context().close();
      // three axe runs and a round trip through the provider: more than the default minute on a busy machine
    }, 120_000);
  });

  test('a sign-in the provider refuses comes back to the draft, told in plain words, and signs nothing', async () => {
    const page = await nadiaSignedIn('en-GB', 1440);
    const project = projects[2]!;
    await page.goto(`/projects/${project.id}?tab=gates`);
    const form = page
      .getByRole('tabpanel', { name: 'Gates' })
      .getByRole('form', { name: 'Record and sign the decision' });
    await form.getByRole('radio', { name: 'Hold' }).check();
    await form.getByLabel('Rationale').fill('More data on the second cohort first.');
    const reviewOn = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
    await form.getByLabel('Review date').fill(reviewOn);
    await form.getByRole('button', { name: 'Review before signing' }).click();
    await form.getByRole('button', { name: `Sign in again at ${HOSPITAL} to sign` }).click();
    await page.getByRole('heading', { name: 'Hospital sign-in' }).waitFor();
    // an address the provider does not know: it denies access
    await page.getByLabel('Hospital address').fill(`someone.else@${DOMAIN}`);
    await page.getByLabel('Hospital address').press('Enter');
    await page.waitForURL((url) => url.origin === server.url && url.pathname === `/projects/${project.id}`);
    await form
      .getByRole('alert')
      .getByText(`${HOSPITAL} did not sign you in again: nothing was signed. Try again.`)
      .waitFor();
    await form.getByRole('button', { name: `Sign in again at ${HOSPITAL} to sign` }).waitFor();
    await look(page, 'refused-en-GB-1440');
    // The draft is whole: back to it, the outcome and the rationale are as they were.
    await form.getByRole('button', { name: 'Change the decision' }).click();
    expect(await form.getByLabel('Rationale').inputValue()).toBe('More data on the second cohort first.');
    expect(await form.getByRole('radio', { name: /^Hold\b/ }).isChecked()).toBe(true);
    expect(await form.getByLabel('Review date').inputValue()).toBe(reviewOn);
    await page.context().close();
  }, 120_000);
});
