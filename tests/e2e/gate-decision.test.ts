/**
 * Signing a gate decision chooses nothing for the signer: no outcome is checked when the form
 * opens, and going on without one is refused in plain words, nothing signed. Once chosen, the
 * signer reads what the decision will do (the stage change, the milestones its conditions
 * become, who signs and how) and signs with a button that names the outcome. In English at
 * 1440 px (a Conditional Go, whose two conditions are milestones afterwards) and in French at
 * 390 px (a Hold, which keeps the stage); screenshots of each step when A11Y_SHOTS is set.
 */
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { frameworkStages, gateDecisions } from '../../server/db/schema/index.ts';
import { DEMO_PASSWORD } from '../../server/db/seed/demo.ts';
import { builtClientDir, launchBrowser } from '../support/browser.ts';
import { signedIn } from '../support/client.ts';
import { type GateProject, meetMustCriteria } from '../support/gates.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const repoRoot = new URL('../..', import.meta.url).pathname;
const SHOTS = process.env.A11Y_SHOTS;

let server: TestServer;
let browser: Browser;
const open: (GateProject & { reviewId: string })[] = [];

beforeAll(async () => {
  server = await startTestServer({ clientDir: builtClientDir(repoRoot) });
  const lead = await signedIn(server.url, 'lead@demo.jalon');
  // Projects with a next stage to move to.
  const led = (await lead.get('/api/projects')).body.projects.filter((p: GateProject) => p.stage < 4);
  for (const project of led.slice(0, 2)) {
    await meetMustCriteria(server.url, lead, project);
    const requested = await lead.post(`/api/projects/${project.id}/gates`);
    expect(requested.status).toBe(201);
    open.push({ ...project, reviewId: requested.body.id });
  }
  expect(open).toHaveLength(2);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function managerAt(locale: string, width: number): Promise<Page> {
  const context = await browser.newContext({ locale, baseURL: server.url, viewport: { width, height: 900 } });
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  await page.goto('/sign-in');
  const french = locale.startsWith('fr');
  await page.getByLabel(french ? 'E-mail' : 'Email', { exact: true }).fill('manager@demo.jalon');
  await page.getByLabel(french ? 'Mot de passe' : 'Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByLabel(french ? 'Mot de passe' : 'Password', { exact: true }).press('Enter');
  await page.getByRole('heading', { level: 1, name: /^(Portfolio|Portefeuille)$/ }).waitFor();
  // The account remembers its last language: this test's is chosen here.
  await page.getByRole('button', { name: french ? 'Français' : 'English' }).click();
  return page;
}

async function stageNames(project: GateProject, index: number) {
  const [row] = await server.deps.db
    .select()
    .from(frameworkStages)
    .where(and(eq(frameworkStages.frameworkId, project.track), eq(frameworkStages.stageIndex, index)));
  return { en: row!.nameEn, fr: row!.nameFr };
}

async function decisions(reviewId: string) {
  return server.deps.db.select().from(gateDecisions).where(eq(gateDecisions.reviewId, reviewId));
}

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `gate-decision-${name}.png`), fullPage: true });
}

