/**
 * Jalon read in French, as the lead reads it: a gate is a « passage », never a « jalon » (the
 * word for a milestone); counts agree with their number; the portfolio CSV opens in French
 * Excel (`;` and a decimal comma) and stays `,` in English; and the report's readiness radar
 * shows every dimension's name whole, at 1440 and at 390 px.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { projectRows, signIn, useBrowserAndServer } from './helpers.ts';

const { freshPage } = useBrowserAndServer();

/** The lead, signed in, with the interface in `language` (the switch in the header). */
async function leadIn(language: 'Français' | 'English', width = 1440): Promise<Page> {
  // The sign-in form is filled in English; the switch then turns the whole interface.
  const page = await freshPage('en-GB');
  await page.setViewportSize({ width, height: 900 });
  await signIn(page, 'lead@demo.jalon');
  await page.getByRole('heading', { level: 1, name: /^(Portfolio|Portefeuille)$/ }).waitFor();
  await page.getByRole('button', { name: language }).click();
  await page
    .getByRole('heading', { level: 1, name: language === 'Français' ? 'Portefeuille' : 'Portfolio' })
    .waitFor();
  return page;
}

/** Words that name a gate « jalon »: what the French interface used to say. */
const GATE_AS_JALON = /Prochain jalon|Critères? du jalon|Jalon \d|revue d[eu] jalon|décisions? de jalon/i;

describe('French', () => {
  test('the room and its gate screens call the gate « passage » and keep « jalon » for milestones', async () => {
    const page = await leadIn('Français');
    await projectRows(page).filter({ hasText: 'VCT-201' }).getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: /VCT-201/ }).waitFor();

    // The header's next gate, and the milestones tab still « Jalons ».
    await page.getByText('Prochain passage', { exact: true }).first().waitFor();
    await page.getByRole('tab', { name: /^Jalons/ }).waitFor();
    expect(await page.locator('body').textContent()).not.toMatch(GATE_AS_JALON);

    await page.getByRole('tab', { name: 'Critères du passage' }).click();
    await page
      .getByRole('heading', { name: /^Passage 3 — / })
      .first()
      .waitFor();
    expect(await page.locator('body').textContent()).not.toMatch(GATE_AS_JALON);
    if (process.env.SCREENSHOT_DIR)
      await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/criteria-fr.png` });

    await page.getByRole('tab', { name: 'Revues de passage' }).click();
    await page
      .getByRole('button', { name: 'Demander la revue de passage' })
      .or(page.getByText(/critères? obligatoires? sur/))
      .first()
      .waitFor();
    expect(await page.locator('body').textContent()).not.toMatch(GATE_AS_JALON);

    // The portfolio's cards say it too.
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Portefeuille' }).waitFor();
    expect(await page.locator('body').textContent()).not.toMatch(GATE_AS_JALON);
    await page.context().close();
  });

  test('a filtered portfolio of one project says « 1 projet », in both languages', async () => {
    const page = await leadIn('Français');
    await page.getByLabel('Rechercher par titre').fill('claudin gastric');
    await expect.poll(() => projectRows(page).count()).toBe(1);
    await page.getByText('1 projet sur 5', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('1 of 5 projects', { exact: true }).waitFor();
    await page.context().close();
  });

  test('the portfolio CSV: « ; » and a decimal comma in French, « , » and a point in English', async () => {
    for (const language of ['Français', 'English'] as const) {
      const page = await leadIn(language);
      const downloading = page.waitForEvent('download');
      await page
        .getByRole('link', { name: language === 'Français' ? 'Exporter en CSV' : 'Export CSV' })
        .click();
      const download = await downloading;
      const path = await download.path();
      const { readFile } = await import('node:fs/promises');
      const bytes = await readFile(path);
      // The byte-order mark that makes Excel read UTF-8 accents.
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
      const header = lines[0]!;
      if (language === 'Français') {
        expect(header.split(';').slice(0, 3)).toEqual(['Projet', 'Filière', 'Étape']);
        const average = header.split(';').indexOf('Maturité moyenne');
        expect(average).toBeGreaterThan(0);
        // Five projects, every one in as many columns as the header (titles here hold no « ; »).
        expect(lines.length).toBe(6);
        const averages = lines.slice(1).map((l) => l.split(';')[average]!);
        expect(averages.some((v) => /^\d,\d$/.test(v))).toBe(true);
        for (const v of averages) expect(v).toMatch(/^(\d(,\d)?)?$/);
      } else {
        expect(header.split(',').slice(0, 3)).toEqual(['Project', 'Track', 'Stage']);
        const average = header.split(',').indexOf('Average readiness');
        expect(average).toBeGreaterThan(0);
        expect(lines.length).toBe(6);
        const averages = lines.slice(1).map((l) => l.split(',')[average]!);
        expect(averages.some((v) => /^\d\.\d$/.test(v))).toBe(true);
      }
      await page.context().close();
    }
  });

  for (const width of [1440, 390])
    test(`the French readiness radars, in the report and the room, show every name whole at ${width} px`, async () => {
      const page = await leadIn('Français', width);
      const address = await projectRows(page)
        .filter({ hasText: 'VCT-201' })
        .getByRole('link')
        .getAttribute('href');
      await page.goto(`${address}/report`);
      const radar = page.locator('svg.profile-radar').first();
      expect(await labelsOutside(radar)).toEqual([]);
      if (process.env.SCREENSHOT_DIR)
        await radar.screenshot({ path: `${process.env.SCREENSHOT_DIR}/report-radar-fr-${width}.png` });

      await page.goto(address!);
      await page.getByRole('tab', { name: 'Maturité' }).click();
      const compact = page.locator('svg.profile-radar').first();
      expect(await labelsOutside(compact)).toEqual([]);
      if (process.env.SCREENSHOT_DIR)
        await compact.screenshot({ path: `${process.env.SCREENSHOT_DIR}/room-radar-fr-${width}.png` });
      await page.context().close();
    });
});

/** The dimension names drawn outside the radar's own box: cut wherever the box is (print, a clipping panel). */
async function labelsOutside(radar: Locator): Promise<string[]> {
  await radar.waitFor();
  await expect.poll(() => radar.locator('.profile-radar-label').count()).toBe(9);
  return radar.evaluate((svg) => {
    const box = svg.getBoundingClientRect();
    const out: string[] = [];
    for (const label of svg.querySelectorAll('.profile-radar-label')) {
      const r = label.getBoundingClientRect();
      if (
        r.left < box.left - 0.5 ||
        r.right > box.right + 0.5 ||
        r.top < box.top - 0.5 ||
        r.bottom > box.bottom + 0.5
      )
        out.push(label.textContent ?? '');
    }
    return out;
  });
}
