import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, notifications, serviceRequests } from '../../server/db/schema/index.ts';
import { docName, readProjectDoc } from '../../shared/doc/index.ts';
import { type ApiClient, signedIn } from '../support/client.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { peer, until } from '../support/socket.ts';

let server: TestServer;
const as: Record<string, ApiClient> = {};
let projectId: string;
let slot: { id: string; form: { key: string; required: boolean }[] };
let dataAccess: { id: string };

const who = {
  manager: 'manager@demo.jalon',
  lead: 'lead@demo.jalon',
  researcher: 'researcher@demo.jalon',
  mentor: 'mentor@demo.jalon',
  partner: 'partner@demo.jalon',
  platform: 'platform@demo.jalon',
  outsider: 'julien.moreau@demo.jalon',
};

const goodSlot = {
  product: 'CLDN18.2 CAR-T, autologous',
  lot_purpose: 'engineering_run',
  batches: 2,
  wished_date: '2027-01-18',
};

beforeAll(async () => {
  server = await startTestServer();
  for (const [key, email] of Object.entries(who)) as[key] = await signedIn(server.url, email);
  const projects = (await as.lead!.get('/api/projects')).body.projects as { id: string; title: string }[];
  projectId =
    projects.find((p) => p.title.includes('CLDN18') && !p.title.includes('companion'))?.id ?? projects[0]!.id;
  const catalogue = (await as.partner!.get('/api/services')).body.services;
  slot = catalogue.find((s: { slug: string }) => s.slug === 'cell-therapy-production-slot');
  dataAccess = catalogue.find((s: { slug: string }) => s.slug === 'hospital-data-access');
});
afterAll(() => server?.close());

const requestCount = async () => (await server.deps.db.select({ n: count() }).from(serviceRequests))[0]!.n;

describe('the services catalogue', () => {
  it('lists every offer to anyone signed in, in both languages, each with its request form', async () => {
    const reply = await as.partner!.get('/api/services');
    expect(reply.status).toBe(200);
    const kinds = new Set(reply.body.services.map((s: { kind: string }) => s.kind));
    expect([...kinds].sort()).toEqual([
      'data',
      'expertise',
      'funding',
      'platform',
      'real_estate',
      'regulatory',
    ]);
    expect(slot).toMatchObject({
      name: {
        en: 'Cell-therapy platform: production slot',
        fr: expect.stringContaining('thérapie cellulaire'),
      },
      canHandle: false,
    });
    expect(slot.form.filter((f) => f.required).map((f) => f.key)).toEqual([
      'product',
      'lot_purpose',
      'batches',
      'wished_date',
    ]);
    const data = reply.body.services.find((s: { slug: string }) => s.slug === 'hospital-data-access');
    expect(data.description.en).toMatch(/no patient-level data/);
    expect(data.form.map((f: { key: string }) => f.key)).toEqual(
      expect.arrayContaining(['purpose', 'data_categories', 'legal_basis', 'ethics_reference']),
    );
    expect(
      (await as.platform!.get('/api/services?kind=platform')).body.services.every(
        (s: { canHandle: boolean }) => s.canHandle,
      ),
    ).toBe(true);
    expect(
      (await new (as.lead!.constructor as typeof ApiClient)(server.url).get('/api/services')).status,
    ).toBe(401);
  });

  it('is managed by cluster managers only, with a form that must itself be valid', async () => {
    const offer = {
      slug: 'flow-cytometry-hours',
      kind: 'platform',
      name: { en: 'Flow cytometry hours', fr: 'Heures de cytométrie en flux' },
      description: { en: 'Sorter time.', fr: 'Temps de trieur.' },
      audience: { en: 'Any project.', fr: 'Tout projet.' },
      form: [{ key: 'hours', type: 'number', label: { en: 'Hours', fr: 'Heures' }, required: true, min: 1 }],
      handlerIds: [],
      handlingOrganisationId: null,
    };
    const platformId = (await as.platform!.get('/api/me')).body.user.id;
    expect((await as.lead!.post('/api/services', { ...offer, handlerIds: [platformId] })).status).toBe(403);
    const noTeam = await as.manager!.post('/api/services', offer);
    expect(noTeam.status).toBe(400);
    expect(noTeam.body.error.issues[0].path).toBe('handlerIds');
    const badForm = await as.manager!.post('/api/services', {
      ...offer,
      form: [{ key: 'Site', type: 'select', label: { en: 'Site', fr: 'Site' }, required: true }],
    });
    expect(badForm.status).toBe(400);
    const created = await as.manager!.post('/api/services', { ...offer, handlerIds: [platformId] });
    expect(created.status).toBe(201);
    expect(created.body.handlers).toEqual([{ id: platformId, name: 'Julie Garnier' }]);
    const renamed = await as.manager!.patch(`/api/services/${created.body.id}`, {
      name: { en: 'Cell sorting hours', fr: 'Heures de tri cellulaire' },
    });
    expect(renamed.body.name.en).toBe('Cell sorting hours');
  });
});

