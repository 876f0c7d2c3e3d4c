/**
 * Dormant rooms (server/collab/doc-state.ts): a project nobody writes to is served from its
 * stored state without a Y.Doc; the first write wakes it; a room left alone goes dormant again
 * once its projection and mark are written; a log that goes beyond the mark is reconciled with
 * the rows on load.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, max } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type * as Y from 'yjs';
import type { DocRoom } from '../../server/collab/doc-room.ts';
import { openDatabase } from '../../server/db/client.ts';
import { docProjectionMarks, docUpdates, milestones } from '../../server/db/schema/index.ts';
import { createMilestone, docName, readProjectDoc, updateMilestone } from '../../shared/doc/index.ts';
import { signedIn } from '../support/client.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { peer, until } from '../support/socket.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function firstProject(server: TestServer): Promise<string> {
  const lead = await signedIn(server.url, 'lead@demo.jalon');
  return (await lead.get('/api/projects')).body.projects[0].id as string;
}

const roomOf = (server: TestServer, projectId: string): Promise<DocRoom> =>
  server.realtime.registry.get(docName(projectId));

async function rowTitles(server: TestServer, projectId: string): Promise<string[]> {
  const rows = await server.deps.db
    .select({ title: milestones.title })
    .from(milestones)
    .where(eq(milestones.projectId, projectId));
  return rows.map((r) => r.title).sort();
}

async function markOf(server: TestServer, name: string): Promise<number | null> {
  const [row] = await server.deps.db
    .select({ upto: docProjectionMarks.upto })
    .from(docProjectionMarks)
    .where(eq(docProjectionMarks.docName, name));
  return row?.upto ?? null;
}

/** A server on a folder of its own (to be restarted on it), and the lead in its first project. */
async function leadOnRestartableServer() {
  const dir = mkdtempSync(join(tmpdir(), 'jalon-dormant-'));
  dirs.push(dir);
  const server = await startTestServer({ dir });
  const projectId = await firstProject(server);
  const name = docName(projectId);
  const lead = await peer(server.url, 'lead@demo.jalon', name);
  return { dir, server, projectId, name, lead };
}

async function lastLogRow(server: TestServer, name: string): Promise<number> {
  const [row] = await server.deps.db
    .select({ id: max(docUpdates.id) })
    .from(docUpdates)
    .where(eq(docUpdates.docName, name));
  return row?.id ?? 0;
}

/**
 * A milestone written, then the server stopped as if it had died after the commit and before
 * the projection: no row for it, and the mark back to 0. The database is left open.
 */
async function crashedBeforeProjection() {
  const { dir, server, projectId, name, lead } = await leadOnRestartableServer();
  createMilestone(lead.doc, { title: 'Written before the crash', status: 'planned', stage: 1 }, 'lead');
  await lead.provider.whenSaved();
  lead.close();
  await server.close();
  const database = await openDatabase(server.databaseUrl);
  await database.db
    .delete(milestones)
    .where(and(eq(milestones.projectId, projectId), eq(milestones.title, 'Written before the crash')));
  await database.db.update(docProjectionMarks).set({ upto: 0 }).where(eq(docProjectionMarks.docName, name));
  return { dir, projectId, name, database };
}

