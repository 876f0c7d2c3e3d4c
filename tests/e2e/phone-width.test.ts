/**
 * Every screen fits a phone: at 390×844, in English and in French, nothing makes the page wider
 * than the screen (a page wider than the phone scrolls sideways, and what sticks out is cut off).
 * A failure names the elements that stick out, outermost first, so that it reads on its own.
 * And the project room puts its work, the first milestone, on the first screen.
 *
 * One server and one browser for the whole list; each person keeps one page per language.
 */

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { builtClientDir, launchBrowser } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { DEMO_PASSWORD } from './helpers.ts';

type Role = 'visitor' | 'manager' | 'lead' | 'researcher' | 'platform' | 'mentor';
type Lang = 'en' | 'fr';

interface Ids {
  project: string;
  organisationSlug: string;
  service: string;
  invitation: string;
  person: string;
}

interface Screen {
  name: string;
  role: Role;
  path: (ids: Ids) => string;
  /** visible once the screen shows what it is for, in either language */
  ready: (page: Page) => Locator;
}

const PHONE = { width: 390, height: 844 };
const h1 = (name: RegExp) => (page: Page) => page.getByRole('heading', { level: 1, name });
const tab = (name: string) => (ids: Ids) => `/projects/${ids.project}?tab=${name}`;
const tabPanelContent = (page: Page) => page.getByRole('tabpanel').locator('h2, h3, li, p').first();

