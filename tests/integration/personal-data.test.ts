/**
 * Personal data and the audit chain: new entries hold ids, never a name or an address; a cluster
 * manager erases a deactivated person's identifying data and the chain still verifies; a person's
 * data, with every audit entry about them, is exported to a cluster manager or to themselves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPersonData } from '../../server/audit/person-export.ts';
import { loadActor } from '../../server/auth/actor.ts';
import { DEMO_PASSWORD } from '../../server/db/seed/demo.ts';
import { ERASED_PERSON_NAME } from '../../shared/schemas/people.ts';
import { createAccount } from '../support/accounts.ts';
import { ApiClient, signedIn } from '../support/client.ts';
import { meetMustCriteria } from '../support/gates.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
const as: Record<string, ApiClient> = {};
let project: { id: string; stage: number; track: string };
let managerId: string;

beforeAll(async () => {
  server = await startTestServer();
  for (const who of ['manager', 'lead', 'researcher'])
    as[who] = await signedIn(server.url, `${who}@demo.jalon`);
  project = (await as.lead!.get('/api/projects')).body.projects.find((p: { stage: number }) => p.stage < 5);
  managerId = (await as.manager!.get('/api/me')).body.user.id;
});
afterAll(() => server?.close());

/** The stored audit rows matching `where`, each as the raw JSON of its columns. */
async function rawRows(where: string, args: string[]): Promise<string[]> {
  const rows = await server.deps.db.$client.execute({
    sql: `SELECT * FROM audit_events WHERE ${where}`,
    args,
  });
  return rows.rows.map((r) => JSON.stringify(r));
}

/**
 * A newcomer with an account, made a contributor of the project, who wrote one comment (without
 * their name in it: what people type is content, which erasure leaves as written).
 */
async function contributor(name: string, email: string): Promise<{ id: string; api: ApiClient }> {
  const id = await createAccount(server, { name, email, password: DEMO_PASSWORD });
  const added = await as.lead!.post(`/api/projects/${project.id}/members`, { email, role: 'contributor' });
  expect(added.status, JSON.stringify(added.body)).toBe(201);
  const api = await signedIn(server.url, email);
  const milestones = (await api.get(`/api/projects/${project.id}/milestones`)).body.milestones;
  const comment = { milestoneId: milestones[0].id, body: 'A note from the bench', visibility: 'team' };
  expect((await api.post(`/api/projects/${project.id}/comments`, comment)).status).toBe(201);
  return { id, api };
}

const verified = async () => (await as.manager!.get('/api/audit/verify')).body;

describe('what the chain hashes', () => {
  it("a gate decision's entry names its signer by id, never by name or address", async () => {
    await meetMustCriteria(server.url, as.lead!, project);
    const review = await as.lead!.post(`/api/projects/${project.id}/gates`);
    expect(review.status).toBe(201);
    const signed = await as.manager!.post(`/api/projects/${project.id}/gates/${review.body.id}/decision`, {
      outcome: 'go',
      rationale: 'All must-meet criteria are evidenced.',
      conditions: [],
      password: DEMO_PASSWORD,
    });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    const [row] = await rawRows("entity = 'gate_decision' AND entity_id = ?", [signed.body.decision.id]);
    expect(row).toContain(managerId);
    expect(row).not.toContain('Hélène');
    expect(row).not.toContain('Marchand');
    expect(row).not.toContain('manager@demo.jalon');
  });

  it("an invitation's entries, sent and revoked, hold its id and role, never the address", async () => {
    const email = 'outside.expert@example.org';
    const sent = await as.lead!.post(`/api/projects/${project.id}/members`, { email, role: 'observer' });
    expect(sent.status).toBe(201);
    const invitationId: string = sent.body.invitation.id;
    expect((await as.lead!.delete(`/api/projects/${project.id}/invitations/${invitationId}`)).status).toBe(
      204,
    );
    const rows = await rawRows("entity = 'invitation' AND entity_id = ?", [invitationId]);
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row).toContain('observer');
      expect(row).not.toContain('outside.expert');
      expect(row).not.toContain('example.org');
    }
  });
});

