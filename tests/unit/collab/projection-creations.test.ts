/**
 * Milestones created in one projection window, as a team does in its first days: each is
 * projected and audited under its own author, and the milestones that depend on one created or
 * deleted read their dependencies again (they read as the milestones that exist), though a
 * window reads only what it touched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMilestone, createMilestoneWithId } from '../../../shared/doc/index.ts';
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

/** The project's milestone rows: title and dependencies by id. */
async function rows(projectId: string): Promise<Map<string, { title: string; dependsOn: string[] }>> {
  const result = await db.database.client.execute({
    sql: 'SELECT id, title, depends_on FROM milestones WHERE project_id = ?',
    args: [projectId],
  });
  return new Map(
    result.rows.map((r) => [
      String(r.id),
      { title: String(r.title), dependsOn: JSON.parse(String(r.depends_on)) as string[] },
    ]),
  );
}

/** `client` adds a milestone; returns its id once the room has relayed it. */
async function add(
  room: Parameters<typeof send>[0],
  client: Client,
  title: string,
  dependsOn: string[] = [],
) {
  let id = '';
  const sent = send(room, client, (d) => {
    id = createMilestone(d, { title, stage: 0, dependsOn }, client.conn.id);
  });
  expect(sent.refused).toBeNull();
  await nextTurn();
  return id;
}

describe('milestones created within one projection window', () => {
  it('projects every one and audits each creation under the author who made it', async () => {
    const projectId = await newProject(db);
    const { room, projection } = await openProjectedRoom(db, projectId);
    const clients = ['a', 'b', 'c'].map((w) => join(room, w));
    for (const c of clients) sync(room, c);
    for (let i = 0; i < 3; i++) await add(room, clients[0]!, `Existing ${i}`);
    await projection.flush();
    const from = await lastSeq(db);

    const made: { id: string; title: string; author: string }[] = [];
    for (let i = 0; i < 12; i++) {
      const client = clients[(i * 7) % 3]!;
      const title = `New ${i}`;
      made.push({ id: await add(room, client, title), title, author: `user-${client.conn.id}` });
    }
    await projection.flush();

    const projected = await rows(projectId);
    expect(projected.size).toBe(15);
    for (const m of made) expect(projected.get(m.id)?.title).toBe(m.title);
    const entries = await auditAfter(db, projectId, from);
    // one entry per creation, nothing said of the milestones that were there
    expect(entries.map((e) => [e.entityId, e.action, e.actorId]).sort()).toEqual(
      made.map((m) => [m.id, 'create', m.author]).sort(),
    );
    await room.close();
  });

  it('reads again the dependencies of a milestone whose dependency is deleted, then made again', async () => {
    const projectId = await newProject(db);
    const { room, projection } = await openProjectedRoom(db, projectId);
    const [a, b] = [join(room, 'a'), join(room, 'b')];
    sync(room, a);
    sync(room, b);
    const x = await add(room, a, 'Dependency');
    const m = await add(room, a, 'Dependent', [x]);
    await projection.flush();
    expect((await rows(projectId)).get(m)?.dependsOn).toEqual([x]);

    // Deleted by itself (as a concurrent deletion leaves it): the dependent's list still names it.
    expect(send(room, b, (d) => d.getMap('milestones').delete(x)).refused).toBeNull();
    await nextTurn();
    await projection.flush();
    let projected = await rows(projectId);
    expect(projected.has(x)).toBe(false);
    expect(projected.get(m)?.dependsOn).toEqual([]);

    // Made again under the same id (as a gate decision's milestone is): the dependency is back.
    const again = send(room, a, (d) => void createMilestoneWithId(d, x, { title: 'Dependency' }, 'a'));
    expect(again.refused).toBeNull();
    await nextTurn();
    await projection.flush();
    projected = await rows(projectId);
    expect(projected.get(x)?.title).toBe('Dependency');
    expect(projected.get(m)?.dependsOn).toEqual([x]);
    await room.close();
  });
});
