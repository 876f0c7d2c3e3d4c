/**
 * No axe violation at all, of any impact (WCAG 2.0, 2.1 and 2.2 A and AA, axe's best practices,
 * and its experimental rules, which hold label-in-name), on every screen of Jalon, signed in as the person who uses each, in English and in
 * French, on a wide screen and on a phone. A rule may only be left out with its reason written in
 * NOT_CHECKED. One server and one browser for the whole matrix; each person keeps one page per
 * language. A screen to add is one entry of SCREENS.
 *
 * With A11Y_SHOTS=<folder>, each checked page is also saved there as a PNG, to look at.
 * With A11Y_SCREENS=<regular expression>, only the screens whose name matches are checked, and
 * with A11Y_LANGS=en (or fr) only that language: to work on a few screens.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { builtClientDir, launchBrowser } from '../support/browser.ts';
import { signedIn } from '../support/client.ts';
import { meetMustCriteria } from '../support/gates.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { DEMO_PASSWORD } from './helpers.ts';

type Role = 'visitor' | 'manager' | 'lead' | 'researcher' | 'platform' | 'mentor' | 'partner';
type Lang = 'en' | 'fr';

/** What the screens' addresses need that only the running demo cluster knows. */
interface Ids {
  project: string;
  /** a milestone of `project` */
  milestone: string;
  /** a project whose gate review is open */
  gateProject: string;
  person: string;
  organisation: string;
  invitation: string;
  /** a service's address (slug) that the platform account runs */
  service: string;
}