describe('dormant rooms', () => {
  it('serves a project nobody writes to without building its document, and wakes on the first write', async () => {
    const server = await startTestServer();
    try {
      const projectId = await firstProject(server);
      const name = docName(projectId);
      const mentor = await peer(server.url, 'mentor@demo.jalon', name);
      const room = await roomOf(server, projectId);
      expect(room.isDormant).toBe(true);
      // The mentor got the whole document: the same milestones as the projected rows.
      const seeded = readProjectDoc(mentor.doc)
        .milestones.map((m) => m.title)
        .sort();
      expect(seeded.length).toBeGreaterThan(0);
      expect(seeded).toEqual(await rowTitles(server, projectId));

      const lead = await peer(server.url, 'lead@demo.jalon', name);
      expect(room.isDormant).toBe(true);
      createMilestone(lead.doc, { title: 'Woken by a write', status: 'planned', stage: 1 }, 'lead');
      await lead.provider.whenSaved();
      expect(room.isDormant).toBe(false);
      await until(mentor.doc, () =>
        readProjectDoc(mentor.doc).milestones.some((m) => m.title === 'Woken by a write'),
      );
      await vi.waitFor(async () => expect(await rowTitles(server, projectId)).toContain('Woken by a write'), {
        timeout: 5000,
      });
      mentor.close();
      lead.close();
    } finally {
      await server.close();
    }
  });

  it('goes dormant when left alone, its projection and mark written, and wakes again', async () => {
    const server = await startTestServer({ realtime: { room: { dormantAfterMs: 300 } } });
    try {
      const projectId = await firstProject(server);
      const name = docName(projectId);
      const lead = await peer(server.url, 'lead@demo.jalon', name);
      const room = await roomOf(server, projectId);
      const id = createMilestone(lead.doc, { title: 'Before the nap', status: 'planned', stage: 1 }, 'lead');
      await lead.provider.whenSaved();
      expect(room.isDormant).toBe(false);

      await vi.waitFor(() => expect(room.isDormant).toBe(true), { timeout: 5000 });
      expect(await rowTitles(server, projectId)).toContain('Before the nap');
      expect(await markOf(server, name)).toBe(await lastLogRow(server, name));

      // Still connected: the next write wakes the room, reaches the others and the rows.
      const researcher = await peer(server.url, 'researcher@demo.jalon', name);
      updateMilestone(lead.doc, id, { title: 'After the nap' }, 'lead');
      await lead.provider.whenSaved();
      expect(room.isDormant).toBe(false);
      await until(researcher.doc, () =>
        readProjectDoc(researcher.doc).milestones.some((m) => m.title === 'After the nap'),
      );
      await vi.waitFor(async () => expect(await rowTitles(server, projectId)).toContain('After the nap'), {
        timeout: 5000,
      });
      expect(await rowTitles(server, projectId)).not.toContain('Before the nap');
      lead.close();
      researcher.close();
    } finally {
      await server.close();
    }
  });

  it('reconciles the rows with a log that goes beyond the mark (a crash before the projection)', async () => {
    const { dir, projectId, name, database } = await crashedBeforeProjection();
    database.close();

    const again = await startTestServer({ dir });
    try {
      expect(await rowTitles(again, projectId)).not.toContain('Written before the crash');
      const mentor = await peer(again.url, 'mentor@demo.jalon', name);
      expect(readProjectDoc(mentor.doc).milestones.some((m) => m.title === 'Written before the crash')).toBe(
        true,
      );
      await vi.waitFor(
        async () => expect(await rowTitles(again, projectId)).toContain('Written before the crash'),
        { timeout: 5000 },
      );
      expect(await markOf(again, name)).toBe(await lastLogRow(again, name));
      mentor.close();
    } finally {
      await again.close();
    }
  });

  it('a reconcile that could not be written is made good by the next projection', async () => {
    const { dir, projectId, name, database } = await crashedBeforeProjection();
    // ... and the database refusing the lost row for a while (busy, full disk…).
    await database.client.execute(`CREATE TRIGGER refuse_for_a_while BEFORE INSERT ON milestones
      WHEN NEW.title = 'Written before the crash' BEGIN SELECT RAISE(ABORT, 'refused for a while'); END`);

    const again = await startTestServer({ dir });
    // Resolves once the projection reports that its reconcile could not be written.
    const reconcileFailed = new Promise<void>((resolve) => {
      const error = again.deps.log.error.bind(again.deps.log);
      again.deps.log.error = ((...args: unknown[]) => {
        if (args.some((a) => typeof a === 'string' && a.includes('could not reconcile'))) resolve();
        return (error as (...a: unknown[]) => void)(...args);
      }) as typeof again.deps.log.error;
    });
    try {
      const mentor = await peer(again.url, 'mentor@demo.jalon', name);
      await reconcileFailed;
      expect(await rowTitles(again, projectId)).not.toContain('Written before the crash');
      await database.client.execute('DROP TRIGGER refuse_for_a_while');
      // Nobody writes meanwhile: the next projection compares every row, and writes the one lost.
      await vi.waitFor(
        async () => expect(await rowTitles(again, projectId)).toContain('Written before the crash'),
        { timeout: 5000 },
      );
      mentor.close();
    } finally {
      database.close();
      await again.close();
    }
  });

  it('a room closed while awake writes its mark, so that it loads dormant the next time', async () => {
    const { dir, server: first, projectId, name, lead } = await leadOnRestartableServer();
    // A change that leaves every projected row as it was: no row to write, but a log row more.
    const milestone = lead.doc.getMap<Y.Map<unknown>>('milestones').values().next().value!;
    milestone.set('status', milestone.get('status'));
    await lead.provider.whenSaved();
    lead.close();
    await first.close();

    const again = await startTestServer({ dir });
    try {
      expect(await markOf(again, name)).toBe(await lastLogRow(again, name));
      const mentor = await peer(again.url, 'mentor@demo.jalon', name);
      expect((await roomOf(again, projectId)).isDormant).toBe(true);
      mentor.close();
    } finally {
      await again.close();
    }
  });
});
