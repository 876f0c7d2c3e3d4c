/**
 * After a crash between commits and their projection, the next load reconciles the rows with
 * the document: each change it records names the person whose update in the log made it; a
 * change no update explains names no one, and says so.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REASONS } from '../../../server/milestones/reconcile-entries.ts';
import {
  createMilestone,
  deleteMilestone,
  setReadinessLevel,
  updateMilestone,
} from '../../../shared/doc/index.ts';
import { type Client, join, nextTurn, send, sync } from './engine.ts';
import {
  auditAfter,
  lastSeq,
  newProject,
  openProjectedRoom,
  openProjectionDb,
  type ProjectionDb,
} from './projection-room.ts';

let db: ProjectionDb;
beforeAll(async () => {
  db = await openProjectionDb();
});
afterAll(() => db?.close());

/** Sends an edit and waits for its acknowledgement (the update committed to the log). */
async function acked(room: Parameters<typeof send>[0], client: Client, edit: Parameters<typeof send>[2]) {
  const sent = send(room, client, edit);
  expect(sent.refused).toBeNull();
  expect(await sent.ack).toEqual({ ok: true });
  await nextTurn();
}

describe('reconciling after a crash', () => {
  it('names the author of each change from the update log, and no one for a change it cannot explain', async () => {
    const projectId = await newProject(db);
    const first = await openProjectedRoom(db, projectId);
    const [a, b, c] = ['a', 'b', 'c'].map((w) => join(first.room, w)) as [Client, Client, Client];
    for (const client of [a, b, c]) sync(first.room, client);
    const ids: string[] = [];
    for (const title of ['M1', 'M2', 'M3'])
      await acked(first.room, a, (d) => {
        ids.push(createMilestone(d, { title, status: 'planned', stage: 0 }, 'a'));
      });
    const [m1, m2, m3] = ids as [string, string, string];
    await first.projection.flush(true);
    const from = await lastSeq(db);

    // Acknowledged edits by three people, none projected: the server dies before its window.
    await acked(first.room, a, (d) => updateMilestone(d, m1, { title: 'M1 by a' }, 'a'));
    await acked(first.room, b, (d) => updateMilestone(d, m1, { title: 'M1 by b' }, 'b'));
    await acked(first.room, c, (d) => updateMilestone(d, m1, { status: 'in_progress' }, 'c'));
    await acked(first.room, b, (d) => void deleteMilestone(d, m2));
    await acked(first.room, c, (d) => setReadinessLevel(d, 'team', 4, 'c'));
    let m4 = '';
    await acked(first.room, b, (d) => {
      m4 = createMilestone(d, { title: 'M4', status: 'planned', stage: 1 }, 'b');
    });
    await acked(first.room, c, (d) => updateMilestone(d, m4, { status: 'at_risk' }, 'c'));
    first.projection.stop();
    // A row changed behind the projection's back: no update in the log explains it.
    await db.deps.db.run(sql`UPDATE milestones SET stage = 5 WHERE id = ${m3}`);

    const again = await openProjectedRoom(db, projectId);
    await again.projection.flush();
    const entries = await auditAfter(db, projectId, from);
    await again.room.close();
    await first.room.close();

    const seen = entries.map((e) => [e.entityId, e.action, e.field, e.actorId, e.reason]);
    // a title is text (typed character by character): one entry, named after its last editor
    expect(entries.filter((e) => e.field === 'title').map((e) => [e.before, e.after, e.actorId])).toEqual([
      ['M1', 'M1 by b', 'user-b'],
    ]);
    expect(seen).toEqual(
      expect.arrayContaining([
        [m1, 'update', 'title', 'user-b', REASONS.fromLog],
        [m1, 'update', 'status', 'user-c', REASONS.fromLog],
        [m2, 'delete', null, 'user-b', REASONS.fromLog],
        [m4, 'create', null, 'user-b', REASONS.fromLog],
        [m4, 'update', 'status', 'user-c', REASONS.fromLog],
        ['team', 'create', null, 'user-c', REASONS.fromLog],
        [m3, 'update', 'stage', null, REASONS.unexplainedOnLoad],
      ]),
    );
    expect(entries).toHaveLength(7);
    // created as its creator wrote it; the status another person set after is theirs
    expect(entries.find((e) => e.entityId === m4 && e.action === 'create')?.after).toMatchObject({
      title: 'M4',
      status: 'planned',
    });
  });

  it('keeps the changes made while it runs apart: the log names what was found, the window what came after', async () => {
    const projectId = await newProject(db);
    const first = await openProjectedRoom(db, projectId);
    const [a, b] = ['a', 'b'].map((w) => join(first.room, w)) as [Client, Client];
    for (const client of [a, b]) sync(first.room, client);
    let id = '';
    await acked(first.room, a, (d) => {
      id = createMilestone(d, { title: 'M', status: 'planned', stage: 0 }, 'a');
    });
    await first.projection.flush(true);
    const from = await lastSeq(db);
    await acked(first.room, b, (d) => updateMilestone(d, id, { status: 'in_progress' }, 'b'));
    first.projection.stop();

    // The first edit after the restart arrives before the reconcile has read the rows.
    const again = await openProjectedRoom(db, projectId);
    const back = join(again.room, 'a');
    sync(again.room, back);
    await acked(again.room, back, (d) => updateMilestone(d, id, { status: 'done' }, 'a'));
    await again.projection.flush();
    const entries = await auditAfter(db, projectId, from);
    await again.room.close();
    await first.room.close();
    expect(entries.map((e) => [e.field, e.before, e.after, e.actorId, e.reason])).toEqual([
      ['status', 'planned', 'in_progress', 'user-b', REASONS.fromLog],
      ['status', 'in_progress', 'done', 'user-a', null],
    ]);
  });
});
