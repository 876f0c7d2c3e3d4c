/**
 * A hospital data-access request in a real browser: the lead names two of the seven hospitals,
 * the form refuses a social security number in the cohort criteria before anything is sent,
 * the request then goes to each hospital's data office, and Bicêtre-Sud's office sees its own
 * share in its queue, not Orge-Essonne's.
 */
import { describe, expect, test } from 'vitest';
import { signIn, useBrowserAndServer } from './helpers.ts';

const { freshPage } = useBrowserAndServer();
const DATA = 'Hospital data access: structured extract';
const BICETRE = 'Hôpital Universitaire de Bicêtre-Sud';
const ORGE = 'CHU Orge-Essonne';

describe('hospital data-access requests', () => {
  test('a lead files one for two hospitals; a NIR is refused; each data office sees only its own', async () => {
    const lead = await freshPage('en-GB');
    await signIn(lead, 'lead@demo.jalon');
    await lead.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Services' }).click();
    await lead.getByRole('link', { name: `Ask for a project: ${DATA}` }).click();
    await lead.getByRole('heading', { level: 1, name: DATA }).waitFor();

    await lead.getByLabel(BICETRE).check();
    await lead.getByLabel(ORGE).check();
    await lead
      .getByLabel(/Purpose of the processing/)
      .fill('Prevalence of CLDN18.2 positivity in gastric cancer.');
    await lead
      .getByLabel(/Cohort: inclusion and exclusion criteria/)
      .fill('Adults with gastric cancer, starting with 1 54 03 75 123 456 08');
    await lead.getByLabel(/Variables requested/).fill('Age band, stage, HER2 status, CLDN18.2 IHC score.');
    await lead.getByLabel(/Period covered: from/).fill('2019-01-01');
    await lead.getByLabel(/Period covered: to/).fill('2025-06-30');
    await lead.getByLabel(/Diagnoses/).check();
    await lead.getByLabel(/Legal basis/).selectOption({ label: 'Task in the public interest (art. 6.1.e)' });
    await lead
      .getByLabel(/Reference framework/)
      .selectOption({ label: 'MR-004: research not involving the human person' });
    await lead.getByLabel(/Data protection officer \(name\)/).fill('Nathalie Garnier');
    await lead.getByLabel(/Data protection officer \(email\)/).fill('dpo@claudiagnostics.example');
    await lead.getByLabel(/Data management plan \(link\)/).fill('https://dmp.opidor.fr/plans/50123');
    await lead.getByLabel(/I will not enter or upload any patient-level data/).check();
    await lead.getByRole('button', { name: 'Send the request' }).click();

    // Refused where it is, with the reason, and nothing sent.
    await lead.getByText(/looks like a French social security number \(NIR\)/).waitFor();
    expect(
      await lead.getByLabel(/Cohort: inclusion and exclusion criteria/).getAttribute('aria-invalid'),
    ).toBe('true');
    expect(lead.url()).toMatch(/\/services\//);

    await lead
      .getByLabel(/Cohort: inclusion and exclusion criteria/)
      .fill('Adults with a gastric adenocarcinoma diagnosed in the period.');
    await lead.getByRole('button', { name: 'Send the request' }).click();
    await lead.waitForURL(/\/projects\/[^/]+\/services/);
    await lead.getByText(`Reviewed by the data office of ${BICETRE}`).first().waitFor();
    await lead.getByText(`Reviewed by the data office of ${ORGE}`).first().waitFor();

    const office = await freshPage('en-GB');
    await signIn(office, 'claire.fontaine@demo.jalon');
    await office.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Services' }).click();
    await office.getByRole('link', { name: 'Requests to handle' }).click();
    const cards = office
      .locator('.request-card')
      .filter({ has: office.getByRole('heading', { name: DATA }) });
    await cards.first().waitFor();
    await office.getByText(`Reviewed by the data office of ${BICETRE}`).first().waitFor();
    expect(await office.getByText(`Reviewed by the data office of ${ORGE}`).count()).toBe(0);
  });
});
