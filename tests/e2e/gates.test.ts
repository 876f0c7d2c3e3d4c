/**
 * A stage gate in real browsers: the lead requests the review from the Gates tab, the cluster
 * manager sees it arrive live, signs a Go (a wrong password first: nothing is signed), and the
 * lead, who kept the project open, sees the project move to the next stage without reloading,
 * with the signed record (signer, time, meaning) in the gate history.
 */
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { frameworkStages, projects } from '../../server/db/schema/index.ts';
import { DEMO_PASSWORD } from '../../server/db/seed/demo.ts';
import { docName, setCriterionCheck } from '../../shared/doc/index.ts';
import { builtClientDir, launchBrowser } from '../support/browser.ts';
import { signedIn } from '../support/client.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { peer } from '../support/socket.ts';
import { signedInAs } from './helpers.ts';

const repoRoot = new URL('../..', import.meta.url).pathname;

let server: TestServer;
let browser: Browser;
let project: { id: string; stage: number; track: string };
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startTestServer({ clientDir: builtClientDir(repoRoot) });
  browser = await launchBrowser();
  const [row] = await server.deps.db
    .select()
    .from(projects)
    .where(eq(projects.title, 'VCT-201 — Claudin-18.2 CAR-T for advanced gastric cancer'));
  project = { id: row!.id, stage: row!.stage, track: row!.frameworkId };
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.close();
});

async function signedInPage(who: string): Promise<Page> {
  const { page, context } = await signedInAs(browser, server.url, who);
  contexts.push(context);
  return page;
}

async function stageName(index: number): Promise<string> {
  const stages = await server.deps.db
    .select()
    .from(frameworkStages)
    .where(eq(frameworkStages.frameworkId, project.track));
  return stages.find((s) => s.stageIndex === index)!.nameEn;
}

