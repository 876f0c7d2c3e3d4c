/**
 * A change and the document changes it owes commit together: a real server killed (-9) right
 * after committing a gate decision or a service request's move, before or after applying the
 * milestones it owes (JALON_TEST_CRASH, see server/config.ts), and restarted on the same
 * database, shows the decision with every milestone, each exactly once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/db/seed/demo.ts';
import { docName, readProjectDoc } from '../../shared/doc/index.ts';
import { type ApiClient, signedIn } from '../support/client.ts';
import { meetMustCriteria } from '../support/gates.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { peer, until } from '../support/socket.ts';

const CONDITIONS = [
  { title: 'CMC comparability report', due: '2027-03-31' },
  { title: 'Second GLP tox species', due: null },
  { title: 'Freedom-to-operate opinion', due: '2027-06-30' },
];

let dir: string;
const running: ServerProcess[] = [];

async function start(env: Record<string, string> = {}): Promise<ServerProcess> {
  const server = await startServerProcess(env, { dir });
  running.push(server);
  return server;
}

afterEach(async () => {
  for (const server of running.splice(0)) await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** A request that a server which kills itself never answers. */
async function unanswered(request: Promise<{ status: number }>, server: ServerProcess): Promise<void> {
  const reply = await request.then(
    (r) => r.status,
    () => 'no reply',
  );
  expect(reply, server.output()).toBe('no reply');
  expect(await server.exited()).toBe('SIGKILL');
}

/** Each milestone of the project's document, by title: how many there are. */
async function milestoneTitles(url: string, projectId: string, expected: string[]) {
  const viewer = await peer(url, 'mentor@demo.jalon', docName(projectId));
  const titles = () => readProjectDoc(viewer.doc).milestones.map((m) => m.title);
  await until(viewer.doc, () => expected.every((t) => titles().includes(t)), 15_000);
  const milestones = readProjectDoc(viewer.doc).milestones;
  viewer.close();
  return milestones;
}

/** The outbox once every effect is marked done (polled: marking follows the document change). */
async function effectsSettled(): Promise<{ done: number; pending: number }> {
  const file = createClient({ url: `file:${join(dir, 'jalon.db')}` });
  try {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const { rows } = await file.execute(
        'SELECT SUM(done_at IS NOT NULL) AS done, SUM(done_at IS NULL) AS pending FROM pending_effects',
      );
      const counts = { done: Number(rows[0]!.done ?? 0), pending: Number(rows[0]!.pending ?? 0) };
      if (counts.pending === 0 || Date.now() > deadline) return counts;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    file.close();
  }
}

describe('a gate decision and its conditions’ milestones, through a kill -9', () => {
  it.each(['before-effect', 'after-effect'])(
    'killed right after committing the decision (%s applying its milestones): after a restart, the decision and each milestone are there once',
    async (crash) => {
      dir = mkdtempSync(join(tmpdir(), 'jalon-effects-'));
      const first = await start({ JALON_TEST_CRASH: crash });
      const lead = await signedIn(first.url, 'lead@demo.jalon');
      const manager = await signedIn(first.url, 'manager@demo.jalon');
      const project = (await lead.get('/api/projects')).body.projects.find(
        (p: { stage: number }) => p.stage < 5,
      );
      await meetMustCriteria(first.url, lead, project);
      const review = await lead.post(`/api/projects/${project.id}/gates`);
      expect(review.status).toBe(201);
      await unanswered(
        manager.post(`/api/projects/${project.id}/gates/${review.body.id}/decision`, {
          outcome: 'conditional_go',
          rationale: 'Proceed; three conditions.',
          conditions: CONDITIONS,
          password: DEMO_PASSWORD,
        }),
        first,
      );

      const second = await start();
      const mentor = await signedIn(second.url, 'mentor@demo.jalon');
      const reviews = (await mentor.get(`/api/projects/${project.id}/gates`)).body.reviews;
      expect(reviews[0].decision).toMatchObject({ outcome: 'conditional_go', stageAfter: project.stage + 1 });
      const titles = CONDITIONS.map((c) => c.title);
      const milestones = await milestoneTitles(second.url, project.id, titles);
      for (const c of CONDITIONS)
        expect(milestones.filter((m) => m.title === c.title)).toEqual([
          expect.objectContaining({ due: c.due, stage: project.stage + 1, status: 'planned' }),
        ]);
      expect(await effectsSettled()).toEqual({ done: 1, pending: 0 });
    },
    120_000,
  );
});