interface Screen {
  name: string;
  /** who looks at it ('visitor': nobody signed in) */
  role: Role;
  path: (ids: Ids) => string;
  /** visible once the screen shows what it is for, in either language */
  ready: (page: Page) => Locator;
  /** puts the ready screen in the state to check (offline…); returns what puts it back */
  enter?: (page: Page) => Promise<() => Promise<void>>;
  /** a part of the screen checked on its own, below (axe cannot enter a frame that runs no script) */
  checkedApart?: string;
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
  {
    name: 'sign-up',
    role: 'visitor',
    path: () => '/sign-up',
    ready: h1(/./),
  },
  {
    name: 'forgot password',
    role: 'visitor',
    path: () => '/forgot-password',
    ready: h1(/./),
  },
  {
    // a link whose token is not (or no longer) valid: the page says so and offers a new one
    name: 'reset password',
    role: 'visitor',
    path: () => '/reset-password?token=not-a-real-token',
    ready: h1(/./),
  },
  { name: 'page not found, signed out', role: 'visitor', path: () => '/no-such-page', ready: h1(/./) },
  { name: 'page not found, signed in', role: 'lead', path: () => '/no-such-page', ready: h1(/./) },
  { name: 'lead home', role: 'lead', path: () => '/', ready: h1(/./) },
  { name: 'researcher home', role: 'researcher', path: () => '/', ready: h1(/./) },
  { name: 'mentor home', role: 'mentor', path: () => '/', ready: h1(/./) },
  { name: 'partner home', role: 'partner', path: () => '/', ready: h1(/./) },
  {
    name: 'portfolio, offline',
    role: 'manager',
    path: () => '/',
    ready: h1(/^(Portfolio|Portefeuille)$/),
    enter: async (page) => {
      await page.context().setOffline(true);
      await page.locator('.banner-warning').waitFor();
      return async () => {
        await page.context().setOffline(false);
        await page.locator('.banner-warning').waitFor({ state: 'detached' });
      };
    },
  },
  {
    name: 'project room, milestones timeline',
    role: 'lead',
    path: (ids) => `/projects/${ids.project}?view=timeline`,
    ready: (page) => page.getByRole('tabpanel').getByText('Submit the clinical trial application').first(),
  },
  {
    name: 'project room, milestone detail and comments',
    role: 'lead',
    path: (ids) => `/projects/${ids.project}?m=${ids.milestone}`,
    ready: (page) => page.locator('.ms-detail').getByRole('heading', { name: /./ }).first(),
  },
  {
    name: 'project room, criteria',
    role: 'lead',
    path: (ids) => `/projects/${ids.project}?tab=criteria`,
    ready: (page) => page.getByRole('tabpanel').getByRole('heading', { name: /./ }).first(),
  },
  {
    name: 'project room, gates',
    role: 'lead',
    path: (ids) => `/projects/${ids.project}?tab=gates`,
    ready: (page) => page.getByRole('tabpanel').getByRole('heading', { name: /./ }).first(),
  },
  {
    // a review is open: the programme office sees the recommendation and the decision form
    name: 'project room, gate decision form',
    role: 'manager',
    path: (ids) => `/projects/${ids.gateProject}?tab=gates`,
    ready: (page) => page.getByRole('form', { name: /^(Record and sign the decision|.*sign.*)/i }),
  },
  {
    name: 'project room, activity',
    role: 'lead',
    path: (ids) => `/projects/${ids.project}?tab=activity`,
    ready: (page) => page.getByRole('tabpanel').getByRole('heading', { name: /./ }).first(),
  },
  {
    name: 'project room, history',
    role: 'lead',
    path: (ids) => `/projects/${ids.project}?tab=history`,
    ready: (page) => page.getByRole('tabpanel').getByRole('heading', { name: /./ }).first(),
  },
  {
    name: 'project room, about',
    role: 'lead',
    path: (ids) => `/projects/${ids.project}?tab=about`,
    ready: (page) => page.getByRole('tabpanel').getByRole('heading', { name: /./ }).first(),
  },
  {
    name: 'project room, as a mentor (read only)',
    role: 'mentor',
    path: (ids) => `/projects/${ids.project}`,
    ready: (page) => page.getByRole('tabpanel').getByText('Submit the clinical trial application'),
  },
  {
    name: 'project report',
    role: 'manager',
    path: (ids) => `/projects/${ids.project}/report`,
    ready: h1(/./),
  },
  {
    name: 'project services',
    role: 'lead',
    path: (ids) => `/projects/${ids.project}/services`,
    ready: h1(/./),
  },
  {
    name: 'notification preferences',
    role: 'lead',
    path: () => '/notifications/preferences',
    ready: h1(/./),
  },
  {
    name: 'notification digest',
    role: 'lead',
    path: () => '/notifications/digest',
    ready: h1(/./),
    // the e-mail's own HTML, in a sandboxed frame: checked as the e-mail below
    checkedApart: '.nt-digest-frame',
  },
  {
    name: 'directory entry',
    role: 'researcher',
    path: () => '/directory/gustave-roussy',
    ready: h1(/^Gustave Roussy/),
  },
  { name: 'mentors', role: 'researcher', path: () => '/mentors', ready: h1(/./) },
  { name: 'mentor inbox', role: 'mentor', path: () => '/mentors', ready: h1(/./) },
  { name: 'service queue', role: 'platform', path: () => '/services/queue', ready: h1(/./) },
  {
    // the programme office also sees each service's load, a table wider than a phone
    name: 'service queue, with the load per service',
    role: 'manager',
    path: () => '/services/queue',
    ready: (page) => page.locator('.load-table'),
  },
  { name: 'new service', role: 'manager', path: () => '/services/new', ready: h1(/./) },
  {
    name: 'portfolio analytics',
    role: 'manager',
    path: () => '/analytics',
    ready: (page) => page.locator('.analytics-figures'),
  },
  {
    name: 'service editor',
    role: 'platform',
    path: (ids) => `/services/${ids.service}/edit`,
    ready: h1(/./),
  },
  {
    name: 'service request form',
    role: 'lead',
    path: (ids) => `/services/${ids.service}/request?project=${ids.project}`,
    ready: h1(/./),
  },
  {
    name: 'administration, not allowed',
    role: 'lead',
    path: () => '/admin/people',
    ready: h1(/./),
  },
];

const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
];
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice', 'experimental'];

/**
 * The rules not checked, each with the reason it does not apply to Jalon. Every other rule of
 * TAGS fails the test, whatever its impact.
 */
const NOT_CHECKED: Record<string, string> = {};