const SCREENS: Screen[] = [
  { name: 'sign-in', role: 'visitor', path: () => '/sign-in', ready: h1(/^(Sign in|Connexion)/) },
  { name: 'sign-up', role: 'visitor', path: () => '/sign-up', ready: h1(/./) },
  { name: 'forgot password', role: 'visitor', path: () => '/forgot-password', ready: h1(/./) },
  {
    name: 'invitation',
    role: 'visitor',
    path: (ids) => ids.invitation,
    ready: h1(/(Join|Rejoindre) VCT-201/),
  },
  { name: 'portfolio', role: 'manager', path: () => '/', ready: h1(/^(Portfolio|Portefeuille)$/) },
  {
    name: 'project room, milestones',
    role: 'lead',
    path: (ids) => `/projects/${ids.project}`,
    ready: (page) => page.getByRole('tabpanel').getByText('Submit the clinical trial application'),
  },
  { name: 'project room, readiness', role: 'lead', path: tab('readiness'), ready: tabPanelContent },
  { name: 'project room, criteria', role: 'lead', path: tab('criteria'), ready: tabPanelContent },
  { name: 'project room, gates', role: 'lead', path: tab('gates'), ready: tabPanelContent },
  { name: 'project room, activity', role: 'lead', path: tab('activity'), ready: tabPanelContent },
  { name: 'project room, history', role: 'lead', path: tab('history'), ready: tabPanelContent },
  { name: 'project room, about', role: 'lead', path: tab('about'), ready: tabPanelContent },
  {
    name: 'project report',
    role: 'lead',
    path: (ids) => `/projects/${ids.project}/report`,
    ready: (page) => page.locator('main h1, main h2').first(),
  },
  {
    name: 'project services',
    role: 'lead',
    path: (ids) => `/projects/${ids.project}/services`,
    ready: h1(/./),
  },
  {
    name: 'project settings',
    role: 'lead',
    path: (ids) => `/projects/${ids.project}/settings`,
    ready: (page) => page.locator('.members-list li').first(),
  },
  {
    name: 'new project',
    role: 'manager',
    path: () => '/projects/new',
    ready: h1(/^(New project|Nouveau projet)$/),
  },
  { name: 'account', role: 'lead', path: () => '/account', ready: h1(/^(Your account|Votre compte)$/) },
  {
    name: 'notification preferences',
    role: 'lead',
    path: () => '/notifications/preferences',
    ready: h1(/./),
  },
  { name: 'notification digest', role: 'lead', path: () => '/notifications/digest', ready: h1(/./) },
  {
    name: 'directory',
    role: 'researcher',
    path: () => '/directory',
    ready: h1(/^(Who does what on the campus|Qui fait quoi sur le campus)$/),
  },
  {
    name: 'directory entry',
    role: 'researcher',
    path: (ids) => `/directory/${ids.organisationSlug}`,
    ready: h1(/^Gustave Roussy/),
  },
  { name: 'mentors', role: 'researcher', path: () => '/mentors', ready: h1(/./) },
  { name: 'mentor requests', role: 'mentor', path: () => '/mentors', ready: h1(/./) },
  {
    name: 'services catalogue',
    role: 'researcher',
    path: () => '/services',
    ready: h1(/^(Services and platforms|Services et plateformes)$/),
  },
  {
    name: 'service request form',
    role: 'lead',
    path: (ids) => `/services/${ids.service}/request`,
    ready: (page) => page.locator('main form').first(),
  },
  {
    name: 'service handler home (queue)',
    role: 'platform',
    path: () => '/',
    ready: h1(/^(Requests to handle|Demandes à traiter)$/),
  },
  {
    name: 'service queue, as a cluster manager',
    role: 'manager',
    path: () => '/services/queue',
    ready: h1(/^(Requests to handle|Demandes à traiter)$/),
  },
  { name: 'new service', role: 'manager', path: () => '/services/new', ready: h1(/./) },
  { name: 'admin', role: 'manager', path: () => '/admin', ready: h1(/./) },
  { name: 'admin people', role: 'manager', path: () => '/admin/people', ready: h1(/^(People|Personnes)$/) },
  {
    name: 'admin person',
    role: 'manager',
    path: (ids) => `/admin/people/${ids.person}`,
    ready: h1(/^Léa Fontaine$/),
  },
  {
    name: 'admin invitations',
    role: 'manager',
    path: () => '/admin/people/invitations',
    ready: h1(/^Invitations$/),
  },
  {
    name: 'admin organisations',
    role: 'manager',
    path: () => '/admin/organisations',
    ready: h1(/^Organisations$/),
  },
  {
    name: 'admin new organisation',
    role: 'manager',
    path: () => '/admin/organisations/new',
    ready: h1(/^(New organisation|Nouvelle organisation)$/),
  },
  { name: 'admin frameworks', role: 'manager', path: () => '/admin/frameworks', ready: h1(/./) },
  {
    name: 'admin framework track',
    role: 'manager',
    path: () => '/admin/frameworks/therapeutics',
    ready: h1(/./),
  },
  {
    name: 'admin single sign-on',
    role: 'manager',
    path: () => '/admin/sso',
    ready: (page) => page.getByRole('heading', { level: 2, name: /^(No single sign-on|Aucune connexion)/ }),
  },
  {
    name: 'admin new single sign-on connection',
    role: 'manager',
    path: () => '/admin/sso/new',
    ready: h1(/./),
  },
  { name: 'admin audit', role: 'manager', path: () => '/admin/audit', ready: h1(/./) },
  { name: 'admin services', role: 'manager', path: () => '/admin/services', ready: h1(/./) },
  { name: 'admin settings', role: 'manager', path: () => '/admin/settings', ready: h1(/./) },
  { name: 'not found', role: 'researcher', path: () => '/no-such-page', ready: h1(/./) },
];

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

