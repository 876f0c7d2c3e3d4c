import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, count, eq, gt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LibsqlDocStore } from '../../server/collab/libsql-doc-store.ts';
import { openDatabase } from '../../server/db/client.ts';
import { applyMigrations } from '../../server/db/migrate.ts';
import { docHistory, docSnapshots, docUpdates, gatePacks } from '../../server/db/schema/index.ts';
import { DEMO_PASSWORD } from '../../server/db/seed/demo.ts';
import { documentAt } from '../../server/history/document-at.ts';
import {
  createMilestone,
  docName,
  readProjectDoc,
  setCriterionCheck,
  setReadinessLevel,
  updateMilestone,
} from '../../shared/doc/index.ts';
import { type ApiClient, signedIn } from '../support/client.ts';
import { openDatabaseFile, startTestServer, type TestServer } from '../support/server.ts';
import { type Peer, peer } from '../support/socket.ts';

let server: TestServer;
const as: Record<string, ApiClient> = {};
let project: { id: string; stage: number; track: string; createdAt: string };

beforeAll(async () => {
  // compact every few rows, so the history asked for spans several snapshots
  server = await startTestServer({ realtime: { room: { compactRows: 4, compactBytes: 1 << 30 } } });
  for (const who of ['manager', 'lead', 'partner']) as[who] = await signedIn(server.url, `${who}@demo.jalon`);
  const first = (await as.lead!.get('/api/projects')).body.projects.find(
    (p: { stage: number }) => p.stage < 4,
  );
  project = (await as.lead!.get(`/api/projects/${first.id}`)).body;
});
afterAll(() => server?.close());

/** A moment strictly after every change made so far, and before any made next. */
async function momentNow(): Promise<string> {
  const t = Date.now();
  // the log has millisecond times: let the clock tick so the next change is strictly later
  while (Date.now() <= t) await new Promise((r) => setImmediate(r));
  return new Date(t).toISOString();
}

async function edit(p: Peer, change: () => void) {
  change();
  await p.provider.whenSaved();
}

const historyAt = (at: string, who = 'lead') =>
  as[who]!.get(`/api/projects/${project.id}/history?at=${encodeURIComponent(at)}`);

