import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, serviceRequestEvents, serviceRequests } from '../../server/db/schema/index.ts';
import { type ApiClient, signedIn } from '../support/client.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
const as: Record<string, ApiClient> = {};
let projectId: string;
let serviceId: string;

const who = {
  manager: 'manager@demo.jalon',
  lead: 'lead@demo.jalon',
  bicetre: 'claire.fontaine@demo.jalon',
  aurele: 'sophie.lambert@demo.jalon',
  marne: 'isabelle.roche@demo.jalon',
  dataAdvisor: 'hugo.bernard@demo.jalon',
};

const good = {
  hospitals: ['hopital-bicetre-sud', 'chu-orge-essonne'],
  purpose: 'Prevalence of CLDN18.2 positivity in gastric cancer, to size a validation study.',
  cohort_criteria: 'Adults with a gastric adenocarcinoma diagnosed in the period.',
  variables: 'Age band, sex, stage, HER2 status, CLDN18.2 IHC score.',
  period_from: '2019-01-01',
  period_to: '2025-06-30',
  data_categories: ['diagnoses', 'pathology'],
  legal_basis: 'public_interest',
  reference_framework: 'mr_004',
  dpo_name: 'Nathalie Garnier',
  dpo_email: 'dpo@claudiagnostics.example',
  dmp_link: 'https://dmp.opidor.fr/plans/50123',
  no_patient_data_in_jalon: true,
};

beforeAll(async () => {
  server = await startTestServer();
  for (const [key, email] of Object.entries(who)) as[key] = await signedIn(server.url, email);
  const projects = (await as.lead!.get('/api/projects')).body.projects as { id: string; title: string }[];
  projectId = projects[0]!.id;
  const catalogue = (await as.lead!.get('/api/services')).body.services;
  serviceId = catalogue.find((s: { slug: string }) => s.slug === 'hospital-data-access').id;
});
afterAll(() => server?.close());

const file = (answers: object) =>
  as.lead!.post(`/api/projects/${projectId}/service-requests`, { serviceId, answers });
const counts = async () => ({
  requests: (await server.deps.db.select({ n: count() }).from(serviceRequests))[0]!.n,
  events: (await server.deps.db.select({ n: count() }).from(serviceRequestEvents))[0]!.n,
  audit: (await server.deps.db.select({ n: count() }).from(auditEvents))[0]!.n,
});
type Row = { id: string; hospital: { slug: string } | null; filingId: string | null; status: string };
const queue = async (client: ApiClient) =>
  (await client.get('/api/service-queue?status=all')).body.requests as Row[];