describe('erasure on request', () => {
  let zoe: { id: string; api: ApiClient };
  const name = 'Zoé Vasseur-Lindqvist';
  const email = 'zoe.vasseur@example.org';

  beforeAll(async () => {
    zoe = await contributor(name, email);
  });

  it('is refused to anyone but a cluster manager, and for an account still in use', async () => {
    const byLead = await as.lead!.post(`/api/people/${zoe.id}/erase`);
    expect(byLead.status).toBe(403);
    expect(byLead.body.error.code).toBe('forbidden');
    const active = await as.manager!.post(`/api/people/${zoe.id}/erase`);
    expect(active.status).toBe(409);
    expect(active.body.error.message).toMatch(/deactivate/i);
    expect((await as.manager!.post('/api/people/no-such-person/erase')).status).toBe(404);
    // nothing changed: she still reads under her name
    const members = (await as.lead!.get(`/api/projects/${project.id}/members`)).body.members;
    expect(members.find((m: { userId: string }) => m.userId === zoe.id).name).toBe(name);
  });

  it('removes her name and address everywhere; her entries stay, and the chain still verifies', async () => {
    const feed = async () =>
      (await as.lead!.get(`/api/projects/${project.id}/activity?actorId=${zoe.id}`)).body;
    expect(JSON.stringify(await feed())).toContain(name);
    expect((await as.manager!.post(`/api/people/${zoe.id}/deactivate`)).status).toBe(200);
    expect((await as.lead!.post(`/api/people/${zoe.id}/erase`)).status).toBe(403);

    const erased = await as.manager!.post(`/api/people/${zoe.id}/erase`);
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ id: zoe.id, erasedAt: expect.any(String) });

    // the activity feed still lists what she did, under the erased name
    const after = await feed();
    expect(after.events.length).toBeGreaterThan(0);
    for (const e of after.events) expect(e.actor).toEqual({ id: zoe.id, name: ERASED_PERSON_NAME });
    expect(JSON.stringify(after)).not.toContain('Vasseur');
    // so do the member list and its invitations
    const members = JSON.stringify((await as.lead!.get(`/api/projects/${project.id}/members`)).body);
    expect(members).toContain(ERASED_PERSON_NAME);
    expect(members).not.toContain('Vasseur');
    expect(members).not.toContain(email);
    // no row of the database holds her address any more, and she cannot sign in with it
    const [left] = (
      await server.deps.db.$client.execute({
        sql: "SELECT count(*) AS n FROM user WHERE email = ? OR name LIKE '%Vasseur%'",
        args: [email],
      })
    ).rows;
    expect(left!.n).toBe(0);
    expect((await new ApiClient(server.url).signIn(email)).status).not.toBe(200);
    // the audit trail verifies, and records who erased whom, by id
    expect(await verified()).toMatchObject({ ok: true });
    const [entry] = await rawRows("entity = 'user' AND entity_id = ? AND action = 'erase'", [zoe.id]);
    expect(JSON.parse(entry!)).toMatchObject({ actor_id: managerId });
    expect(entry).not.toContain('Vasseur');
  });

  it('cannot be undone: the account stays erased and cannot be reactivated', async () => {
    const again = await as.manager!.post(`/api/people/${zoe.id}/reactivate`);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/erased/i);
    const twice = await as.manager!.post(`/api/people/${zoe.id}/erase`);
    expect(twice.status).toBe(200);
    expect(twice.body.erasedAt).toEqual(expect.any(String));
    expect(await verified()).toMatchObject({ ok: true });
  });
});

