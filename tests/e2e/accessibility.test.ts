/**
 * No axe violation of impact serious or critical (WCAG 2.0/2.1 A and AA) on the screens a real
 * cluster runs on, signed in as the person who uses each, in English and in French, on a wide
 * screen and on a phone. One server and one browser for the whole matrix; each person keeps one
 * page per language. A screen to add is one line of SCREENS.
 *
 * With A11Y_SHOTS=<folder>, each checked page is also saved there as a PNG, to look at.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { builtClientDir, launchBrowser } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { DEMO_PASSWORD } from './helpers.ts';

type Role = 'visitor' | 'manager' | 'lead' | 'researcher' | 'platform';
type Lang = 'en' | 'fr';

/** What the screens' addresses need that only the running demo cluster knows. */
interface Ids {
  project: string;
  person: string;
  organisation: string;
  invitation: string;
}

interface Screen {
  name: string;
  /** who looks at it ('visitor': nobody signed in) */
  role: Role;
  path: (ids: Ids) => string;
  /** visible once the screen shows what it is for, in either language */
  ready: (page: Page) => Locator;
}

const h1 = (name: RegExp) => (page: Page) => page.getByRole('heading', { level: 1, name });

const SCREENS: Screen[] = [
  { name: 'sign-in', role: 'visitor', path: () => '/sign-in', ready: h1(/^(Sign in|Connexion)/) },
  { name: 'portfolio', role: 'manager', path: () => '/', ready: h1(/^(Portfolio|Portefeuille)$/) },
  {
    name: 'project room, milestones',
    role: 'lead',
    path: (ids) => `/projects/${ids.project}`,
    // the board's cards, not their skeletons
    ready: (page) => page.getByRole('tabpanel').getByText('Submit the clinical trial application'),
  },
  {
    name: 'project room, readiness',
    role: 'lead',
    path: (ids) => `/projects/${ids.project}?tab=readiness`,
    ready: (page) => page.getByRole('tabpanel').getByRole('heading', { name: /./ }).first(),
  },
  {
    name: 'new project',
    role: 'manager',
    path: () => '/projects/new',
    ready: h1(/^(New project|Nouveau projet)$/),
  },
  {
    name: 'project settings, with its members',
    role: 'lead',
    path: (ids) => `/projects/${ids.project}/settings`,
    // the members panel's people, not its skeleton
    ready: (page) => page.locator('.members-list li').first(),
  },
  { name: 'account', role: 'lead', path: () => '/account', ready: h1(/^(Your account|Votre compte)$/) },
  { name: 'admin people', role: 'manager', path: () => '/admin/people', ready: h1(/^(People|Personnes)$/) },
  {
    name: 'admin person',
    role: 'manager',
    path: (ids) => `/admin/people/${ids.person}`,
    ready: h1(/^Léa Fontaine$/),
  },
  {
    name: 'admin people, single sign-on not seen for 90 days',
    role: 'manager',
    path: () => '/admin/people?status=sso_unseen',
    ready: h1(/^(People|Personnes)$/),
  },
  {
    name: 'admin organisations',
    role: 'manager',
    path: () => '/admin/organisations',
    ready: h1(/^Organisations$/),
  },
  {
    name: 'admin organisation',
    role: 'manager',
    path: (ids) => `/admin/organisations/${ids.organisation}`,
    ready: h1(/^Gustave Roussy/),
  },
  {
    name: 'admin new organisation',
    role: 'manager',
    path: () => '/admin/organisations/new',
    ready: h1(/^(New organisation|Nouvelle organisation)$/),
  },
  {
    name: 'admin people, invitations',
    role: 'manager',
    path: () => '/admin/people/invitations',
    ready: h1(/^Invitations$/),
  },
  {
    name: 'admin frameworks',
    role: 'manager',
    path: () => '/admin/frameworks',
    ready: h1(/^(Frameworks|Référentiels)$/),
  },
  {
    name: 'admin framework track',
    role: 'manager',
    path: () => '/admin/frameworks/therapeutics',
    ready: h1(/^(Therapeutics|Thérapeutiques)$/),
  },
  {
    // the empty state: the demo cluster has no single sign-on connection
    name: 'admin single sign-on',
    role: 'manager',
    path: () => '/admin/sso',
    ready: (page) => page.getByRole('heading', { level: 2, name: /^(No single sign-on|Aucune connexion)/ }),
  },
  {
    name: 'admin new single sign-on connection',
    role: 'manager',
    path: () => '/admin/sso/new',
    ready: h1(/^(Add a connection|Ajouter une connexion)$/),
  },
  { name: 'admin audit', role: 'manager', path: () => '/admin/audit', ready: h1(/./) },
  { name: 'admin services', role: 'manager', path: () => '/admin/services', ready: h1(/./) },
  {
    name: 'admin settings',
    role: 'manager',
    path: () => '/admin/settings',
    ready: h1(/^(Cluster settings|Réglages du cluster)$/),
  },
  {
    name: 'directory',
    role: 'researcher',
    path: () => '/directory',
    ready: h1(/^(Who does what on the campus|Qui fait quoi sur le campus)$/),
  },
  {
    name: 'services catalogue',
    role: 'researcher',
    path: () => '/services',
    ready: h1(/^(Services and platforms|Services et plateformes)$/),
  },
  {
    name: 'service handler home (queue)',
    role: 'platform',
    path: () => '/',
    ready: h1(/^(Requests to handle|Demandes à traiter)$/),
  },
  {
    name: 'invitation',
    role: 'visitor',
    path: (ids) => ids.invitation,
    ready: h1(/(Join|Rejoindre) VCT-201/),
  },
];

