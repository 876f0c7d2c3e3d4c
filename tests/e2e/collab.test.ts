/**
 * Collaboration in real browsers (Debian's Chromium) against the built client and a real
 * server with the demo cluster: comments on a milestone arrive live in the project room, a
 * team comment never reaches the pharma partner (neither on screen nor from the API), search
 * finds a milestone by an accented word typed without its accent, the portfolio follows a
 * change live, and the French portfolio has no English left. Fields are found by their labels.
 *
 * One browser context per demo account for the whole file: sign-in is limited to 10 a minute
 * per address, and this file signs in five people in the browser and one over the API.
 */
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { en } from '../../client/i18n/en.ts';
import { fr } from '../../client/i18n/fr.ts';
import { milestones, projects } from '../../server/db/schema/index.ts';
import { createMilestone, docName } from '../../shared/doc/index.ts';
import type { Comment } from '../../shared/schemas/comments.ts';
import { builtClientDir, launchBrowser } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { peer } from '../support/socket.ts';
import { signedInAs } from './helpers.ts';

const repoRoot = new URL('../..', import.meta.url).pathname;

let server: TestServer;
let browser: Browser;
let projectId: string;
let milestoneId: string;
const contexts: BrowserContext[] = [];
const pages = new Map<string, Page>();

beforeAll(async () => {
  server = await startTestServer({ clientDir: builtClientDir(repoRoot) });
  browser = await launchBrowser();
  const [vct201] = await server.deps.db
    .select()
    .from(projects)
    .where(eq(projects.title, 'VCT-201 — Claudin-18.2 CAR-T for advanced gastric cancer'));
  projectId = vct201!.id;
  const [vector] = await server.deps.db
    .select()
    .from(milestones)
    .where(eq(milestones.title, 'Release of the GMP lentiviral vector batch'));
  milestoneId = vector!.id;
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.close();
});

/** The signed-in page of a demo account (signed in once, through the form, in `locale`). */
async function pageOf(who: string, locale = 'en-GB'): Promise<Page> {
  const key = `${who} ${locale}`;
  const known = pages.get(key);
  if (known) return known;
  const { page, context } = await signedInAs(browser, server.url, who, locale);
  contexts.push(context);
  pages.set(key, page);
  return page;
}

/** Opens the project room with the vector-batch milestone's panel, and returns its comments. */
async function openMilestoneComments(page: Page) {
  await page.goto(`/projects/${projectId}?m=${milestoneId}`);
  const comments = page.getByRole('region', { name: /^(Comments|Commentaires)$/ });
  await comments.and(page.locator('[aria-busy="false"]')).waitFor();
  return comments;
}