describe('requests through the API, by role', () => {
  let requestId: string;

  it('refuses observers, mentors and non-members, and files for the lead and contributors', async () => {
    const body = { serviceId: slot.id, answers: goodSlot };
    const before = await requestCount();
    expect((await as.partner!.post(`/api/projects/${projectId}/service-requests`, body)).status).toBe(403);
    expect((await as.mentor!.post(`/api/projects/${projectId}/service-requests`, body)).status).toBe(403);
    expect((await as.outsider!.post(`/api/projects/${projectId}/service-requests`, body)).status).toBe(404);
    expect((await as.manager!.post(`/api/projects/${projectId}/service-requests`, body)).status).toBe(403);
    expect(await requestCount()).toBe(before);

    const filed = await as.lead!.post(`/api/projects/${projectId}/service-requests`, body);
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({
      status: 'submitted',
      requester: { name: 'Claire Dubois' },
      answers: goodSlot,
      service: { slug: 'cell-therapy-production-slot' },
      canHandle: false,
      canComment: true,
    });
    expect(filed.body.link).toBe(`${server.url}/projects/${projectId}/services#request-${filed.body.id}`);
    requestId = filed.body.id;
    expect((await as.researcher!.post(`/api/projects/${projectId}/service-requests`, body)).status).toBe(201);
  });

  it('shows the project’s requests to an observer, who may not comment on them', async () => {
    const list = await as.partner!.get(`/api/projects/${projectId}/service-requests`);
    expect(list.status).toBe(200);
    expect(list.body.requests.map((r: { id: string }) => r.id)).toContain(requestId);
    const mine = list.body.requests.find((r: { id: string }) => r.id === requestId);
    expect(mine).toMatchObject({ canComment: false, canHandle: false });
    expect(
      (await as.partner!.patch(`/api/service-requests/${requestId}`, { comment: 'Looks good' })).status,
    ).toBe(403);
    expect((await as.outsider!.get(`/api/projects/${projectId}/service-requests`)).status).toBe(404);
    expect((await as.outsider!.get(`/api/service-requests/${requestId}`)).status).toBe(404);
  });

  it('refuses answers that do not fit the form, naming every field, and saves nothing', async () => {
    const before = await requestCount();
    const missing = await as.lead!.post(`/api/projects/${projectId}/service-requests`, {
      serviceId: slot.id,
      answers: { product: 'CAR-T' },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('invalid_input');
    expect(missing.body.error.message).toMatch(/lot_purpose, batches, wished_date/);
    expect(missing.body.error.issues.map((i: { path: string }) => i.path)).toEqual([
      'answers.lot_purpose',
      'answers.batches',
      'answers.wished_date',
    ]);

    const wrong = await as.lead!.post(`/api/projects/${projectId}/service-requests`, {
      serviceId: slot.id,
      answers: {
        ...goodSlot,
        batches: 40,
        lot_purpose: 'commercial',
        wished_date: 'next week',
        colour: 'blue',
      },
    });
    expect(wrong.status).toBe(400);
    const paths = wrong.body.error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining(['answers.batches', 'answers.lot_purpose', 'answers.wished_date']),
    );
    expect(wrong.body.error.issues.find((i: { path: string }) => i.path === 'answers.batches').message).toBe(
      'must be at most 12',
    );
    expect(wrong.body.error.issues).toContainEqual({
      path: 'answers.colour',
      message: 'is not a field of this form',
    });

    const noStatement = await as.lead!.post(`/api/projects/${projectId}/service-requests`, {
      serviceId: dataAccess.id,
      answers: {
        hospitals: ['chu-orge-essonne'],
        purpose: 'Prevalence study',
        cohort_criteria: 'Adults with a gastric cancer diagnosed in the period',
        variables: 'Stage, HER2 status',
        period_from: '2020-01-01',
        period_to: '2024-12-31',
        data_categories: ['diagnoses'],
        legal_basis: 'public_interest',
        reference_framework: 'mr_004',
        ethics_reference: 'CE-2026-201',
        dpo_name: 'Nathalie Garnier',
        dpo_email: 'dpo@claudiagnostics.example',
        dmp_text: 'Processed in the hospital’s secure workspace.',
        no_patient_data_in_jalon: false,
      },
    });
    expect(noStatement.status).toBe(400);
    expect(noStatement.body.error.issues).toEqual([
      { path: 'answers.no_patient_data_in_jalon', message: 'must be confirmed' },
    ]);
    expect(await requestCount()).toBe(before);
  });

  it('lets only the handling team and managers move a request, along the state machine only', async () => {
    const patch = (client: ApiClient, body: object) =>
      client.patch(`/api/service-requests/${requestId}`, body);
    expect((await patch(as.lead!, { status: 'in_review' })).status).toBe(403);
    expect((await patch(as.mentor!, { status: 'in_review' })).status).toBe(403);
    expect((await patch(as.partner!, { status: 'in_review' })).status).toBe(403);

    const skip = await patch(as.platform!, { status: 'accepted' });
    expect(skip.status).toBe(409);
    expect(skip.body.error.message).toBe('A submitted request can move to in review, not to accepted');

    // The platform team handles it without being a member of the project.
    const review = await patch(as.platform!, {
      status: 'in_review',
      comment: 'We are checking vector supply.',
    });
    expect(review.status).toBe(200);
    expect(review.body).toMatchObject({ status: 'in_review', canHandle: true });
    expect((await patch(as.platform!, { status: 'delivered' })).status).toBe(409);
    expect((await patch(as.platform!, { status: 'scheduled' })).status).toBe(400);
    const row = (
      await server.deps.db.select().from(serviceRequests).where(eq(serviceRequests.id, requestId))
    )[0]!;
    expect(row.status).toBe('in_review');

    // The handling team reads the request, never the project behind it.
    const seen = await as.platform!.get(`/api/service-requests/${requestId}`);
    expect(seen.body).toMatchObject({ canHandle: true, canViewProject: false, canComment: true });
    expect((await as.platform!.get(`/api/projects/${projectId}/service-requests`)).status).toBe(404);

    const queue = await as.platform!.get('/api/service-queue');
    expect(queue.body.requests.map((r: { id: string }) => r.id)).toContain(requestId);
    expect((await as.partner!.get('/api/service-queue')).body.requests).toEqual([]);
  });

  it('tracks an accepted request by a milestone, live in the project document; scheduling dates it', async () => {
    const watcher = await peer(server.url, who.lead, docName(projectId));
    const accepted = await as.manager!.patch(`/api/service-requests/${requestId}`, {
      status: 'accepted',
      comment: 'Slot pencilled in for January.',
      milestone: { create: true },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.decidedAt).not.toBeNull();
    const milestoneId = accepted.body.milestoneId as string;
    expect(milestoneId).toBeTruthy();
    await until(watcher.doc, () => readProjectDoc(watcher.doc).milestones.some((m) => m.id === milestoneId));
    const created = readProjectDoc(watcher.doc).milestones.find((m) => m.id === milestoneId)!;
    expect(created).toMatchObject({
      title: 'Cell-therapy platform: production slot',
      status: 'planned',
      dimension: 'manufacturing',
    });

    const scheduled = await as.manager!.patch(`/api/service-requests/${requestId}`, {
      status: 'scheduled',
      scheduledFor: '2027-01-18',
    });
    expect(scheduled.status).toBe(200);
    await until(
      watcher.doc,
      () => readProjectDoc(watcher.doc).milestones.find((m) => m.id === milestoneId)?.due === '2027-01-18',
    );
    const delivered = await as.platform!.patch(`/api/service-requests/${requestId}`, { status: 'delivered' });
    expect(delivered.body.deliveredAt).not.toBeNull();
    await until(
      watcher.doc,
      () => readProjectDoc(watcher.doc).milestones.find((m) => m.id === milestoneId)?.status === 'done',
    );
    watcher.close();
    expect(delivered.body.events.map((e: { to: string | null }) => e.to)).toEqual([
      'submitted',
      'in_review',
      'accepted',
      'scheduled',
      'delivered',
    ]);
    expect(
      (await as.platform!.patch(`/api/service-requests/${requestId}`, { status: 'in_review' })).status,
    ).toBe(409);
  });

  it('lets the project side link a milestone it chooses, and comment', async () => {
    const filed = await as.researcher!.post(`/api/projects/${projectId}/service-requests`, {
      serviceId: slot.id,
      answers: goodSlot,
    });
    const id = filed.body.id as string;
    const doc = await server.deps.documents.read(projectId);
    const existing = readProjectDoc(doc).milestones[0]!;
    doc.destroy();
    expect(
      (await as.lead!.patch(`/api/service-requests/${id}`, { milestone: { milestoneId: existing.id } }))
        .status,
    ).toBe(409);
    await as.manager!.patch(`/api/service-requests/${id}`, { status: 'in_review' });
    await as.manager!.patch(`/api/service-requests/${id}`, { status: 'accepted' });
    const options = (await as.lead!.get(`/api/projects/${projectId}/service-requests`)).body.milestones;
    expect(options).toContainEqual({ id: existing.id, title: existing.title });
    const unknown = await as.lead!.patch(`/api/service-requests/${id}`, {
      milestone: { milestoneId: 'nope' },
    });
    expect(unknown.status).toBe(400);
    const linked = await as.lead!.patch(`/api/service-requests/${id}`, {
      milestone: { milestoneId: existing.id },
      comment: 'This slot serves our process lock.',
    });
    expect(linked.status).toBe(200);
    expect(linked.body.milestoneId).toBe(existing.id);
    expect(linked.body.events.at(-1)).toMatchObject({
      to: null,
      comment: 'This slot serves our process lock.',
    });
  });

  it('audits every change and notifies the requester of each move', async () => {
    const audited = await server.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, 'service_request'), eq(auditEvents.entityId, requestId)));
    expect(audited.map((a) => `${a.action}:${a.field ?? ''}:${JSON.stringify(a.after)}`)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^create::/),
        'update:status:"in_review"',
        'update:status:"accepted"',
        'update:status:"scheduled"',
        'update:scheduled_for:"2027-01-18"',
        'update:status:"delivered"',
        expect.stringMatching(/^update:milestone_id:/),
      ]),
    );
    const leadId = (await as.lead!.get('/api/me')).body.user.id;
    const received = await server.deps.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, leadId), eq(notifications.subjectId, requestId)));
    expect(received.map((n) => n.type)).toEqual(Array(4).fill('service_request.changed'));
    expect(received.map((n) => (n.payload as { status?: string }).status).sort()).toEqual([
      'accepted',
      'delivered',
      'in_review',
      'scheduled',
    ]);
    const managerId = (await as.manager!.get('/api/me')).body.user.id;
    const filedNotice = await server.deps.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, managerId), eq(notifications.subjectId, requestId)));
    expect(filedNotice).toHaveLength(1);
    // The platform's team handles the slot without being on the project: it hears of the
    // filing all the same, pointed at its queue, and none of the project side's news.
    const platformId = (await as.platform!.get('/api/me')).body.user.id;
    const handlerNotices = await server.deps.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, platformId), eq(notifications.subjectId, requestId)));
    expect(handlerNotices).toHaveLength(1);
    expect(handlerNotices[0]!.payload).toMatchObject({ queue: true });
    expect((await as.platform!.get(`/api/projects/${projectId}`)).status).toBe(404);
  });

  it('shows managers the load of each service', async () => {
    expect((await as.lead!.get('/api/service-queue/load')).status).toBe(403);
    const load = await as.manager!.get('/api/service-queue/load');
    expect(load.status).toBe(200);
    const slotLoad = load.body.services.find(
      (s: { service: { slug: string } }) => s.service.slug === 'cell-therapy-production-slot',
    );
    // The seeded Lymfora request, the researcher's two, and the delivered one.
    expect(slotLoad).toMatchObject({ open: 3, total: 4, medianDaysToDecision: 0, medianDaysToDelivery: 0 });
    const dev = load.body.services.find(
      (s: { service: { slug: string } }) => s.service.slug === 'cell-therapy-process-development',
    );
    expect(dev).toMatchObject({ open: 0, total: 1, medianDaysToDecision: 7, medianDaysToDelivery: 50 });
  });
});