describe('the export of what the log holds about one person', () => {
  let yann: { id: string; api: ApiClient };

  beforeAll(async () => {
    yann = await contributor('Yann Kerbrat', 'yann.kerbrat@example.org');
    // someone else's entry, which Yann's export must not hold
    const milestones = (await as.lead!.get(`/api/projects/${project.id}/milestones`)).body.milestones;
    const comment = { milestoneId: milestones[0].id, body: 'The lead’s own note', visibility: 'team' };
    expect((await as.lead!.post(`/api/projects/${project.id}/comments`, comment)).status).toBe(201);
  });

  it('is refused to a lead or a researcher asking about someone else', async () => {
    for (const who of ['lead', 'researcher']) {
      const reply = await as[who]!.get(`/api/people/${yann.id}/audit-export`);
      expect(reply.status, who).toBe(403);
      expect(JSON.stringify(reply.body)).not.toContain('Kerbrat');
    }
  });

  it('gives a cluster manager everything about the person, as a download, and nothing about others', async () => {
    const reply = await as.manager!.get(`/api/people/${yann.id}/audit-export`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-disposition')).toMatch(
      /^attachment; filename="jalon-person-.+\.json"$/,
    );
    const data = reply.body;
    expect(data.person).toMatchObject({
      id: yann.id,
      name: 'Yann Kerbrat',
      email: 'yann.kerbrat@example.org',
    });
    expect(data.memberships).toEqual([
      expect.objectContaining({ projectId: project.id, role: 'contributor' }),
    ]);
    expect(data.audit).toMatchObject({ complete: true, next: null });
    const entries = data.audit.entries as {
      actorId: string;
      entity: string;
      entityId: string;
      seq: number;
    }[];
    // what he did (his comment) and what was done to him (his membership, by the lead)
    expect(entries.some((e) => e.entity === 'comment' && e.actorId === yann.id)).toBe(true);
    expect(entries.some((e) => e.entity === 'member' && e.entityId === `${project.id}:${yann.id}`)).toBe(
      true,
    );
    for (const e of entries) expect(e.actorId === yann.id || e.entityId.endsWith(yann.id)).toBe(true);
    expect(JSON.stringify(data)).not.toContain('The lead’s own note');
    expect(entries.map((e) => e.seq)).toEqual([...entries.map((e) => e.seq)].sort((a, b) => a - b));
  });

  it('gives the person their own export', async () => {
    const own = await yann.api.get(`/api/people/${yann.id}/audit-export`);
    expect(own.status).toBe(200);
    expect(own.body.person.id).toBe(yann.id);
    expect((await yann.api.get(`/api/people/${managerId}/audit-export`)).status).toBe(403);
    expect((await as.manager!.get('/api/people/no-such-person/audit-export')).status).toBe(404);
  });

  it('stops at its size limit with a clear message, and continues from there to the end', async () => {
    const [row] = await server.deps.db.$client
      .execute({
        sql: 'SELECT id, name, email FROM user WHERE id = ?',
        args: [managerId],
      })
      .then((r) => r.rows);
    const manager = await loadActor(
      server.deps.db,
      row as unknown as { id: string; name: string; email: string },
    );
    const all = (await exportPersonData(server.deps, manager, yann.id)).audit.entries.map((e) => e.seq);
    const first = await exportPersonData(server.deps, manager, yann.id, { limit: 2 });
    expect(first.audit.complete).toBe(false);
    expect(first.audit.message).toMatch(/first 2 entries.*after=/);
    const seen = first.audit.entries.map((e) => e.seq);
    let next = first.audit.next;
    while (next !== null) {
      const page = await exportPersonData(server.deps, manager, yann.id, { limit: 2, after: next });
      seen.push(...page.audit.entries.map((e) => e.seq));
      next = page.audit.next;
    }
    // every export is itself recorded, so the later pages hold the first exports' entries too
    expect(seen.slice(0, all.length)).toEqual(all);
    const bad = await as.manager!.get(`/api/people/${yann.id}/audit-export?after=-3`);
    expect(bad.status).toBe(400);
  });
});