describe('a data-access request', () => {
  let filed: Row[];

  it('is filed once per named hospital, each with its own state', async () => {
    const reply = await file(good);
    expect(reply.status).toBe(201);
    const rows = await server.deps.db
      .select()
      .from(serviceRequests)
      .where(eq(serviceRequests.dataFilingId, reply.body.filingId));
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.status === 'submitted')).toBe(true);
    const all = (await as.lead!.get(`/api/projects/${projectId}/service-requests`)).body.requests as Row[];
    filed = all.filter((r) => r.filingId === reply.body.filingId);
    expect(filed.map((r) => r.hospital?.slug).sort()).toEqual(['chu-orge-essonne', 'hopital-bicetre-sud']);
  });

  it('reaches the named hospital’s data office, and no other hospital’s', async () => {
    const bicetre = filed.find((r) => r.hospital?.slug === 'hopital-bicetre-sud')!;
    const orge = filed.find((r) => r.hospital?.slug === 'chu-orge-essonne')!;
    const mine = await queue(as.bicetre!);
    expect(mine.map((r) => r.id)).toContain(bicetre.id);
    expect(mine.map((r) => r.id)).not.toContain(orge.id);
    expect(mine.every((r) => r.hospital?.slug === 'hopital-bicetre-sud')).toBe(true);

    // Saint-Aurèle's office is named by none of them: it sees neither, not even by address.
    const other = await queue(as.aurele!);
    expect(other.map((r) => r.id)).not.toContain(bicetre.id);
    expect(other.map((r) => r.id)).not.toContain(orge.id);
    expect((await as.aurele!.get(`/api/service-requests/${bicetre.id}`)).status).toBe(404);
    expect(
      (await as.aurele!.patch(`/api/service-requests/${bicetre.id}`, { status: 'in_review' })).status,
    ).toBe(404);
    // The service's former general handler is no hospital's office either.
    expect((await queue(as.dataAdvisor!)).map((r) => r.id)).not.toContain(bicetre.id);
    // The manager sees both.
    expect((await queue(as.manager!)).map((r) => r.id)).toEqual(
      expect.arrayContaining([bicetre.id, orge.id]),
    );
  });

  it('is reviewed per hospital: one approves while the other has not started', async () => {
    const bicetre = filed.find((r) => r.hospital?.slug === 'hopital-bicetre-sud')!;
    const orge = filed.find((r) => r.hospital?.slug === 'chu-orge-essonne')!;
    expect(
      (await as.bicetre!.patch(`/api/service-requests/${bicetre.id}`, { status: 'in_review' })).status,
    ).toBe(200);
    const accepted = await as.bicetre!.patch(`/api/service-requests/${bicetre.id}`, {
      status: 'accepted',
      comment: 'Approved by our scientific and ethics committee.',
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('accepted');
    // Bicêtre's office cannot move Orge-Essonne's share.
    expect(
      (await as.bicetre!.patch(`/api/service-requests/${orge.id}`, { status: 'in_review' })).status,
    ).toBe(404);
    expect((await as.lead!.get(`/api/service-requests/${orge.id}`)).body.status).toBe('submitted');
  });

  it('refuses what a committee could not accept, naming each field, and writes nothing', async () => {
    const before = await counts();
    const cases: [object, string, RegExp][] = [
      [{ ...good, period_to: '2018-12-31' }, 'answers.period_to', /before the start/],
      [{ ...good, reference_framework: 'cnil_authorisation' }, 'answers.authorisation_number', /CNIL/],
      [{ ...good, dpo_email: 'nathalie at claudiagnostics' }, 'answers.dpo_email', /email/],
      [{ ...good, dmp_link: '' }, 'answers.dmp_text', /data management plan/],
      [{ ...good, hospitals: ['gustave-roussy'] }, 'answers.hospitals', /choices/],
      [{ ...good, hospitals: [] }, 'answers.hospitals', /at least one/],
    ];
    for (const [answers, path, message] of cases) {
      const reply = await file(answers);
      expect(reply.status, path).toBe(400);
      const issue = reply.body.error.issues.find((i: { path: string }) => i.path === path);
      expect(issue?.message, path).toMatch(message);
    }
    expect(await counts()).toEqual(before);
  });
});

describe('no patient-level data in Jalon', () => {
  it('refuses a valid NIR, a birth date next to a name and an IPP in the free texts, saying where and why', async () => {
    const before = await counts();
    const nir = await file({
      ...good,
      cohort_criteria: 'Start with patient 1 54 03 75 123 456 08 then others',
    });
    expect(nir.status).toBe(400);
    expect(nir.body.error.message).toContain('cohort_criteria');
    const [issue] = nir.body.error.issues;
    expect(issue.path).toBe('answers.cohort_criteria');
    expect(issue.message).toContain(
      'Cohort: inclusion and exclusion criteria: looks like a French social security number (NIR)',
    );
    expect(issue.message).toContain('ressemble à un numéro de sécurité sociale (NIR)');

    const birth = await file({ ...good, variables: 'as for Jean Dupont, né le 12/03/1954' });
    expect(birth.body.error.issues[0]).toMatchObject({
      path: 'answers.variables',
      message: expect.stringContaining('date of birth next to a name'),
    });
    const ipp = await file({ ...good, purpose: 'Check the record IPP 123456789 first' });
    expect(ipp.body.error.issues[0]).toMatchObject({
      path: 'answers.purpose',
      message: expect.stringContaining('patient identifier (IPP / NIP)'),
    });
    expect(await counts()).toEqual(before);
  });

  it('lets ordinary numbers and dates through: a wrong key is not a NIR', async () => {
    const reply = await file({
      ...good,
      hospitals: ['hopital-saint-aurele'],
      cohort_criteria: 'Diagnosed between 01/01/2019 and 30/06/2025; lab batch 154037512345609.',
    });
    expect(reply.status).toBe(201);
  });

  it('refuses a comment carrying patient data, on any service request, and writes no event', async () => {
    const [row] = await queue(as.aurele!);
    const before = await counts();
    const reply = await as.aurele!.patch(`/api/service-requests/${row!.id}`, {
      comment: 'Found them: Mme Durand née le 01.02.1961',
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.issues[0]).toMatchObject({
      path: 'comment',
      message: expect.stringContaining('Comment: looks like a date of birth next to a name'),
    });
    expect(await counts()).toEqual(before);
  });
});
