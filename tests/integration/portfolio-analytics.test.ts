/**
 * The programme office's portfolio analytics, on the demo cluster with its eighteen months of
 * history: who may read them, and that each figure follows what people do (a gate decided, a
 * milestone slipping then done, a readiness level raised).
 */
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { gateDecisions, projects } from '../../server/db/schema/index.ts';
import { DEMO_PASSWORD } from '../../server/db/seed/demo.ts';
import {
  createMilestone,
  docName,
  projectRoots,
  setReadinessLevel,
  updateMilestone,
} from '../../shared/doc/index.ts';
import type { PortfolioAnalytics } from '../../shared/schemas/analytics.ts';
import { ApiClient, signedIn } from '../support/client.ts';
import { meetMustCriteria } from '../support/gates.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { peer } from '../support/socket.ts';
import { bearerClient, createToken } from './api-tokens.fixtures.ts';

let server: TestServer;
let manager: ApiClient;
let lead: ApiClient;

beforeAll(async () => {
  server = await startTestServer({ demo: 'history' });
  manager = await signedIn(server.url, 'manager@demo.jalon');
  lead = await signedIn(server.url, 'lead@demo.jalon');
});
afterAll(() => server?.close());

const analytics = async (query = ''): Promise<PortfolioAnalytics> => {
  const reply = await manager.get(`/api/portfolio/analytics${query}`);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body;
};
const currentQuarter = (at: string) =>
  `${at.slice(0, 4)}-Q${Math.floor(Number(at.slice(5, 7)) / 3 - 0.01) + 1}`;
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

describe('who reads the portfolio analytics', () => {
  it('refuses a lead, a signed-out request and a manager’s token bound to one project', async () => {
    const refused = await lead.get('/api/portfolio/analytics');
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/Only the programme office reads the portfolio analytics/);
    expect((await new ApiClient(server.url).get('/api/portfolio/analytics')).status).toBe(401);
    const anyProject = (await manager.get('/api/projects')).body.projects[0];
    const { token } = await createToken(manager, { scope: 'read', projectId: anyProject.id });
    expect((await bearerClient(server.url, token).get('/api/portfolio/analytics')).status).toBe(403);
  });

  it('lets a manager’s read-only token read them, for a report script', async () => {
    const { token } = await createToken(manager, { scope: 'read' });
    expect((await bearerClient(server.url, token).get('/api/portfolio/analytics')).status).toBe(200);
  });
});

