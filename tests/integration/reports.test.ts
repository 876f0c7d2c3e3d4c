/**
 * Reports: the portfolio CSV holds exactly the projects its reader may see (and nothing of the
 * others), headed in their language, safely quoted; a project's report carries the signed gate
 * decisions and the stage history, and is refused to those who may not see the project.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/db/seed/demo.ts';
import { docName, setCriterionCheck } from '../../shared/doc/index.ts';
import { type ApiClient, signedIn } from '../support/client.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { peer } from '../support/socket.ts';

let server: TestServer;
const as: Record<string, ApiClient> = {};

beforeAll(async () => {
  server = await startTestServer();
  for (const who of ['manager', 'lead', 'partner', 'researcher'])
    as[who] = await signedIn(server.url, `${who}@demo.jalon`);
});
afterAll(() => server?.close());

/** RFC 4180, as a spreadsheet reads it: quoted cells, doubled quotes, CRLF rows. */
function parseCsv(text: string, separator = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (quoted && ch === '"') quoted = false;
    else if (quoted) cell += ch;
    else if (ch === '"') quoted = true;
    else if (ch === separator) {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

async function csvOf(who: string, query = '', separator = ',') {
  const reply = await fetch(`${server.url}/api/reports/portfolio.csv${query}`, {
    headers: { cookie: as[who]!.cookie },
  });
  expect(reply.status).toBe(200);
  expect(reply.headers.get('content-type')).toContain('text/csv');
  expect(reply.headers.get('content-disposition')).toMatch(
    /attachment; filename="jalon-portfolio-\d{4}-\d{2}-\d{2}\.csv"/,
  );
  const bytes = new Uint8Array(await reply.arrayBuffer());
  // The byte-order mark that makes Excel read UTF-8.
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parseCsv(new TextDecoder().decode(bytes), separator);
}

describe('portfolio CSV', () => {
  it('holds exactly the projects each reader may see', async () => {
    const all = (await as.manager!.get('/api/projects')).body.projects.map((p: { title: string }) => p.title);
    for (const who of ['manager', 'lead', 'partner']) {
      const visible = (await as[who]!.get('/api/projects')).body.projects.map(
        (p: { title: string }) => p.title,
      );
      const [header, ...rows] = await csvOf(who);
      expect(header![0]).toBe('Project');
      expect(rows.map((r) => r[0]).sort()).toEqual([...visible].sort());
      // Nothing of a project they may not see, anywhere in the file.
      for (const title of all.filter((t: string) => !visible.includes(t)))
        expect(rows.flat().includes(title)).toBe(false);
    }
    expect((await csvOf('partner')).length - 1).toBeLessThan(all.length);
  });

  it('is headed in the reader’s language and carries readiness per dimension', async () => {
    // French Excel splits on ';' and reads '3,5' as a number; English stays ',' and '3.5'.
    const [header, ...rows] = await csvOf('lead', '?lang=fr', ';');
    expect(header!.slice(0, 3)).toEqual(['Projet', 'Filière', 'Étape']);
    expect(header).toContain('Dernière modification (UTC)');
    expect(header).toContain('Maturité moyenne');
    for (const row of rows) expect(row.length).toBe(header!.length);
    const average = header!.indexOf('Maturité moyenne');
    const averages = rows.map((r) => r[average]!).filter((v) => v !== '');
    expect(averages.length).toBeGreaterThan(0);
    for (const v of averages) expect(v).toMatch(/^\d(,\d)?$/);
    const [enHeader, ...enRows] = await csvOf('lead', '?lang=en');
    expect(enHeader).toContain('Overdue');
    const enAverage = enHeader!.indexOf('Average readiness');
    for (const row of enRows) expect(row[enAverage]).toMatch(/^(\d(\.\d)?)?$/);
  });

  it('gives times in the reader’s time zone, and says which', async () => {
    expect((await as.researcher!.patch('/api/me', { timeZone: 'Asia/Tokyo' })).status).toBe(200);
    const [header, ...rows] = await csvOf('researcher', '?lang=en');
    const column = header!.indexOf('Last change (Asia/Tokyo)');
    expect(column).toBeGreaterThan(0);
    const projects = (await as.researcher!.get('/api/projects')).body.projects as {
      title: string;
      updatedAt: string;
    }[];
    const first = projects.find((p) => p.title === rows[0]![0])!;
    // Tokyo is UTC+9 all year.
    const tokyo = new Date(Date.parse(first.updatedAt) + 9 * 3_600_000).toISOString();
    expect(rows[0]![column]).toBe(`${tokyo.slice(0, 10)} ${tokyo.slice(11, 16)}`);
  });

  it('quotes commas and quotes, and defuses cells a spreadsheet would run as formulas', async () => {
    const org = (await as.lead!.get('/api/me')).body.organisations[0].id;
    const title = '=HYPERLINK("http://evil.example","Claim, now")';
    expect(
      (await as.lead!.post('/api/projects', { title, track: 'therapeutics', leadOrganisationId: org }))
        .status,
    ).toBe(201);
    const rows = await csvOf('lead');
    const row = rows.find((r) => r[0]!.includes('HYPERLINK'));
    expect(row![0]).toBe(`'${title}`);
  });

  it('applies the portfolio’s own filters: words without accents, stage, lead kind', async () => {
    const [, ...byWords] = await csvOf('manager', '?q=CLAUDIN%20gastrique%20gastric');
    expect(byWords.map((r) => r[0])).toEqual([]);
    const [, ...claudin] = await csvOf('manager', '?q=claudin%20GASTRIC');
    expect(claudin.map((r) => r[0])).toEqual(['VCT-201 — Claudin-18.2 CAR-T for advanced gastric cancer']);
    const all = (await as.manager!.get('/api/projects')).body.projects;
    const startups = all.filter(
      (p: { leadOrganisation: { kind: string } }) => p.leadOrganisation.kind === 'startup',
    );
    const [, ...byKind] = await csvOf('manager', '?kind=startup&stage=3');
    expect(byKind.map((r) => r[0]).sort()).toEqual(
      startups
        .filter((p: { stage: number }) => p.stage === 3)
        .map((p: { title: string }) => p.title)
        .sort(),
    );
  });

  it('refuses a bad filter and an anonymous reader', async () => {
    expect((await as.lead!.get('/api/reports/portfolio.csv?lang=de')).status).toBe(400);
    const anonymous = await fetch(`${server.url}/api/reports/portfolio.csv`);
    expect(anonymous.status).toBe(401);
  });
});

describe('project report', () => {
  it('shows the signed decision, the stage history and readiness at the last gate', async () => {
    const project = (await as.lead!.get('/api/projects')).body.projects.find(
      (p: { stage: number; myRole: string; health: { total: number } }) =>
        p.stage < 5 && p.myRole === 'lead' && p.health.total > 0,
    );
    const before = (await as.lead!.get(`/api/projects/${project.id}/report`)).body;
    expect(before.gates).toEqual([]);
    expect(before.stageHistory).toHaveLength(1);
    expect(before.milestones.length).toBeGreaterThan(0);
    expect(before.readiness.length).toBeGreaterThan(0);
    expect(before.readinessAtLastGate).toBeNull();

    const fw = (await as.lead!.get('/api/frameworks')).body.frameworks.find(
      (f: { id: string }) => f.id === project.track,
    );
    const writer = await peer(server.url, 'lead@demo.jalon', docName(project.id));
    for (const c of fw.stages[project.stage].criteria.filter((x: { kind: string }) => x.kind === 'must'))
      setCriterionCheck(writer.doc, c.id, { checked: true, evidence: `Report ${c.key}` }, 'lead');
    await writer.provider.whenSaved();
    writer.close();
    const review = (await as.lead!.post(`/api/projects/${project.id}/gates`)).body;
    const decided = await as.manager!.post(`/api/projects/${project.id}/gates/${review.id}/decision`, {
      outcome: 'go',
      rationale: 'Ready.',
      password: DEMO_PASSWORD,
    });
    expect(decided.status).toBe(200);

    const report = (await as.partner!.get(`/api/projects/${project.id}/report`)).body;
    expect(report.project.stage).toBe(project.stage + 1);
    expect(report.stageHistory.map((s: { stage: number }) => s.stage)).toEqual([
      project.stage,
      project.stage + 1,
    ]);
    expect(report.gates[0].decision.signature).toMatchObject({
      signer: { name: 'Hélène Marchand' },
      meaning: 'approved as gate decision',
    });
    expect(Object.keys(report.readinessAtLastGate).sort()).toEqual(
      before.readiness.map((r: { dimension: string }) => r.dimension).sort(),
    );
  });

  it('is refused, as not found, to someone who may not see the project', async () => {
    const all = (await as.manager!.get('/api/projects')).body.projects;
    const mine = (await as.partner!.get('/api/projects')).body.projects.map((p: { id: string }) => p.id);
    const hidden = all.find((p: { id: string }) => !mine.includes(p.id));
    const reply = await as.partner!.get(`/api/projects/${hidden.id}/report`);
    expect(reply.status).toBe(404);
    expect((await as.partner!.get('/api/projects/nope/report')).status).toBe(404);
  });
});
