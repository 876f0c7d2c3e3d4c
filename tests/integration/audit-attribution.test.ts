/**
 * Who an audit entry names when several people change the same milestone within one projection
 * window: each change is its author's, in the trail, the activity feed and the weekly digest.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditEvents } from '../../server/db/schema/index.ts';
import { createMilestone, docName, updateMilestone } from '../../shared/doc/index.ts';
import { type ApiClient, signedIn } from '../support/client.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { type Peer, peer, until } from '../support/socket.ts';

let server: TestServer;
let lead: ApiClient;
let researcher: ApiClient;
let projectId: string;
const peers: Peer[] = [];
const people: Record<'lead' | 'researcher', { id: string; name: string }> = {
  lead: { id: '', name: '' },
  researcher: { id: '', name: '' },
};

beforeAll(async () => {
  server = await startTestServer();
  lead = await signedIn(server.url, 'lead@demo.jalon');
  researcher = await signedIn(server.url, 'researcher@demo.jalon');
  projectId = (await lead.get('/api/projects')).body.projects[0].id;
  for (const [who, api] of [
    ['lead', lead],
    ['researcher', researcher],
  ] as const) {
    const { user } = (await api.get('/api/me')).body;
    people[who] = { id: user.id, name: user.name };
  }
});
afterAll(async () => {
  for (const p of peers) p.close();
  await server?.close();
});

const entriesOf = (id: string) =>
  server.deps.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entity, 'milestone'), eq(auditEvents.entityId, id)))
    .orderBy(auditEvents.seq);

describe('attribution within one projection window', () => {
  it('names the lead for the rename and the researcher for the status set 150 ms later', async () => {
    const a = await peer(server.url, 'lead@demo.jalon', docName(projectId));
    const b = await peer(server.url, 'researcher@demo.jalon', docName(projectId));
    peers.push(a, b);
    const id = createMilestone(a.doc, { title: 'Master cell bank', status: 'planned', stage: 2 }, 'lead');
    await a.provider.whenSaved();
    await until(b.doc, () => b.doc.getMap('milestones').has(id));
    // The creation is projected on its own: the two edits below share the next window.
    await vi.waitFor(async () => expect(await entriesOf(id)).toHaveLength(1), {
      timeout: 5000,
      interval: 25,
    });

    const renamedAt = Date.now();
    updateMilestone(a.doc, id, { title: 'Master cell bank (GMP)' }, 'lead');
    await a.provider.whenSaved();
    updateMilestone(b.doc, id, { status: 'in_progress' }, 'researcher');
    await b.provider.whenSaved();
    expect(Date.now() - renamedAt).toBeLessThan(250);

    await vi.waitFor(async () => expect((await entriesOf(id)).length).toBeGreaterThanOrEqual(3), {
      timeout: 5000,
      interval: 25,
    });
    const updates = (await entriesOf(id)).filter((e) => e.action === 'update');
    expect(updates.map((e) => [e.field, e.actorId, e.before, e.after])).toEqual([
      ['title', people.lead.id, 'Master cell bank', 'Master cell bank (GMP)'],
      ['status', people.researcher.id, 'planned', 'in_progress'],
    ]);

    // The activity feed reads the same entries.
    const feed = await lead.get(`/api/projects/${projectId}/activity?entityId=${id}`);
    expect(feed.status).toBe(200);
    const byField = new Map(
      feed.body.events.map((e: { field: string | null; actor: { id: string } | null }) => [
        e.field,
        e.actor?.id,
      ]),
    );
    expect(byField.get('title')).toBe(people.lead.id);
    expect(byField.get('status')).toBe(people.researcher.id);

    // The digest's line for the status names the researcher, not the lead.
    const digest = await researcher.get('/api/me/digest');
    expect(digest.status).toBe(200);
    const line = (digest.body.html as string)
      .split(/<li[^>]*>/)
      .find((item) => item.includes('Master cell bank (GMP)') && item.includes('Planned → In progress'));
    expect(line).toBeDefined();
    expect(line).toContain(`by ${people.researcher.name}`);
    expect(line).not.toContain(people.lead.name);
  });
});