const SHOTS = process.env.A11Y_SHOTS;
const ONLY = process.env.A11Y_SCREENS ? new RegExp(process.env.A11Y_SCREENS) : null;
const LANGS = (['en', 'fr'] as const).filter((l) => (process.env.A11Y_LANGS ?? 'en,fr').includes(l));

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
  const gateProject = projects.find((p) => p.title.startsWith('VCT-310'));
  if (!project || !gateProject) throw new Error('the demo has no VCT-201 or VCT-310');
  const milestone = await lead
    .goto(`/projects/${project.id}`)
    .then(() =>
      lead
        .getByRole('tabpanel')
        .locator('[data-milestone-open]', { hasText: 'Submit the clinical trial application' })
        .first()
        .getAttribute('data-milestone-open'),
    );
  if (!milestone) throw new Error('VCT-201 has no card for its clinical trial application');
  await openGateReview(gateProject.id);
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
  const platform = await pageFor('platform', 'en');
  const me = await api<{ user: { id: string } }>(platform, 'GET', '/api/me');
  const { services } = await api<{ services: { slug: string; handlers: { id: string }[] }[] }>(
    platform,
    'GET',
    '/api/services',
  );
  const service = services.find((s) => s.handlers.some((h) => h.id === me.user.id));
  if (!service) throw new Error('the platform account handles no service');
  ids = {
    project: project.id,
    milestone,
    gateProject: gateProject.id,
    person: people.people[0].id,
    organisation: organisation.id,
    invitation: new URL(invited.invitation.link).pathname,
    service: service.slug,
  };
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  // The demo cluster, a gate review and seven people signed in: more than the usual two minutes
  // on a busy machine.
}, 300_000);

/** Opens the review of the project's next gate (unless one is open), as its lead would. */
async function openGateReview(projectId: string) {
  const lead = await signedIn(server.url, 'lead@demo.jalon');
  const { reviews } = (await lead.get(`/api/projects/${projectId}/gates`)).body as {
    reviews: { status: string }[];
  };
  if (reviews.some((r) => r.status === 'open')) return;
  const { stage, track } = (await lead.get(`/api/projects/${projectId}`)).body as {
    stage: number;
    track: string;
  };
  await meetMustCriteria(server.url, lead, { id: projectId, stage, track });
  const opened = await lead.post(`/api/projects/${projectId}/gates`);
  if (opened.status !== 201) throw new Error(`the gate review did not open: ${JSON.stringify(opened.body)}`);
}

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

for (const lang of LANGS) {
  describe(`accessibility in ${lang === 'en' ? 'English' : 'French'}`, () => {
    afterAll(() => closeLanguage(lang));
    for (const screen of SCREENS.filter((s) => !ONLY || ONLY.test(s.name))) {
      test(`${screen.name}: no axe violation at 1440 and 390 px`, async () => {
        const page = await pageFor(screen.role, lang);
        const found: string[] = [];
        for (const viewport of VIEWPORTS) {
          await page.setViewportSize(viewport);
          await page.goto(screen.path(ids));
          await screen.ready(page).waitFor();
          expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
          await page.locator('.page-loading').first().waitFor({ state: 'hidden' });
          const leave = await screen.enter?.(page);
          try {
            if (SHOTS)
              await page.screenshot({
                path: join(SHOTS, `${screen.name.replace(/\W+/g, '-')}-${lang}-${viewport.width}.png`),
                fullPage: true,
              });
            const axe = new AxeBuilder({ page }).withTags(TAGS).disableRules(Object.keys(NOT_CHECKED));
            if (screen.checkedApart) axe.exclude(screen.checkedApart);
            const results = await axe.analyze();
            if (results.violations.length > 0) {
              found.push(`at ${viewport.width} px:\n${describeViolations(results.violations)}`);
              // Printed as found too: the whole matrix takes minutes.
              console.log(`${screen.name} (${lang}) ${found.at(-1)}`);
            }
          } finally {
            await leave?.();
          }
        }
        // The text names each rule, where it failed and what to do, so a failure reads on its own.
        expect(found.join('\n'), `${screen.name} (${lang})`).toBe('');
        // Two widths of a heavy page on a busy machine take longer than the usual minute.
      }, 180_000);
    }
  });
}

describe('the weekly digest e-mail', () => {
  for (const lang of LANGS)
    test(`has no axe violation, as a mail client shows it (${lang})`, async () => {
      const page = await pageFor('lead', lang);
      const digest = await api<{ html: string }>(page, 'GET', '/api/me/digest');
      const mail = await page.context().newPage();
      try {
        await mail.setContent(digest.html);
        const results = await new AxeBuilder({ page: mail })
          .withTags(TAGS)
          .disableRules(Object.keys(NOT_CHECKED))
          .analyze();
        expect(describeViolations(results.violations), `digest e-mail (${lang})`).toBe('');
      } finally {
        await mail.close();
      }
    }, 120_000);
});