describe('time travel', () => {
  const copies: { at: string; state: ReturnType<typeof readProjectDoc> }[] = [];
  let firstMilestone: string;

  it('returns the state at a past moment exactly (compared with a copy taken then), after compaction', async () => {
    const lead = await peer(server.url, 'lead@demo.jalon', docName(project.id));
    copies.push({ at: await momentNow(), state: readProjectDoc(lead.doc) });

    firstMilestone = readProjectDoc(lead.doc).milestones[0]!.id;
    await edit(lead, () => updateMilestone(lead.doc, firstMilestone, { status: 'blocked' }, 'lead'));
    await edit(lead, () => setReadinessLevel(lead.doc, 'technology', 7, 'lead'));
    const added = createMilestone(
      lead.doc,
      { title: 'Written before T1', status: 'planned', stage: 1 },
      'lead',
    );
    await lead.provider.whenSaved();
    await edit(lead, () => updateMilestone(lead.doc, added, { due: '2027-03-01' }, 'lead'));
    await edit(lead, () =>
      setCriterionCheck(lead.doc, 'c-history', { checked: true, evidence: 'memo' }, 'lead'),
    );
    copies.push({ at: await momentNow(), state: readProjectDoc(lead.doc) });

    await edit(lead, () =>
      updateMilestone(lead.doc, firstMilestone, { status: 'done', title: 'Renamed later' }, 'lead'),
    );
    await edit(lead, () => setReadinessLevel(lead.doc, 'technology', 8, 'lead'));
    await edit(lead, () => updateMilestone(lead.doc, added, { status: 'at_risk' }, 'lead'));
    await edit(lead, () => setCriterionCheck(lead.doc, 'c-history', { checked: false }, 'lead'));
    createMilestone(lead.doc, { title: 'Written after T2', status: 'planned', stage: 2 }, 'lead');
    await lead.provider.whenSaved();
    copies.push({ at: await momentNow(), state: readProjectDoc(lead.doc) });
    lead.close();

    // compaction ran, and moved what it absorbed to history instead of deleting it
    const name = docName(project.id);
    const [kept] = await server.deps.db
      .select({ n: count() })
      .from(docSnapshots)
      .where(and(eq(docSnapshots.docName, name), eq(docSnapshots.logKept, true)));
    expect(kept!.n).toBeGreaterThanOrEqual(1);
    const counted = async () => {
      const [history] = await server.deps.db
        .select({ n: count() })
        .from(docHistory)
        .where(and(eq(docHistory.docName, name), gt(docHistory.id, 0)));
      const [pending] = await server.deps.db
        .select({ n: count() })
        .from(docUpdates)
        .where(eq(docUpdates.docName, name));
      return { history: history!.n, pending: pending!.n };
    };
    // compaction runs after the acks: wait for the second one to land
    await expect.poll(async () => (await counted()).history).toBeGreaterThanOrEqual(8);
    // all ten updates are still stored, whichever table holds them
    const stored = await counted();
    expect(stored.history + stored.pending).toBe(10);

    for (const copy of copies) {
      const reply = await historyAt(copy.at);
      expect(reply.status).toBe(200);
      expect(reply.body.source).toEqual({ kind: 'time' });
      expect(reply.body.state).toEqual(copy.state);
    }
  });

  it('marks what changed since then against now', async () => {
    const reply = await historyAt(copies[1]!.at);
    const diff = reply.body.diff;
    expect(diff.milestones.added.map((m: { title: string }) => m.title)).toEqual(['Written after T2']);
    expect(diff.milestones.removed).toEqual([]);
    const first = diff.milestones.changed.find((c: { id: string }) => c.id === firstMilestone);
    expect(first.changes).toEqual(
      expect.arrayContaining([
        { field: 'title', before: copies[1]!.state.milestones[0]!.title, after: 'Renamed later' },
        { field: 'status', before: 'blocked', after: 'done' },
      ]),
    );
    expect(diff.readiness).toContainEqual({
      dimension: 'technology',
      before: 7,
      after: 8,
      evidenceChanged: false,
    });
    expect(diff.criteria).toContainEqual({
      id: 'c-history',
      before: true,
      after: false,
      evidenceChanged: false,
    });
    // the moment before any edit shows the new milestones as added since
    const start = await historyAt(copies[0]!.at);
    expect(start.body.diff.milestones.added).toHaveLength(2);
  });

  it('draws readiness over time from the log, one point per change of level', async () => {
    const reply = await as.lead!.get(`/api/projects/${project.id}/history/readiness`);
    expect(reply.status).toBe(200);
    const technology = reply.body.points.map((p: { levels: { technology?: number } }) => p.levels.technology);
    expect(technology.slice(-2)).toEqual([7, 8]);
    expect(technology[0]).toBe(copies[0]!.state.readiness.technology?.level);
    const times = reply.body.points.map((p: { at: string }) => p.at);
    expect([...times].sort()).toEqual(times);
  });

  it('rejects moments before the project existed, in the future, or unreadable', async () => {
    const before = await historyAt(new Date(Date.parse(project.createdAt) - 60_000).toISOString());
    expect(before.status).toBe(400);
    expect(before.body.error.message).toMatch(/did not exist yet/);
    const future = await historyAt(new Date(Date.now() + 86_400_000).toISOString());
    expect(future.status).toBe(400);
    expect(future.body.error.message).toMatch(/future/);
    expect((await historyAt('yesterday')).status).toBe(400);
    expect((await as.lead!.get(`/api/projects/${project.id}/history`)).status).toBe(400);
    expect(
      (await as.lead!.get(`/api/projects/${project.id}/history?at=${copies[0]!.at}&gate=x`)).status,
    ).toBe(400);
  });

  it('answers 404 to someone who cannot see the project, as if it did not exist', async () => {
    const partnerSees = (await as.partner!.get('/api/projects')).body.projects.map(
      (p: { id: string }) => p.id,
    );
    const hidden = (await as.manager!.get('/api/projects')).body.projects.find(
      (p: { id: string }) => !partnerSees.includes(p.id),
    );
    const now = new Date().toISOString();
    for (const path of [`history?at=${encodeURIComponent(now)}`, 'history/readiness']) {
      const reply = await as.partner!.get(`/api/projects/${hidden.id}/${path}`);
      expect(reply.status).toBe(404);
      expect(reply.body.error.code).toBe('not_found');
    }
    expect((await as.partner!.get(`/api/projects/no-such-project/history/readiness`)).status).toBe(404);
  });
});