describe('a service request’s move and its tracking milestone, through a kill -9', () => {
  it('creates the milestone the accepted request names, once, and dates it when scheduled, across crashes', async () => {
    dir = mkdtempSync(join(tmpdir(), 'jalon-effects-'));
    let server = await start({ JALON_TEST_CRASH: 'before-effect' });
    const as = async (who: string): Promise<ApiClient> => signedIn(server.url, `${who}@demo.jalon`);
    const projects = (await (await as('lead')).get('/api/projects')).body.projects as {
      id: string;
      title: string;
    }[];
    const projectId =
      projects.find((p) => p.title.includes('CLDN18') && !p.title.includes('companion'))?.id ??
      projects[0]!.id;
    const slot = (await (await as('partner')).get('/api/services')).body.services.find(
      (s: { slug: string }) => s.slug === 'cell-therapy-production-slot',
    );
    const filed = await (await as('researcher')).post(`/api/projects/${projectId}/service-requests`, {
      serviceId: slot.id,
      answers: {
        product: 'CLDN18.2 CAR-T, autologous',
        lot_purpose: 'engineering_run',
        batches: 2,
        wished_date: '2027-01-18',
      },
    });
    expect(filed.status).toBe(201);
    const requestId = filed.body.id as string;
    const path = `/api/service-requests/${requestId}`;
    expect((await (await as('manager')).patch(path, { status: 'in_review' })).status).toBe(200);
    await unanswered(
      (await as('manager')).patch(path, { status: 'accepted', milestone: { create: true } }),
      server,
    );

    // Restarted: accepted, linked, and the milestone it names is on the timeline once.
    server = await start({ JALON_TEST_CRASH: 'after-effect' });
    const accepted = (await (await as('lead')).get(path)).body;
    expect(accepted.status).toBe('accepted');
    const milestoneId = accepted.milestoneId as string;
    expect(milestoneId).toBeTruthy();
    const title = 'Cell-therapy platform: production slot';
    let milestones = await milestoneTitles(server.url, projectId, [title]);
    expect(milestones.filter((m) => m.title === title)).toEqual([
      expect.objectContaining({ id: milestoneId, status: 'planned', due: null }),
    ]);

    // Killed after dating the milestone, before marking that done: applying again changes nothing.
    await unanswered(
      (await as('manager')).patch(path, { status: 'scheduled', scheduledFor: '2027-01-18' }),
      server,
    );
    server = await start();
    expect((await (await as('lead')).get(path)).body).toMatchObject({ status: 'scheduled', milestoneId });
    milestones = await milestoneTitles(server.url, projectId, [title]);
    const viewer = await peer(server.url, 'lead@demo.jalon', docName(projectId));
    await until(
      viewer.doc,
      () => readProjectDoc(viewer.doc).milestones.find((m) => m.id === milestoneId)?.due === '2027-01-18',
      15_000,
    );
    expect(readProjectDoc(viewer.doc).milestones.filter((m) => m.title === title)).toEqual([
      expect.objectContaining({ id: milestoneId, status: 'in_progress', due: '2027-01-18' }),
    ]);
    viewer.close();
    expect(milestones.filter((m) => m.title === title)).toHaveLength(1);
    expect(await effectsSettled()).toEqual({ done: 2, pending: 0 });
  }, 180_000);
});
