import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type * as Y from 'yjs';
import {
  auditEvents,
  docHistory,
  docSnapshots,
  docUpdates,
  milestones,
} from '../../server/db/schema/index.ts';
import { createMilestone, docName, readProjectDoc, updateMilestone } from '../../shared/doc/index.ts';
import { signedIn } from '../support/client.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { peer } from '../support/socket.ts';

const dir = mkdtempSync(join(tmpdir(), 'jalon-persist-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function projectOf(server: TestServer) {
  const lead = await signedIn(server.url, 'lead@demo.jalon');
  return (await lead.get('/api/projects')).body.projects[0].id as string;
}

describe('what is acknowledged is kept', () => {
  let expected: ReturnType<typeof readProjectDoc>;
  let projectId: string;

  it('keeps every change across a restart, and compacts the log without losing any', async () => {
    const server = await startTestServer({
      dir,
      realtime: { room: { compactRows: 10, compactBytes: 1 << 30 } },
    });
    projectId = await projectOf(server);
    const name = docName(projectId);
    const a = await peer(server.url, 'lead@demo.jalon', name);
    const b = await peer(server.url, 'researcher@demo.jalon', name);
    for (let i = 0; i < 15; i++) {
      const id = createMilestone(a.doc, { title: `compaction ${i}`, status: 'planned', stage: 1 }, 'lead');
      updateMilestone(
        b.doc,
        readProjectDoc(b.doc).milestones[0]!.id,
        { status: i % 2 ? 'at_risk' : 'in_progress' },
        'r',
      );
      await Promise.all([a.provider.whenSaved(), b.provider.whenSaved()]);
      expect(id).toBeTruthy();
    }
    // Compaction runs beside the commits: wait until the last one has folded the log.
    const pending = () =>
      server.deps.db.select({ n: count() }).from(docUpdates).where(eq(docUpdates.docName, name));
    await vi.waitFor(async () => expect((await pending())[0]!.n).toBeLessThan(10), { timeout: 5000 });
    const snapshots = await server.deps.db
      .select()
      .from(docSnapshots)
      .where(eq(docSnapshots.docName, name))
      .orderBy(docSnapshots.id);
    const log = await pending();
    const history = await server.deps.db
      .select({ id: docHistory.id })
      .from(docHistory)
      .where(eq(docHistory.docName, name));
    // today's newest compaction replaced today's other snapshots; the seed's moved to history
    // (as the row -id), and the rows compaction absorbed left the pending log for history:
    // every one of the 30 updates is still stored, once
    expect(snapshots.map((s) => s.logKept)).toEqual([true]);
    expect(snapshots[0]!.absorbed).toBeGreaterThan(0);
    expect(log[0]!.n).toBeLessThan(10);
    expect(history.filter((h) => h.id < 0)).toHaveLength(1);
    expect(history.filter((h) => h.id > 0).length + log[0]!.n).toBe(30);
    expected = readProjectDoc(a.doc);
    expect(readProjectDoc(b.doc)).toEqual(expected);
    a.close();
    b.close();
    await server.close();

    const again = await startTestServer({ dir });
    const fresh = await peer(again.url, 'mentor@demo.jalon', name);
    expect(readProjectDoc(fresh.doc)).toEqual(expected);
    fresh.close();
    // the projection caught up with the document and stayed attributed
    const rows = await again.deps.db.select().from(milestones).where(eq(milestones.projectId, projectId));
    expect(rows.map((r) => r.title).sort()).toEqual(expected.milestones.map((m) => m.title).sort());
    const created = await again.deps.db.select().from(auditEvents).where(eq(auditEvents.entity, 'milestone'));
    expect(created.filter((e) => e.action === 'create').length).toBeGreaterThanOrEqual(15);
    await again.close();
  });

  it('a client that was offline merges its edits on reconnect', async () => {
    const server = await startTestServer({ dir });
    const name = docName(projectId);
    const a = await peer(server.url, 'lead@demo.jalon', name);
    const b = await peer(server.url, 'researcher@demo.jalon', name);
    b.socket.disconnect();
    const offlineId = createMilestone(b.doc, { title: 'written offline', status: 'planned', stage: 2 }, 'r');
    expect(b.provider.state).toEqual({ kind: 'offline', pending: 1 });
    const onlineId = createMilestone(
      a.doc,
      { title: 'written online meanwhile', status: 'planned', stage: 2 },
      'l',
    );
    await a.provider.whenSaved();
    b.socket.connect();
    await b.provider.whenSaved();
    const both = (d: Y.Doc) => {
      const ids = readProjectDoc(d).milestones.map((m) => m.id);
      return ids.includes(offlineId) && ids.includes(onlineId);
    };
    await new Promise<void>((resolve) => {
      if (both(a.doc) && both(b.doc)) return resolve();
      const check = () => both(a.doc) && both(b.doc) && resolve();
      a.doc.on('update', check);
      b.doc.on('update', check);
    });
    expect(readProjectDoc(a.doc)).toEqual(readProjectDoc(b.doc));
    a.close();
    b.close();
    await server.close();
  });
});
