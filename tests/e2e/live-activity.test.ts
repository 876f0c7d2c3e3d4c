/**
 * What moves without a reload, in real browsers: the portfolio's "Updated …" and its order follow
 * the work done in a project's room (issue 25, point 3); a service request's status follows the
 * handling team's moves on the requester's open page, and a new request appears in the handling
 * team's open queue (point 5). Who does not see a request hearing nothing of it is asserted at
 * the socket level, in tests/integration/live-activity.test.ts.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { projectRows, signIn, useBrowserAndServer } from './helpers.ts';

const { freshPage } = useBrowserAndServer();
const SLOT = 'Cell-therapy platform: production slot';

/** The titles of the portfolio's rows, in the order shown. */
const rowTitles = (page: Page) =>
  projectRows(page)
    .getByRole('link')
    .evaluateAll((links) => links.map((a) => a.textContent ?? ''));

describe('live activity', () => {
  test('a milestone edited in a room makes its project "Updated just now", first in the portfolio', async () => {
    const lead = await freshPage('en-GB');
    await signIn(lead, 'lead@demo.jalon');
    await lead.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
    await expect.poll(async () => (await rowTitles(lead)).length).toBeGreaterThan(1);
    // The project worked on least recently: last in the portfolio, and not updated just now.
    const before = await rowTitles(lead);
    const title = before.at(-1)!;
    const row = () => projectRows(lead).filter({ has: lead.getByRole('link', { name: title, exact: true }) });
    expect(await row().getByText('Updated just now').count()).toBe(0);

    await row().getByRole('link', { name: title, exact: true }).click();
    await lead.getByRole('heading', { level: 1, name: title }).waitFor();
    const card = lead.locator('.board-column .ms-card-title').first();
    await card.click();
    const panel = lead.getByRole('complementary', { name: /^Milestone:/ });
    const status = panel.getByLabel('Status', { exact: true });
    const now = await status.inputValue();
    await status.selectOption(now === 'blocked' ? 'in_progress' : 'blocked');
    await expect.poll(() => lead.locator('.room-head .save-text').textContent()).toBe('Saved');

    await lead.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Portfolio' }).click();
    await lead.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
    await expect.poll(async () => (await rowTitles(lead))[0]).toBe(title);
    await row().getByText('Updated just now').waitFor();
    await lead.context().close();
  });

  test('the requester sees the handler’s move live, and the handler’s queue gets the new request live', async () => {
    const handler = await freshPage('en-GB');
    await signIn(handler, 'platform@demo.jalon');
    await handler.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await handler.goto('/services/queue');
    await handler.getByRole('heading', { level: 1, name: 'Requests to handle' }).waitFor();
    const product = `Live queue check ${Date.now()}`;
    const queued = () => handler.locator('.request-card').filter({ hasText: product });
    expect(await queued().count()).toBe(0);

    // The lead asks for a slot while the handler's queue stays open.
    const lead = await freshPage('en-GB');
    await signIn(lead, 'lead@demo.jalon');
    await lead.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
    await lead.goto('/services');
    await lead.getByRole('link', { name: `Ask for a project: ${SLOT}` }).click();
    await lead.getByRole('heading', { level: 1, name: SLOT }).waitFor();
    const vct201 = await lead
      .locator('#request-project option', { hasText: 'VCT-201' })
      .getAttribute('value');
    await lead.getByLabel('For the project').selectOption(vct201!);
    await lead.getByLabel(/Product \(construct, cell type\)/).fill(product);
    await lead.getByLabel(/Purpose of the lots/).selectOption({ label: 'Engineering run' });
    await lead.getByLabel(/Number of batches/).fill('1');
    await lead.getByLabel(/Wished start date/).fill('2027-02-01');
    await lead.getByRole('button', { name: 'Send the request' }).click();
    await lead.waitForURL(new RegExp(`/projects/${vct201}/services`));
    const mine = lead.locator('.request-card').filter({ hasText: product });
    await mine.getByText('Submitted', { exact: true }).waitFor();

    // It appears in the handler's open queue, without a reload.
    await queued().getByText('Submitted', { exact: true }).waitFor();

    // The handler moves it on; the lead's open page follows, without a reload.
    await queued().getByRole('button', { name: 'Apply' }).click();
    await queued().getByText('In review', { exact: true }).waitFor();
    await mine.getByText('In review', { exact: true }).waitFor();
    expect(await mine.getByText('Submitted', { exact: true }).count()).toBe(0);
    await lead.context().close();
    await handler.context().close();
  });
});
