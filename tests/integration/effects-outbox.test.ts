/**
 * The outbox of effects owed to the live documents (server/effects): applying one twice creates
 * nothing twice, a late one leaves the milestone as the request stands, and one that keeps
 * failing is retried, logged, and left pending with its error for the next start.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pendingEffects, serviceRequests } from '../../server/db/schema/index.ts';
import { commit } from '../../server/db/writer.ts';
import type { ServiceDeps } from '../../server/deps.ts';
import { applyEffect } from '../../server/effects/apply-effect.ts';
import { type EffectKind, pendingEffect } from '../../server/effects/effect.ts';
import { createEffectRunner } from '../../server/effects/runner.ts';
import { readProjectDoc } from '../../shared/doc/index.ts';
import { type ApiClient, signedIn } from '../support/client.ts';
import { type CapturedLog, captureLog } from '../support/log-capture.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let logs: CapturedLog;
let lead: ApiClient;
let leadId: string;
let projectId: string;

beforeAll(async () => {
  logs = captureLog('info');
  server = await startTestServer({ log: logs.log });
  lead = await signedIn(server.url, 'lead@demo.jalon');
  leadId = (await lead.get('/api/me')).body.user.id;
  projectId = (await lead.get('/api/projects')).body.projects[0].id;
});
afterAll(() => server?.close());

/** An effect recorded as a change would record it, not applied yet. */
async function recorded(kind: EffectKind, payload: unknown) {
  const { effect, statement } = pendingEffect(server.deps.db, kind, projectId, payload, leadId, new Date());
  await commit(server.deps.db, [statement]);
  return effect;
}

async function row(id: string) {
  return (await server.deps.db.select().from(pendingEffects).where(eq(pendingEffects.id, id)))[0]!;
}

async function milestones() {
  const doc = await server.deps.documents.read(projectId);
  const list = readProjectDoc(doc).milestones;
  doc.destroy();
  return list;
}

describe('applying an owed effect', () => {
  it('twice, or again at start because it was never marked done, creates each milestone once', async () => {
    const conditions = [
      { title: 'Twice-applied condition A', due: '2027-02-01' },
      { title: 'Twice-applied condition B', due: null },
    ];
    const effect = await recorded('gate.conditions', {
      decisionId: 'd',
      stage: 1,
      owner: leadId,
      conditions,
    });
    await applyEffect(server.deps, effect);
    await applyEffect(server.deps, effect);
    await server.deps.effects.completePending();
    const titles = (await milestones()).map((m) => m.title);
    for (const c of conditions) expect(titles.filter((t) => t === c.title)).toHaveLength(1);
    expect(await row(effect.id)).toMatchObject({ doneAt: expect.any(Date), attempts: 1, lastError: null });
  });

  it('makes a request’s milestone follow the request as it stands, however often and late', async () => {
    const researcher = await signedIn(server.url, 'researcher@demo.jalon');
    const slot = (await researcher.get('/api/services')).body.services.find(
      (s: { slug: string }) => s.slug === 'cell-therapy-production-slot',
    );
    const filed = await researcher.post(`/api/projects/${projectId}/service-requests`, {
      serviceId: slot.id,
      answers: {
        product: 'A product',
        lot_purpose: 'engineering_run',
        batches: 1,
        wished_date: '2027-01-18',
      },
    });
    expect(filed.status).toBe(201);
    const requestId = filed.body.id as string;
    const create = {
      title: 'Followed production slot',
      description: 'Service request',
      owner: leadId,
      stage: 0,
      dimension: null,
    };
    const effect = await recorded('service_request.milestone', {
      requestId,
      milestoneId: 'followed-slot',
      create,
    });
    await applyEffect(server.deps, effect);
    // The request moves on before the effect is applied again (a late retry): it follows.
    await server.deps.db
      .update(serviceRequests)
      .set({ status: 'scheduled', scheduledFor: '2027-01-18' })
      .where(eq(serviceRequests.id, requestId));
    await applyEffect(server.deps, effect);
    await applyEffect(server.deps, effect);
    expect((await milestones()).filter((m) => m.title === create.title)).toEqual([
      expect.objectContaining({ id: 'followed-slot', due: '2027-01-18', status: 'in_progress' }),
    ]);
  });
});

describe('an effect that keeps failing', () => {
  it('is retried a bounded number of times, its error kept and logged, and left pending for the next start', async () => {
    const effect = await recorded('gate.conditions', {
      decisionId: 'd',
      stage: 1,
      owner: null,
      conditions: [{ title: 'Delayed condition', due: null }],
    });
    const refusing: ServiceDeps = {
      ...server.deps,
      documents: {
        read: (id) => server.deps.documents.read(id),
        change: async () => {
          throw new Error('the document refused the change');
        },
      },
    };
    const runner = createEffectRunner(() => refusing, { tries: 3, firstPauseMs: 5 });
    await runner.run(effect);
    const deadline = Date.now() + 5000;
    while (!logs.text().includes('an effect keeps failing') && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 10));
    runner.stop();
    const failing = logs
      .lines()
      .find((l) => l.msg === 'an effect keeps failing: left pending, the next start tries again');
    expect(failing).toMatchObject({ effectId: effect.id, kind: 'gate.conditions', attempts: 3 });
    expect(
      logs.lines().filter((l) => l.msg === 'an effect failed: retrying' && l.effectId === effect.id),
    ).toHaveLength(2);
    expect(await row(effect.id)).toMatchObject({
      doneAt: null,
      attempts: 3,
      lastError: 'the document refused the change',
    });
    expect((await milestones()).some((m) => m.title === 'Delayed condition')).toBe(false);

    // The next start (here: the server's own runner) takes it up and completes it.
    await server.deps.effects.completePending();
    expect((await milestones()).filter((m) => m.title === 'Delayed condition')).toHaveLength(1);
    expect(await row(effect.id)).toMatchObject({ doneAt: expect.any(Date), attempts: 4, lastError: null });
  });

  it('is taken by one runner only, when two take it up at once', async () => {
    const effect = await recorded('gate.conditions', {
      decisionId: 'd',
      stage: 1,
      owner: null,
      conditions: [{ title: 'Raced condition', due: null }],
    });
    const other = createEffectRunner(() => server.deps);
    await Promise.all([server.deps.effects.run(effect), other.run(effect)]);
    other.stop();
    expect(await row(effect.id)).toMatchObject({ doneAt: expect.any(Date), attempts: 1 });
    expect((await milestones()).filter((m) => m.title === 'Raced condition')).toHaveLength(1);
  });
});