describe('the figures', () => {
  it('covers every project, with the gate outcomes the committee signed, by quarter', async () => {
    const figures = await analytics();
    const n = (await server.deps.db.select({ n: count() }).from(projects))[0]!.n;
    expect(figures.projectCount).toBe(n);
    const signed = await server.deps.db.select({ outcome: gateDecisions.outcome }).from(gateDecisions);
    for (const outcome of ['go', 'conditional_go', 'hold', 'recycle', 'kill'] as const)
      expect(figures.gateOutcomes.totals[outcome], outcome).toBe(
        signed.filter((d) => d.outcome === outcome).length,
      );
    const summed = figures.gateOutcomes.byQuarter.reduce(
      (sum, q) => sum + Object.values(q.counts).reduce((a, b) => a + b, 0),
      0,
    );
    expect(summed).toBe(signed.length);
    // the demo's eighteen months: quarters without a decision are there, empty
    expect(figures.gateOutcomes.byQuarter.length).toBeGreaterThanOrEqual(6);
    expect(figures.gateOutcomes.byQuarter.at(-1)!.quarter).toBe(currentQuarter(figures.at));
    // stays in stages that ended: the demo's projects passed gates
    const ended = figures.stageDurations.filter((d) => d.completed > 0);
    expect(ended.length).toBeGreaterThan(0);
    for (const d of ended) expect(d.medianDays).toBeGreaterThan(0);
    expect(figures.tracks.map((t) => t.id)).toEqual(expect.arrayContaining(['therapeutics']));
  });

  it('counts a new decision in this quarter, and ends the project’s stay in its stage', async () => {
    const before = await analytics();
    const project = (await lead.get('/api/projects')).body.projects.find(
      (p: { stage: number; track: string }) => p.track === 'therapeutics' && p.stage < 5,
    );
    const stay = (f: PortfolioAnalytics) =>
      f.stageDurations.find((d) => d.track === 'therapeutics' && d.stage === project.stage)!;
    await meetMustCriteria(server.url, lead, project);
    const requested = await lead.post(`/api/projects/${project.id}/gates`, {
      explanation: 'The open milestones of the last decision are covered in the pack.',
    });
    expect(requested.status, JSON.stringify(requested.body)).toBe(201);
    const reviewId = requested.body.id;
    const decided = await manager.post(`/api/projects/${project.id}/gates/${reviewId}/decision`, {
      outcome: 'go',
      rationale: 'Preclinical package complete.',
      conditions: [],
      password: DEMO_PASSWORD,
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);

    const after = await analytics();
    expect(after.gateOutcomes.totals.go).toBe(before.gateOutcomes.totals.go + 1);
    expect(after.gateOutcomes.byQuarter.at(-1)!.counts.go).toBe(
      before.gateOutcomes.byQuarter.at(-1)!.counts.go + 1,
    );
    expect(stay(after).completed).toBe(stay(before).completed + 1);
    expect(stay(after).current).toBe(stay(before).current - 1);
  });

  it('shows a milestone open past its due day as overdue, then late once done, with its delay', async () => {
    const project = (await lead.get('/api/projects')).body.projects[0];
    const editor = await peer(server.url, 'lead@demo.jalon', docName(project.id));
    const title = 'Stability study report (slipped)';
    const before = await analytics();
    const id = createMilestone(
      editor.doc,
      { title, status: 'in_progress', stage: 0, due: daysAgo(400) },
      'lead',
    );
    await editor.provider.whenSaved();
    const slipping = await expectPolled(async () => {
      const f = await analytics();
      return f.milestones.worst.find((m) => m.milestoneId === id) ? f : null;
    });
    expect(slipping.milestones.overdue).toBe(before.milestones.overdue + 1);
    expect(slipping.milestones.worst[0]).toMatchObject({ title, projectTitle: project.title, doneAt: null });
    expect(slipping.milestones.worst[0]!.slipDays).toBe(400);

    updateMilestone(editor.doc, id, { status: 'done' }, 'lead');
    await editor.provider.whenSaved();
    editor.close();
    const done = await expectPolled(async () => {
      const f = await analytics();
      return f.milestones.worst.find((m) => m.milestoneId === id)?.doneAt ? f : null;
    });
    expect(done.milestones.overdue).toBe(before.milestones.overdue);
    expect(done.milestones.doneLate).toBe(before.milestones.doneLate + 1);
    expect(done.milestones.worst[0]!.slipDays).toBe(400);
  });

  it('moves this month’s readiness mean when a project’s level is raised', async () => {
    const figures = await analytics();
    const month = figures.readiness.points.at(-1)!;
    expect(month.month).toBe(figures.at.slice(0, 7));
    expect(figures.readiness.points.length).toBeGreaterThanOrEqual(12);
    const project = (await lead.get('/api/projects')).body.projects[1];
    const editor = await peer(server.url, 'lead@demo.jalon', docName(project.id));
    const entry = projectRoots(editor.doc).readiness.get('ip');
    const levelNow = entry instanceof Y.Map ? (entry.get('level') as number) : undefined;
    const target = levelNow === 9 ? 1 : 9;
    setReadinessLevel(editor.doc, 'ip', target, 'lead');
    await editor.provider.whenSaved();
    editor.close();
    const moved = await expectPolled(async () => {
      const f = await analytics();
      return f.readiness.points.at(-1)!.means.ip !== month.means.ip ? f : null;
    });
    const n = moved.readiness.points.at(-1)!.projects;
    const delta = (moved.readiness.points.at(-1)!.means.ip! - (month.means.ip ?? 0)) * n;
    expect(Math.round(delta)).toBe(target - (levelNow ?? 0));
  });

  it('filters by track, across the track’s versions', async () => {
    const all = await analytics();
    const diagnostics = await analytics('?track=diagnostics');
    const n = (
      await server.deps.db
        .select({ n: count() })
        .from(projects)
        .where(eq(projects.frameworkId, 'diagnostics'))
    )[0]!.n;
    expect(diagnostics.projectCount).toBe(n);
    expect(diagnostics.projectCount).toBeLessThan(all.projectCount);
    expect(diagnostics.tracks.map((t) => t.id)).toEqual(['diagnostics']);
    expect(new Set(diagnostics.stageDurations.map((d) => d.track))).toEqual(new Set(['diagnostics']));
  });
});

/** Polls until the read returns a value: the projection lands in its own window after the ack. */
async function expectPolled<T>(read: () => Promise<T | null>): Promise<T> {
  let value: T | null = null;
  await expect
    .poll(
      async () => {
        value = await read();
        return value !== null;
      },
      { timeout: 10_000, interval: 50 },
    )
    .toBe(true);
  return value as T;
}