describe('at a gate', () => {
  let reviewId: string;

  it('shows the gate pack, which agrees with the log at the moment it was frozen', async () => {
    const fw = (await as.lead!.get('/api/frameworks')).body.frameworks.find(
      (f: { id: string }) => f.id === project.track,
    );
    const must = fw.stages[project.stage].criteria.filter((c: { kind: string }) => c.kind === 'must');
    const lead = await peer(server.url, 'lead@demo.jalon', docName(project.id));
    for (const c of must)
      setCriterionCheck(lead.doc, c.id, { checked: true, evidence: `memo ${c.key}` }, 'lead');
    await lead.provider.whenSaved();
    const frozen = readProjectDoc(lead.doc);
    const requested = await as.lead!.post(`/api/projects/${project.id}/gates`);
    expect(requested.status).toBe(201);
    reviewId = requested.body.id;
    // a change after the request is not in the pack
    await edit(lead, () => setReadinessLevel(lead.doc, 'team', 9, 'lead'));
    lead.close();

    const reply = await as.lead!.get(`/api/projects/${project.id}/history?gate=${reviewId}`);
    expect(reply.status).toBe(200);
    expect(reply.body.source).toEqual({ kind: 'gate', reviewId, stageIndex: project.stage });
    expect(reply.body.state).toEqual(frozen);
    const [pack] = await server.deps.db.select().from(gatePacks).where(eq(gatePacks.reviewId, reviewId));
    expect(reply.body.at).toBe(pack!.createdAt.toISOString());
    expect(reply.body.diff.readiness.find((r: { dimension: string }) => r.dimension === 'team').after).toBe(
      9,
    );

    const fromLog = await historyAt(reply.body.at);
    expect(fromLog.body.state).toEqual(frozen);
  });

  it('answers 404 for a gate review of another project', async () => {
    const other = (await as.manager!.get('/api/projects')).body.projects.find(
      (p: { id: string }) => p.id !== project.id,
    );
    expect((await as.manager!.get(`/api/projects/${other.id}/history?gate=${reviewId}`)).status).toBe(404);
  });
});

describe('the portfolio over time', () => {
  it('counts the stages of the projects one may see, and moves a project on a Go', async () => {
    const before = await as.manager!.get('/api/portfolio/stages-over-time');
    expect(before.status).toBe(200);
    const all = (await as.manager!.get('/api/projects?archived=true')).body.projects;
    const last = before.body.points.at(-1);
    expect(last.stages.reduce((a: number, b: number) => a + b, 0) + last.archived).toBe(all.length);
    for (let s = 0; s < 6; s++)
      expect(last.stages[s]).toBe(
        all.filter((p: { stage: number; archived: boolean }) => p.stage === s && !p.archived).length,
      );

    const reviews = (await as.manager!.get(`/api/projects/${project.id}/gates`)).body.reviews;
    const open = reviews.find((r: { status: string }) => r.status === 'open');
    const decided = await as.manager!.post(`/api/projects/${project.id}/gates/${open.id}/decision`, {
      outcome: 'go',
      rationale: 'Evidence complete.',
      password: DEMO_PASSWORD,
    });
    expect(decided.status).toBe(200);
    const after = (await as.manager!.get('/api/portfolio/stages-over-time')).body.points.at(-1);
    expect(after.stages[project.stage]).toBe(last.stages[project.stage] - 1);
    expect(after.stages[project.stage + 1]).toBe(last.stages[project.stage + 1] + 1);
    expect(Date.parse(after.at)).toBeGreaterThan(Date.parse(last.at));

    const partner = (await as.partner!.get('/api/portfolio/stages-over-time')).body.points.at(-1);
    const partnerSees = (await as.partner!.get('/api/projects')).body.projects.length;
    expect(partner.stages.reduce((a: number, b: number) => a + b, 0)).toBe(partnerSees);
  });
});

