/**
 * One door to the campus, in real browsers: a start-up lead asks the cell-therapy platform for
 * a production slot for VCT-201; a cluster manager, in another browser, accepts it and
 * schedules it; the milestone that tracks it appears on the lead's open timeline, then moves
 * to its scheduled date, without a reload.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { signIn, useBrowserAndServer } from './helpers.ts';

const { freshPage } = useBrowserAndServer();
const SLOT = 'Cell-therapy platform: production slot';

/** The manager's queue card of VCT-201's slot request (re-found after each change re-renders it). */
const slotCard = (page: Page) =>
  page
    .locator('.request-card')
    .filter({ has: page.getByRole('heading', { name: SLOT }) })
    .filter({ hasText: 'VCT-201' });

describe('services and platforms', () => {
  test('a lead asks for a platform slot; a manager accepts and schedules it; the milestone shows live', async () => {
    const lead = await freshPage('en-GB');
    await signIn(lead, 'lead@demo.jalon');
    await lead.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Services' }).click();
    await lead.getByRole('link', { name: `Ask for a project: ${SLOT}` }).click();
    await lead.getByRole('heading', { level: 1, name: SLOT }).waitFor();

    // The form is generated from the service's definition, and refuses what is missing.
    await lead.getByRole('button', { name: 'Send the request' }).click();
    await lead.getByText('4 fields need your attention.').waitFor();
    expect(await lead.getByLabel(/Product \(construct, cell type\)/).getAttribute('aria-invalid')).toBe(
      'true',
    );

    const vct201 = await lead
      .locator('#request-project option', { hasText: 'VCT-201' })
      .getAttribute('value');
    await lead.getByLabel('For the project').selectOption(vct201!);
    await lead.getByLabel(/Product \(construct, cell type\)/).fill('CLDN18.2 CAR-T, autologous');
    await lead.getByLabel(/Purpose of the lots/).selectOption({ label: 'Engineering run' });
    await lead.getByLabel(/Number of batches/).fill('2');
    await lead.getByLabel(/Wished start date/).fill('2027-01-11');
    await lead.getByRole('button', { name: 'Send the request' }).click();
    await lead.waitForURL(new RegExp(`/projects/${vct201}/services`));
    const mine = lead.locator('.request-card').filter({ has: lead.getByRole('heading', { name: SLOT }) });
    await mine.getByText('Submitted').waitFor();

    // The lead keeps the project's timeline open while the manager acts.
    await lead.goto(`/projects/${vct201}`);
    await lead.getByRole('button', { name: 'Timeline' }).click();
    const dated = lead.getByRole('list', { name: 'Milestones by due date' });
    await dated.waitFor();
    expect(await lead.getByRole('button', { name: SLOT }).count()).toBe(0);

    const manager = await freshPage('en-GB');
    await signIn(manager, 'manager@demo.jalon');
    await manager.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Services' }).click();
    await manager.getByRole('link', { name: 'Requests to handle' }).click();
    await manager.getByRole('heading', { name: 'Load of each service' }).waitFor();
    await slotCard(manager).getByRole('button', { name: 'Apply' }).click(); // → In review
    await slotCard(manager).getByText('In review', { exact: true }).waitFor();
    await slotCard(manager).getByLabel('Move to Accepted').check();
    expect(
      await slotCard(manager)
        .getByLabel(/Track it on the project timeline/)
        .isChecked(),
    ).toBe(true);
    await slotCard(manager).getByLabel('Comment (optional)').fill('Slot pencilled in for January.');
    await slotCard(manager).getByRole('button', { name: 'Apply' }).click();
    await slotCard(manager).getByText('Accepted', { exact: true }).waitFor();

    // Accepted: the milestone appears on the lead's timeline, not yet dated.
    await lead
      .getByRole('region', { name: /No due date/ })
      .getByRole('button', { name: SLOT })
      .waitFor();

    await slotCard(manager).getByLabel('Scheduled date').fill('2027-01-18');
    await slotCard(manager).getByRole('button', { name: 'Apply' }).click();
    await slotCard(manager)
      .getByText(/Scheduled for (18 Jan|Jan 18), 2027/)
      .waitFor();

    // Scheduled: it moves onto the dated timeline, due on the scheduled day.
    await dated.getByRole('button', { name: SLOT }).waitFor();
    await dated
      .getByRole('listitem')
      .filter({ hasText: SLOT })
      .getByText(/18 Jan|Jan 18/)
      .first()
      .waitFor();

    // The lead reads the manager's answer on the project's requests.
    await lead.goto(`/projects/${vct201}/services`);
    await mine.getByText('Scheduled', { exact: true }).waitFor();
    await mine.getByText('Slot pencilled in for January.').waitFor();
    await mine.getByRole('link', { name: 'See it on the timeline' }).waitFor();
  });
});