/** One phone-sized page per person and language, signed in through the API in `lang`. */
async function pageFor(role: Role, lang: Lang): Promise<Page> {
  const key = `${role}:${lang}`;
  const existing = contexts.get(key)?.pages()[0];
  if (existing) return existing;
  const context = await browser.newContext({
    locale: lang === 'fr' ? 'fr-FR' : 'en-GB',
    baseURL: server.url,
    viewport: PHONE,
    hasTouch: true,
    isMobile: true,
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
    await api(page, 'PATCH', '/api/me', { locale: lang });
  }
  return page;
}

/**
 * The elements (and texts) whose box reaches past the right edge of the viewport, outermost first, each
 * with its own width: the first one named is where to look. Inside a sideways-scrolling box
 * (a table's wrapper, a tab row) nothing counts, since that box scrolls rather than the page.
 */
function whatSticksOut(viewportWidth: number) {
  const out: string[] = [];
  const scrolls = (el: Element) => {
    const x = getComputedStyle(el).overflowX;
    return x === 'auto' || x === 'scroll' || x === 'hidden' || x === 'clip';
  };
  const name = (el: Element) =>
    el.tagName.toLowerCase() +
    (el.id ? `#${el.id}` : '') +
    (typeof el.className === 'string' && el.className.trim()
      ? `.${el.className.trim().split(/\s+/).join('.')}`
      : '');
  const walk = (el: Element, path: string) => {
    const here = path ? `${path} > ${name(el)}` : name(el);
    const box = el.getBoundingClientRect();
    if (box.width > 0 && box.right > viewportWidth + 0.5 && getComputedStyle(el).position !== 'fixed')
      out.push(`${here} (right edge at ${Math.round(box.right)} px, ${Math.round(box.width)} px wide)`);
    if (el !== document.documentElement && el !== document.body && scrolls(el)) return;
    for (const child of Array.from(el.childNodes)) {
      if (child instanceof Element) walk(child, here);
      else if (child.nodeType === Node.TEXT_NODE && child.textContent?.trim()) {
        // Text that does not wrap (a long word, `nowrap`) overflows a box that keeps its width.
        const range = document.createRange();
        range.selectNodeContents(child);
        const right = range.getBoundingClientRect().right;
        if (right > viewportWidth + 0.5)
          out.push(
            `${here} > "${child.textContent.trim().slice(0, 40)}" (right edge at ${Math.round(right)} px)`,
          );
      }
    }
  };
  walk(document.body, '');
  return out.slice(0, 6);
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
    {
      email: 'phone-newcomer@example.org',
      role: 'contributor',
    },
  );
  const { services } = await api<{ services: { id: string; slug: string }[] }>(lead, 'GET', '/api/services');
  if (!services[0]) throw new Error('the demo has no service');
  const manager = await pageFor('manager', 'en');
  const people = await api<{ people: { id: string }[] }>(manager, 'GET', '/api/people?q=lea%20fontaine');
  if (!people.people[0]) throw new Error('the demo has no Léa Fontaine');
  ids = {
    project: project.id,
    organisationSlug: 'gustave-roussy',
    service: services[0].slug,
    invitation: new URL(invited.invitation.link).pathname,
    person: people.people[0].id,
  };
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

for (const lang of ['en', 'fr'] as const) {
  describe(`at 390 px in ${lang === 'en' ? 'English' : 'French'}`, () => {
    afterAll(async () => {
      for (const [key, context] of contexts)
        if (key.endsWith(`:${lang}`)) {
          await context.close();
          contexts.delete(key);
        }
    });
    test('the project room shows its first milestone on the first screen', async () => {
      const page = await pageFor('lead', lang);
      await page.goto(`/projects/${ids.project}`);
      const first = page.getByRole('tabpanel').locator('.ms-card').first();
      await first.waitFor();
      const box = await first.boundingBox();
      // the whole card, without scrolling: its title, its date and who holds it
      expect(box && Math.round(box.y + box.height)).toBeLessThanOrEqual(PHONE.height);
    });

    for (const screen of SCREENS) {
      test(`${screen.name}: nothing is wider than the phone`, async () => {
        const page = await pageFor(screen.role, lang);
        await page.goto(screen.path(ids));
        await screen.ready(page).waitFor();
        await page.locator('.page-loading, .skeleton').first().waitFor({ state: 'hidden' });
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        const tooWide =
          width <= PHONE.width
            ? ''
            : `${width} px wide; sticking out:\n  ${(await page.evaluate(whatSticksOut, PHONE.width)).join('\n  ')}`;
        expect(tooWide, `${screen.name} (${lang})`).toBe('');
      });
    }
  });
}