describe('storage', () => {
  it('keeps every update of the log: history rows plus pending rows hold each id once', async () => {
    const name = docName(project.id);
    const history = await server.deps.db
      .select({ id: docHistory.id })
      .from(docHistory)
      .where(eq(docHistory.docName, name));
    const pending = await server.deps.db
      .select({ id: docUpdates.id })
      .from(docUpdates)
      .where(eq(docUpdates.docName, name));
    const ids = [...history, ...pending].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(12);
  });
});

describe('the doc store keeps history exactly, across days of compaction', () => {
  it('rebuilds any instant from snapshots and history, whichever snapshots were pruned', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jalon-history-store-'));
    const database = await openDatabase(`file:${join(dir, 'h.db')}`);
    try {
      await applyMigrations(database.db);
      let now = Date.parse('2026-03-02T09:00:00Z');
      const store = new LibsqlDocStore(database.client, () => new Date(now));
      const name = 'project:history-store';
      const live = new Y.Doc();
      const copies: { at: number; state: ReturnType<typeof readProjectDoc> }[] = [];
      const covered: number[] = [];
      // a first snapshot, as the demo seed writes it
      live.getMap('milestones');
      createMilestone(live, { title: 'Seeded', status: 'planned', stage: 0 }, 'seed');
      await database.client.execute({
        sql: 'INSERT INTO doc_snapshots (doc_name, data, absorbed, created_at) VALUES (?, ?, 0, ?)',
        args: [name, Y.encodeStateAsUpdate(live), now],
      });
      const seeded = readProjectDoc(live).milestones[0]!.id;
      live.on('update', (u: Uint8Array) => {
        void store.append(name, u, 'lead').then((id) => covered.push(id));
      });
      // three days, several compactions a day, a copy every step
      for (let step = 0; step < 18; step++) {
        now += 3 * 3_600_000;
        updateMilestone(live, seeded, { title: `Step ${step}` }, 'lead');
        if (step % 4 === 1)
          createMilestone(live, { title: `New ${step}`, status: 'planned', stage: 1 }, 'lead');
        await store.flush();
        copies.push({ at: now, state: readProjectDoc(live) });
        if (step % 3 === 2) {
          now += 1;
          await store.compact(name, Y.encodeStateAsUpdate(live), Math.max(...covered.splice(0)));
        }
      }
      const snapshots = await database.client.execute({
        sql: 'SELECT created_at FROM doc_snapshots WHERE doc_name = ?',
        args: [name],
      });
      const moved = await database.client.execute({
        sql: 'SELECT id FROM doc_history WHERE doc_name = ? AND id < 0',
        args: [name],
      });
      // one snapshot per day stayed; the seed's, pruned the first day, moved to history
      expect(snapshots.rows.length).toBe(3);
      expect(moved.rows).toHaveLength(1);
      for (const copy of copies) {
        const then = await documentAt(database.db, name, copy.at);
        expect(readProjectDoc(then)).toEqual(copy.state);
        then.destroy();
      }
      // cold load is still the newest snapshot plus the pending log
      const stored = await store.load(name);
      const loaded = new Y.Doc();
      for (const u of [stored.snapshot!, ...stored.updates.map((r) => r.data)]) Y.applyUpdate(loaded, u);
      expect(readProjectDoc(loaded)).toEqual(readProjectDoc(live));
      expect(stored.updates.length).toBeLessThan(6);
    } finally {
      database.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the API document', () => {
  it('documents the history routes', async () => {
    const doc = await as.lead!.get('/api/openapi.json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/projects/{id}/history',
        '/projects/{id}/history/readiness',
        '/portfolio/stages-over-time',
      ]),
    );
  });
});

describe('history cannot be rewritten', () => {
  it('refuses to change or delete a history row, even directly in the database file', async () => {
    const file = await openDatabaseFile(server);
    try {
      const { rows } = await file.execute('SELECT id FROM doc_history LIMIT 1');
      const id = Number(rows[0]!.id);
      await expect(
        file.execute({ sql: 'UPDATE doc_history SET created_at = 0 WHERE id = ?', args: [id] }),
      ).rejects.toThrow(/append-only/);
      await expect(file.execute({ sql: 'DELETE FROM doc_history WHERE id = ?', args: [id] })).rejects.toThrow(
        /append-only/,
      );
    } finally {
      file.close();
    }
  });
});