describe('a gate decided in the browser', () => {
  test('the lead requests, the manager signs a Go, the lead sees the stage advance live', async () => {
    const lead = await signedInPage('lead');
    await lead.goto(`/projects/${project.id}?tab=gates`);
    const gates = lead.getByRole('tabpanel', { name: 'Gates' });

    // Criteria are missing: the tab names them and the server would refuse.
    await gates.getByText('Still missing before the review can be requested:').waitFor();

    // The team checks every must-meet criterion with its evidence (over the live document).
    const catalogue = (await (await signedIn(server.url, 'lead@demo.jalon')).get('/api/frameworks')).body;
    const must: { id: string; key: string }[] = catalogue.frameworks
      .find((f: { id: string }) => f.id === project.track)
      .stages[project.stage].criteria.filter((c: { kind: string }) => c.kind === 'must');
    const writer = await peer(server.url, 'lead@demo.jalon', docName(project.id));
    for (const c of must)
      setCriterionCheck(writer.doc, c.id, { checked: true, evidence: `Report ${c.key}` }, 'lead');
    await writer.provider.whenSaved();
    writer.close();

    // The tab follows the document: nothing missing; the lead requests the review.
    await gates
      .getByText(`${must.length} of ${must.length} must-meet criteria checked with evidence`)
      .waitFor();
    await gates.getByRole('button', { name: 'Request the gate review' }).click();
    await gates.getByText('Review open').waitFor();
    expect(await gates.getByRole('button', { name: 'Review before signing' }).count()).toBe(0);

    // The manager opens the project's gates and signs.
    const manager = await signedInPage('manager');
    await manager.goto(`/projects/${project.id}?tab=gates`);
    const managerGates = manager.getByRole('tabpanel', { name: 'Gates' });
    await managerGates.getByText(/^Requested by Claire Dubois/).waitFor();

    // The manager reviews first: scores each should-meet criterion, recommends, gives reasons.
    await managerGates.getByText('Your recommendation', { exact: true }).click();
    const recommendation = managerGates.getByRole('form', { name: 'Your recommendation' });
    const scoreGroups = recommendation.getByRole('group');
    expect(await scoreGroups.count()).toBeGreaterThan(0);
    for (let i = 0; i < (await scoreGroups.count()); i++)
      await scoreGroups.nth(i).getByRole('radio', { name: /^4\b/ }).check();
    // No recommendation is made for the reviewer: submitting without choosing one is refused.
    expect(await recommendation.getByLabel('Recommendation').inputValue()).toBe('');
    await recommendation.getByRole('button', { name: 'Submit recommendation' }).click();
    await recommendation.getByText('Choose a recommendation: none is chosen for you.').waitFor();
    await recommendation.getByLabel('Recommendation').selectOption({ label: 'Go' });
    await recommendation.getByLabel('Rationale').fill('Tox package complete; CMC on track.');
    await recommendation.getByRole('button', { name: 'Submit recommendation' }).click();
    await recommendation.getByText('Your recommendation is recorded.').waitFor();
    // The lead sees the recommendation arrive without reloading.
    await gates.getByText('Tox package complete; CMC on track.').waitFor();

    const decide = managerGates.getByRole('form', { name: 'Record and sign the decision' });
    await decide.getByRole('radio', { name: /^Go\b/ }).check();
    await decide.getByLabel('Rationale').fill('Pivotal tox and CMC comparability data support moving on.');
    // Before signing, what it will do: the next stage.
    await decide.getByRole('button', { name: 'Review before signing' }).click();
    await decide
      .getByRole('region', { name: 'What signing will do' })
      .getByText(`Stage ${project.stage} — ${await stageName(project.stage)} → Stage ${project.stage + 1}`, {
        exact: false,
      })
      .waitFor();

    await managerGates.getByLabel('Your password').fill('not-my-password');
    await managerGates.getByRole('button', { name: 'Sign “Go”' }).click();
    await managerGates.getByText('That password is not correct: nothing was signed.').waitFor();
    expect(await lead.locator('.stepper [aria-current="step"]').textContent()).toContain(
      await stageName(project.stage),
    );

    await managerGates.getByLabel('Your password').fill(DEMO_PASSWORD);
    await managerGates.getByRole('button', { name: 'Sign “Go”' }).click();
    await managerGates.getByText(/^Signed by Hélène Marchand/).waitFor();

    // The lead never reloaded: the stage moved, and the signed record is in the history.
    const next = await stageName(project.stage + 1);
    await lead.locator('.stepper [aria-current="step"]', { hasText: next }).waitFor();
    await gates.getByText(/^Signed by Hélène Marchand/).waitFor();
    await gates.getByText('Meaning: “approved as gate decision”').waitFor();
    await gates.getByText('Request the gate review').waitFor();

    // The readiness radar now draws the profile frozen at this gate behind today's.
    await lead.getByRole('tab', { name: 'Readiness' }).click();
    await lead
      .getByRole('tabpanel', { name: 'Readiness' })
      .getByText(/^At Gate \d+ — .+ \(.+\)$/)
      .waitFor();

    // The activity feed tells it, and filters by person.
    await lead.getByRole('tab', { name: 'Activity' }).click();
    const activity = lead.getByRole('tabpanel', { name: 'Activity' });
    await activity
      .getByRole('listitem')
      .filter({ hasText: 'Hélène Marchand signed the gate decision: Go' })
      .waitFor();
    await activity
      .getByRole('listitem')
      .filter({ hasText: 'Claire Dubois requested the gate review' })
      .waitFor();
    await activity.getByLabel('Person').selectOption({ label: 'Hélène Marchand' });
    await activity.getByRole('listitem').filter({ hasText: 'moved the project from' }).waitFor();
    await expect
      .poll(() => activity.getByRole('listitem').filter({ hasText: 'Claire Dubois' }).count())
      .toBe(0);

    // The printable report carries the signed decision and the stage move.
    await lead.getByRole('link', { name: 'Printable report' }).click();
    const decisions = lead.getByRole('region', { name: 'Gate decisions' });
    await decisions.getByText(/^Signed by Hélène Marchand/).waitFor();
    const history = lead.getByRole('region', { name: 'Stage history' });
    await history
      .getByRole('row')
      .filter({ hasText: 'Gate decision: Go' })
      .filter({ hasText: next })
      .waitFor();

    // And the programme office checks that the audit trail holding all this is intact.
    await manager.goto('/admin/audit');
    const audit = manager.getByRole('region', { name: 'Audit trail' });
    await audit.getByRole('button', { name: 'Verify the audit trail' }).click();
    await audit.getByText(/^Intact: [\d,]+ entries verified\.$/).waitFor();
  });
});
