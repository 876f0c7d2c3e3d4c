/**
 * Two people acting on the same thing at the same moment: one wins, the other is told it
 * changed meanwhile (409), and nothing of the losing action is left behind (no audit entry, no
 * notification, no second decision).
 */
import { and, count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvents,
  clusterManagers,
  gateDecisions,
  notifications,
  serviceRequests,
} from '../../server/db/schema/index.ts';
import { DEMO_PASSWORD } from '../../server/db/seed/demo.ts';
import { createAccount } from '../support/accounts.ts';
import { type ApiClient, signedIn } from '../support/client.ts';
import { meetMustCriteria } from '../support/gates.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
const as: Record<string, ApiClient> = {};

beforeAll(async () => {
  server = await startTestServer();
  for (const who of ['manager', 'lead', 'platform'])
    as[who] = await signedIn(server.url, `${who}@demo.jalon`);
  // A second cluster manager, to sign the same gate as the first.
  const id = await createAccount(server, {
    name: 'Second Manager',
    email: 'second.manager@example.org',
    password: DEMO_PASSWORD,
  });
  await server.deps.db.insert(clusterManagers).values({ userId: id, grantedAt: new Date() });
  as.manager2 = await signedIn(server.url, 'second.manager@example.org');
});
afterAll(() => server?.close());

const statuses = (replies: { status: number }[]) => replies.map((r) => r.status).sort();

describe('a service request moved by two people at once', () => {
  it('moves once: the other gets a conflict, and only the move that happened is audited and notified', async () => {
    const projects = (await as.lead!.get('/api/projects')).body.projects as { id: string; title: string }[];
    const projectId = projects.find((p) => p.title.includes('CLDN18'))?.id ?? projects[0]!.id;
    const catalogue = (await as.lead!.get('/api/services')).body.services;
    const slot = catalogue.find((s: { slug: string }) => s.slug === 'cell-therapy-production-slot');
    const answers = {
      product: 'CLDN18.2 CAR-T, autologous',
      lot_purpose: 'engineering_run',
      batches: 2,
      wished_date: '2027-01-18',
    };
    // Several rounds: each is a race, and one lost race is enough to show the bug.
    for (let round = 0; round < 4; round++) {
      const filed = await as.lead!.post(`/api/projects/${projectId}/service-requests`, {
        serviceId: slot.id,
        answers,
      });
      expect(filed.status).toBe(201);
      const requestId = filed.body.id as string;
      const path = `/api/service-requests/${requestId}`;
      expect((await as.platform!.patch(path, { status: 'in_review' })).status).toBe(200);

      const replies = await Promise.all([
        as.platform!.patch(path, { status: 'accepted', comment: 'We take it.' }),
        as.manager!.patch(path, { status: 'declined', comment: 'Not this quarter.' }),
      ]);
      expect(statuses(replies)).toEqual([200, 409]);
      const lost = replies.find((r) => r.status === 409)!;
      expect(lost.body.error.code).toBe('conflict');
      const won = replies.find((r) => r.status === 200)!.body.status as string;

      const [row] = await server.deps.db
        .select()
        .from(serviceRequests)
        .where(eq(serviceRequests.id, requestId));
      expect(row!.status).toBe(won);
      const moves = await server.deps.db
        .select({ after: auditEvents.after })
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.entityId, requestId),
            eq(auditEvents.field, 'status'),
            inArray(auditEvents.action, ['update']),
          ),
        );
      expect(moves.map((m) => m.after)).toEqual(['in_review', won]);
      const notices = await server.deps.db
        .select({ payload: notifications.payload })
        .from(notifications)
        .where(
          and(eq(notifications.subjectId, requestId), eq(notifications.type, 'service_request.changed')),
        );
      const moved = notices.map((n) => (n.payload as { status?: string }).status);
      expect(moved.filter((s) => s === 'accepted' || s === 'declined')).toEqual(
        moved.filter((s) => s === won),
      );
      expect(moved.filter((s) => s === won).length).toBeGreaterThan(0);
    }
    const verified = await server.deps.db.select({ n: count() }).from(auditEvents);
    expect(verified[0]!.n).toBeGreaterThan(0);
  });
});

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

describe('a gate signed by two managers at once', () => {
  it('records one decision: the other signer gets a conflict, never a server error', async () => {
    const project = (await as.lead!.get('/api/projects')).body.projects.find(
      (p: { stage: number }) => p.stage < 5,
    ) as { id: string; stage: number; track: string };
    await meetMustCriteria(server.url, as.lead!, project);
    const requested = await as.lead!.post(`/api/projects/${project.id}/gates`);
    expect(requested.status).toBe(201);
    const reviewId = requested.body.id as string;

    const decide = (outcome: string) => ({
      outcome,
      rationale: `Signed ${outcome}.`,
      conditions: [],
      // a Hold names the date the project is looked at again
      ...(outcome === 'hold' ? { reviewDate: inDays(90) } : {}),
      password: DEMO_PASSWORD,
    });
    const path = `/api/projects/${project.id}/gates/${reviewId}/decision`;
    const replies = await Promise.all([
      as.manager!.post(path, decide('go')),
      as.manager2!.post(path, decide('hold')),
    ]);
    expect(statuses(replies)).toEqual([200, 409]);
    const lost = replies.find((r) => r.status === 409)!;
    expect(lost.body.error.code).toBe('conflict');

    const decisions = await server.deps.db
      .select()
      .from(gateDecisions)
      .where(eq(gateDecisions.reviewId, reviewId));
    expect(decisions).toHaveLength(1);
    const audited = await server.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, 'gate_decision'), eq(auditEvents.projectId, project.id)));
    expect(audited).toHaveLength(1);
    expect(audited[0]!.entityId).toBe(decisions[0]!.id);
  });
});