describe('the gate decision chooses nothing for its signer', () => {
  test('English, 1440 px: nothing preselected; a Conditional Go shows its stage change and milestones, then creates them', async () => {
    const project = open[0]!;
    const page = await managerAt('en-GB', 1440);
    await page.goto(`/projects/${project.id}?tab=gates`);
    const form = page
      .getByRole('tabpanel', { name: 'Gates' })
      .getByRole('form', { name: 'Record and sign the decision' });
    const outcomes = form.getByRole('group', { name: 'Outcome' }).getByRole('radio');
    await outcomes.first().waitFor();
    expect(await outcomes.count()).toBe(5);
    for (let i = 0; i < 5; i++) expect(await outcomes.nth(i).isChecked()).toBe(false);

    // Going on without an outcome is refused, in words, and nothing is signed.
    await form.getByLabel('Rationale').fill('Comparability closed; two points remain.');
    await form.getByRole('button', { name: 'Review before signing' }).click();
    await form
      .getByRole('alert')
      .getByText('Choose an outcome: none is chosen for you. Nothing was signed.')
      .waitFor();
    expect(await form.getByRole('region', { name: 'What signing will do' }).count()).toBe(0);
    expect(await form.getByLabel('Your password').count()).toBe(0);
    expect(await outcomes.first().evaluate((el) => el === document.activeElement)).toBe(true);
    await shot(page, 'no-outcome-en-1440');
    expect(await decisions(project.reviewId)).toEqual([]);

    // A Conditional Go with two conditions.
    await form.getByRole('radio', { name: /^Conditional Go\b/ }).check();
    await form.getByLabel('Condition 1', { exact: true }).fill('Close the vector lot release');
    await form.getByLabel('Due date of condition 1').fill('2027-03-12');
    await form.getByRole('button', { name: 'Add a condition' }).click();
    await form.getByLabel('Condition 2', { exact: true }).fill('File the scientific advice request');
    await form.getByRole('button', { name: 'Review before signing' }).click();

    const summary = form.getByRole('region', { name: 'What signing will do' });
    const from = await stageNames(project, project.stage);
    const to = await stageNames(project, project.stage + 1);
    await summary
      .getByText(`Stage ${project.stage} — ${from.en} → Stage ${project.stage + 1} — ${to.en}`)
      .waitFor();
    await summary
      .getByText(
        `These 2 milestones are created from the conditions, in Stage ${project.stage + 1} — ${to.en}, owned by Claire Dubois:`,
      )
      .waitFor();
    const milestones = summary.getByRole('listitem');
    const items = await milestones.allTextContents();
    expect(items).toHaveLength(2);
    // the date as the reader's locale writes it (12 Mar 2027, Mar 12, 2027)
    expect(items[0]).toMatch(/^Close the vector lot release — due (12 Mar 2027|Mar 12, 2027)$/);
    expect(items[1]).toBe('File the scientific advice request — no due date');
    await summary.getByText('Hélène Marchand, with your password').waitFor();
    await summary.getByText('Comparability closed; two points remain.').waitFor();
    await shot(page, 'summary-en-1440');

    // Signed by a button that names what it signs.
    await form.getByLabel('Your password').fill(DEMO_PASSWORD);
    await form.getByRole('button', { name: 'Sign “Conditional Go”' }).click();
    const gates = page.getByRole('tabpanel', { name: 'Gates' });
    await gates
      .getByText(/^Signed by Hélène Marchand/)
      .first()
      .waitFor();
    const [decision] = await decisions(project.reviewId);
    expect(decision).toMatchObject({
      outcome: 'conditional_go',
      stageBefore: project.stage,
      stageAfter: project.stage + 1,
    });
    await shot(page, 'signed-en-1440');

    // The two conditions are milestones of the project now, on its board.
    await page.goto(`/projects/${project.id}`);
    const planned = page.getByRole('region', { name: /^Planned/ });
    await planned.getByRole('button', { name: 'Close the vector lot release', exact: true }).waitFor();
    await planned.getByRole('button', { name: 'File the scientific advice request', exact: true }).waitFor();
    await page.context().close();
  });

  test('French, 390 px: a Hold keeps the stage, and the button names « En attente »', async () => {
    const project = open[1]!;
    const page = await managerAt('fr-FR', 390);
    await page.goto(`/projects/${project.id}?tab=gates`);
    const form = page.getByRole('form', { name: 'Enregistrer et signer la décision' });
    const outcomes = form.getByRole('group', { name: 'Issue' }).getByRole('radio');
    await outcomes.first().waitFor();
    for (let i = 0; i < 5; i++) expect(await outcomes.nth(i).isChecked()).toBe(false);
    await form.getByRole('button', { name: 'Vérifier avant de signer' }).click();
    await form
      .getByRole('alert')
      .getByText(
        'Choisissez l’issue de la revue de passage\u00a0: aucune n’est choisie à votre place. Rien n’a été signé.',
      )
      .waitFor();
    await shot(page, 'no-outcome-fr-390');

    await form.getByRole('radio', { name: /^En attente\b/ }).check();
    await form.getByLabel('Justification').fill('Attendre les données de la deuxième cohorte.');
    // a Hold parks the project until the date it is looked at again
    const reviewOn = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
    await form.getByLabel('Date de réexamen').fill(reviewOn);
    await form.getByRole('button', { name: 'Vérifier avant de signer' }).click();
    const summary = form.getByRole('region', { name: 'Ce que la signature va faire' });
    const here = await stageNames(project, project.stage);
    await summary
      .getByText(`Le projet reste à son étape\u00a0: Étape ${project.stage} — ${here.fr}.`)
      .waitFor();
    await summary.getByText('Aucun\u00a0: seul un Go sous conditions crée des jalons.').waitFor();
    await shot(page, 'summary-fr-390');

    // Back to change it keeps what was written; the summary follows the new choice.
    await form.getByRole('button', { name: 'Modifier la décision' }).click();
    expect(await form.getByLabel('Justification').inputValue()).toBe(
      'Attendre les données de la deuxième cohorte.',
    );
    expect(await form.getByRole('radio', { name: /^En attente\b/ }).isChecked()).toBe(true);
    await form.getByRole('button', { name: 'Vérifier avant de signer' }).click();

    await form.getByLabel('Votre mot de passe').fill(DEMO_PASSWORD);
    await form.getByRole('button', { name: 'Signer «\u00a0En attente\u00a0»' }).click();
    await page
      .getByText(/^Signée par Hélène Marchand/)
      .first()
      .waitFor();
    const [decision] = await decisions(project.reviewId);
    expect(decision).toMatchObject({
      outcome: 'hold',
      stageBefore: project.stage,
      stageAfter: project.stage,
      reviewDate: reviewOn,
    });
    await shot(page, 'signed-fr-390');
    await page.context().close();
  });
});