describe('comments on a milestone', () => {
  test('the mentor comments for the team with an @mention; the lead sees it live; the partner never does', async () => {
    const lead = await pageOf('lead');
    const partner = await pageOf('partner');
    const mentor = await pageOf('mentor');
    const leadComments = await openMilestoneComments(lead);
    const partnerComments = await openMilestoneComments(partner);
    const mentorComments = await openMilestoneComments(mentor);

    // The observer reads partner comments only and has no composer.
    await partnerComments.getByText(/As an observer, you cannot comment/).waitFor();
    expect(await partnerComments.getByRole('textbox').count()).toBe(0);

    // The mentor writes, picks Karim from the @ list with the keyboard, keeps "Team", sends with Ctrl+Enter.
    const box = mentorComments.getByRole('textbox', { name: 'Your comment' });
    await box.click();
    await box.pressSequentially('GLP tox slot confirmed. @kar', { delay: 10 });
    const option = mentorComments.getByRole('option', { name: /Karim Benali/ });
    await option.waitFor();
    expect(await option.getAttribute('aria-selected')).toBe('true');
    await box.press('Enter');
    await box.pressSequentially('please check the vector titre.');
    expect(await box.inputValue()).toBe(
      'GLP tox slot confirmed. @Karim Benali please check the vector titre.',
    );
    expect(await mentorComments.getByRole('radio', { name: 'Team' }).isChecked()).toBe(true);
    const posted = mentor.waitForResponse(
      (r) => r.url().endsWith(`/api/projects/${projectId}/comments`) && r.request().method() === 'POST',
    );
    await box.press('Control+Enter');
    const team = (await (await posted).json()) as Comment;
    expect(team).toMatchObject({ visibility: 'team', mentions: [{ name: 'Karim Benali' }] });
    await mentorComments.getByText('please check the vector titre.').waitFor();
    expect(await box.inputValue()).toBe('');

    // Live in the lead's room, with the mention set apart and the visibility said.
    const thread = leadComments.getByRole('article', { name: 'Thread started by Dr. Sophie Laurent' });
    await thread.getByText('please check the vector titre.').waitFor();
    await thread.getByText('Team only').waitFor();

    // The lead shares an update with partners: it reaches the partner live…
    const leadBox = leadComments.getByRole('textbox', { name: 'Your comment' });
    await leadBox.fill('Partners: the GMP vector batch slips by two months.');
    await leadComments.getByRole('radio', { name: 'Partners too' }).check();
    await leadComments.getByText(/Also shown to the project’s observers/).waitFor();
    await leadComments.getByRole('button', { name: 'Comment', exact: true }).click();
    await partnerComments.getByText('Partners: the GMP vector batch slips by two months.').waitFor();
    await partnerComments.getByText('Shared with partners').waitFor();
    // …after the team comment would have, had it been sent: it is not on the partner's screen…
    expect(await partnerComments.getByText('please check the vector titre.').count()).toBe(0);
    // …and the API does not give it to them either.
    const listed = await partner.evaluate(
      async ([p, m]) => {
        const res = await fetch(`/api/projects/${p}/comments?milestoneId=${m}`);
        return (await res.json()) as { comments: Comment[] };
      },
      [projectId, milestoneId],
    );
    expect(listed.comments.map((c) => c.visibility)).toEqual(['partners']);
    expect(listed.comments.map((c) => c.id)).not.toContain(team.id);
  });

  test('a reply and a resolve reach the other room live; the thread folds when resolved', async () => {
    const lead = await pageOf('lead');
    const mentor = await pageOf('mentor');
    const leadComments = await openMilestoneComments(lead);
    const mentorComments = await openMilestoneComments(mentor);
    const leadThread = leadComments.getByRole('article', { name: 'Thread started by Dr. Sophie Laurent' });

    await leadThread.getByRole('button', { name: 'Reply to Dr. Sophie Laurent' }).click();
    const reply = leadThread.getByRole('textbox', { name: 'Reply to Dr. Sophie Laurent' });
    await reply.fill('Titre checked: within specification.');
    await reply.press('Control+Enter');

    const mentorThread = mentorComments.getByRole('article', {
      name: 'Thread started by Dr. Sophie Laurent',
    });
    await mentorThread.getByText('Titre checked: within specification.').waitFor();
    await mentorThread.getByRole('button', { name: 'Resolve' }).click();
    await leadThread.getByText(/^Resolved by Dr\. Sophie Laurent/).waitFor();
    await leadThread.getByRole('button', { name: 'Reopen' }).waitFor();
    // Folded: the reply is one click away.
    await leadThread.getByText('Titre checked: within specification.').waitFor({ state: 'hidden' });
    await leadThread.getByRole('button', { name: '1 reply' }).click();
    await leadThread.getByText('Titre checked: within specification.').waitFor();
  });
});

describe('search and the live portfolio', () => {
  test('an overdue milestone added elsewhere shows on the open portfolio; search finds it by "securite"', async () => {
    const researcher = await pageOf('researcher');
    await researcher.goto('/');
    const health = researcher.getByRole('row').filter({ hasText: 'VCT-201' }).getByRole('cell');
    await health.getByText('1 overdue').waitFor();

    // The lead adds, through the project document, a milestone with an accented title, due yesterday.
    const lead = await peer(server.url, 'lead@demo.jalon', docName(projectId));
    const leadId = (await (
      await pageOf('lead')
    ).evaluate(async () => (await (await fetch('/api/me')).json()).user.id)) as string;
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const accentedId = createMilestone(
      lead.doc,
      { title: 'Étude de sécurité préclinique du vecteur', status: 'in_progress', stage: 3, due: yesterday },
      leadId,
    );
    await lead.provider.whenSaved();
    lead.close();

    // The researcher's portfolio follows without a reload.
    await health.getByText('2 overdue').waitFor();

    const search = researcher.getByRole('combobox', { name: 'Search projects and milestones' });
    await search.click();
    await search.pressSequentially('securite preclinique', { delay: 20 });
    const results = researcher.getByRole('listbox', { name: 'Search results' });
    const hit = results.getByRole('option', { name: /Étude de sécurité préclinique du vecteur/ });
    await hit.waitFor();
    expect(await hit.getAttribute('aria-selected')).toBe('true');
    expect(await hit.locator('mark').allTextContents()).toEqual(
      expect.arrayContaining(['sécurité', 'préclinique']),
    );
    await researcher
      .getByRole('status')
      .getByText(/^\d+ results?$/)
      .waitFor();
    await search.press('Enter');
    await researcher.waitForURL((url) => url.pathname === `/projects/${projectId}`);
    expect(new URL(researcher.url()).searchParams.get('m')).toBe(accentedId);

    // Nothing for words nobody may see.
    await researcher.goto('/');
    await search.fill('zyxwvu');
    // (first: the message on screen; the same words are also in the live region for screen readers)
    await researcher
      .getByText('Nothing you can see matches “zyxwvu”. Try fewer or shorter words.')
      .first()
      .waitFor();
  });
});