const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
];
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const SHOTS = process.env.A11Y_SHOTS;

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
let server: TestServer;
let browser: Browser;
let ids: Ids;
const contexts = new Map<string, BrowserContext>();

/** Calls the API from `page`, with its session, and fails loudly on a refusal. */
async function api<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  const result = await page.evaluate(
    async ([m, p, b]) => {
      const res = await fetch(p as string, {
        method: m as string,
        headers: { 'content-type': 'application/json' },
        body: b === undefined ? undefined : JSON.stringify(b),
      });
      return { status: res.status, body: await res.text() };
    },
    [method, path, body] as const,
  );
  if (result.status >= 300) throw new Error(`${method} ${path}: ${result.status} ${result.body}`);
  return JSON.parse(result.body) as T;
}

/** One page per person and language, signed in through the API with the account set to `lang`. */
async function pageFor(role: Role, lang: Lang): Promise<Page> {
  const key = `${role}:${lang}`;
  const existing = contexts.get(key);
  if (existing?.pages()[0]) return existing.pages()[0]!;
  const context = await browser.newContext({
    locale: lang === 'fr' ? 'fr-FR' : 'en-GB',
    baseURL: server.url,
    viewport: VIEWPORTS[0],
  });
  context.setDefaultTimeout(15_000);
  contexts.set(key, context);
  const page = await context.newPage();
  await page.goto('/sign-in');
  if (role !== 'visitor') {
    await api(page, 'POST', '/api/auth/sign-in/email', {
      email: `${role}@demo.jalon`,
      password: DEMO_PASSWORD,
    });
    // The account's language wins over the browser's once signed in.
    await api(page, 'PATCH', '/api/me', { locale: lang });
  }
  return page;
}

async function closeLanguage(lang: Lang) {
  for (const [key, context] of contexts)
    if (key.endsWith(`:${lang}`)) {
      await context.close();
      contexts.delete(key);
    }
}

beforeAll(async () => {
  server = await startTestServer({ clientDir: builtClientDir(repoRoot) });
  browser = await launchBrowser();
  const lead = await pageFor('lead', 'en');
  const { projects } = await api<{ projects: { id: string; title: string }[] }>(lead, 'GET', '/api/projects');
  const project = projects.find((p) => p.title.startsWith('VCT-201'));
  if (!project) throw new Error('the demo has no VCT-201');
  const invited = await api<{ invitation: { link: string } }>(
    lead,
    'POST',
    `/api/projects/${project.id}/members`,
    { email: 'newcomer@example.org', role: 'contributor' },
  );
  const manager = await pageFor('manager', 'en');
  const people = await api<{ people: { id: string }[] }>(manager, 'GET', '/api/people?q=lea%20fontaine');
  const orgs = await api<{ organisations: { id: string; slug: string; version: number }[] }>(
    manager,
    'GET',
    '/api/admin/organisations',
  );
  const organisation = orgs.organisations.find((o) => o.slug === 'gustave-roussy');
  if (!people.people[0] || !organisation) throw new Error('the demo has no Léa Fontaine or Gustave Roussy');
  // The demo gives no organisation a website: one, so that the directory's link is checked too.
  await api(manager, 'PATCH', `/api/organisations/${organisation.id}`, {
    website: 'https://www.gustaveroussy.fr/en',
    version: organisation.version,
  });
  ids = {
    project: project.id,
    person: people.people[0].id,
    organisation: organisation.id,
    invitation: new URL(invited.invitation.link).pathname,
  };
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Each violation on its own lines: what rule, where, and what axe says to do. */
function describeViolations(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']) {
  return violations
    .map(
      (v) =>
        `[${v.impact}] ${v.id}: ${v.help}\n` +
        v.nodes
          .slice(0, 5)
          .map((n) => `    at ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ')}`)
          .join('\n'),
    )
    .join('\n');
}

for (const lang of ['en', 'fr'] as const) {
  describe(`accessibility in ${lang === 'en' ? 'English' : 'French'}`, () => {
    afterAll(() => closeLanguage(lang));
    for (const screen of SCREENS) {
      test(`${screen.name}: no serious or critical axe violation at 1440 and 390 px`, async () => {
        const page = await pageFor(screen.role, lang);
        const found: string[] = [];
        for (const viewport of VIEWPORTS) {
          await page.setViewportSize(viewport);
          await page.goto(screen.path(ids));
          await screen.ready(page).waitFor();
          expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
          await page.locator('.page-loading').first().waitFor({ state: 'hidden' });
          if (SHOTS)
            await page.screenshot({
              path: join(SHOTS, `${screen.name.replace(/\W+/g, '-')}-${lang}-${viewport.width}.png`),
              fullPage: true,
            });
          const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
          const blocking = results.violations.filter(
            (v) => v.impact === 'serious' || v.impact === 'critical',
          );
          if (blocking.length > 0) found.push(`at ${viewport.width} px:\n${describeViolations(blocking)}`);
        }
        // The text names each rule, where it failed and what to do, so a failure reads on its own.
        expect(found.join('\n'), `${screen.name} (${lang})`).toBe('');
      });
    }
  });
}