/** Every English string of the dictionaries that French says differently, as matchers. */
function englishMatchers(): RegExp[] {
  const matchers: RegExp[] = [];
  const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const walk = (e: unknown, f: unknown) => {
    if (typeof e === 'string') {
      // "English" is also the language switch's own label for English, on every page.
      if (e !== f && e.trim().length > 1 && e !== en.meta.languageName)
        matchers.push(new RegExp(`^${literal(e.trim())}$`));
    } else if (typeof e === 'function' && typeof f === 'function') {
      const args = Array.from({ length: e.length }, (_, i) => `⟦${i}⟧`);
      const english = (e as (...a: unknown[]) => string)(...args);
      if (english === (f as (...a: unknown[]) => string)(...args)) return;
      const fixed = english.split(/⟦\d+⟧/);
      if (fixed.join('').replace(/[\s\p{P}]/gu, '').length < 4) return;
      matchers.push(new RegExp(`^${fixed.map((s) => literal(s)).join('.+?')}$`, 's'));
    } else if (e && typeof e === 'object') {
      for (const key of Object.keys(e)) walk((e as never)[key], (f as never)?.[key]);
    }
  };
  // Each language's name is written in that language on purpose (the language switch).
  const { meta: _ownNames, ...rest } = en;
  walk(rest, fr);
  return matchers;
}

/** The text a person meets in `root`: visible text nodes, labels, placeholders, tooltips. */
function visibleTexts(root: Locator): Promise<string[]> {
  return root.evaluate((rootEl) => {
    const texts: string[] = rootEl === document.body ? [document.title] : [];
    const walker = document.createTreeWalker(rootEl, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = n.textContent?.trim();
      if (el && text && el.checkVisibility({ visibilityProperty: true })) texts.push(text);
    }
    for (const el of rootEl.querySelectorAll<HTMLElement>('[aria-label], [placeholder], [title]')) {
      if (!el.checkVisibility()) continue;
      for (const attr of ['aria-label', 'placeholder', 'title']) {
        const v = el.getAttribute(attr)?.trim();
        if (v) texts.push(v);
      }
    }
    // Screen-reader text in the visible page counts too (visually hidden, not display: none).
    for (const el of rootEl.querySelectorAll<HTMLElement>('.visually-hidden')) {
      if (el.closest('[hidden]') || getComputedStyle(el).display === 'none') continue;
      const v = el.textContent?.trim();
      if (v) texts.push(v);
    }
    return texts;
  });
}

describe('French', () => {
  test('the French portfolio (table, overview, cards, search) has no English string left', async () => {
    const page = await pageOf('manager', 'fr-FR');
    await page.getByText('12 projets', { exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Projets par étape' }).waitFor();
    await page.getByRole('button', { name: /^3 · Préclinique réglementaire\s:\s3 projets$/ }).waitFor();
    await page.getByRole('columnheader', { name: 'Jalons' }).waitFor();
    const matchers = englishMatchers();
    expect(matchers.length).toBeGreaterThan(150);
    const english = (texts: string[]) => texts.filter((t) => matchers.some((m) => m.test(t)));

    expect(english(await visibleTexts(page.locator('body')))).toEqual([]);

    await page.getByRole('radio', { name: 'Cartes' }).check();
    await page.getByRole('list', { name: /Projets que vous pouvez voir/ }).waitFor();
    expect(english(await visibleTexts(page.locator('body')))).toEqual([]);

    const search = page.getByRole('combobox', { name: 'Rechercher des projets et des jalons' });
    await search.fill('claudin');
    await page.getByRole('listbox', { name: 'Résultats de recherche' }).getByRole('option').first().waitFor();
    expect(english(await visibleTexts(page.locator('body')))).toEqual([]);

    // The check can fail: the same page in English is full of matches.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Projects by stage' }).waitFor();
    expect(english(await visibleTexts(page.locator('body'))).length).toBeGreaterThan(10);
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('radio', { name: 'Tableau' }).check();
  });

  test('the comments of a milestone, in French, have no English string left', async () => {
    const page = await pageOf('manager', 'fr-FR');
    const comments = await openMilestoneComments(page);
    await comments.getByRole('textbox', { name: 'Votre commentaire' }).waitFor();
    await comments.getByText('Équipe uniquement').first().waitFor();
    await comments.getByText(/^Résolu par Dr\. Sophie Laurent/).waitFor();
    const matchers = englishMatchers();
    const english = (texts: string[]) => texts.filter((t) => matchers.some((m) => m.test(t)));
    expect(english(await visibleTexts(comments))).toEqual([]);
    await comments.getByRole('radio', { name: 'Partenaires aussi' }).check();
    const box = comments.getByRole('textbox', { name: 'Votre commentaire' });
    await box.pressSequentially('@ka');
    await comments.getByRole('listbox', { name: 'Membres du projet à mentionner' }).waitFor();
    expect(english(await visibleTexts(comments))).toEqual([]);
  });
});
