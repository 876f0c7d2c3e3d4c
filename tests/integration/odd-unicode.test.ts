/**
 * Whatever a user can type round-trips exactly, and the audit chain still verifies: every
 * free-text field a user writes over the API refuses half a surrogate pair or NUL with a 400
 * naming the field (writing nothing), and keeps every other odd character as sent. One row per
 * field: adding a field is adding a row.
 */
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditEvents } from '../../server/db/schema/index.ts';
import { DEMO_PASSWORD } from '../../server/db/seed/demo.ts';
import { ApiClient, type Reply, signedIn } from '../support/client.ts';
import { meetMustCriteria } from '../support/gates.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { allOdd, changedTables, NAME_ODD, ODD, REFUSED, rowCounts } from './odd-unicode.fixtures.ts';

let server: TestServer;
const as: Record<string, ApiClient> = {};
let project: { id: string; stage: number; track: string };
let milestoneId: string;
let slot: { id: string; form: { key: string; label: { en: string; fr: string } }[] };
let antoineId: string;
/** a mentor request to Antoine Rousseau still waiting for his answer */
let pendingMentorRequest: string | null = null;
let reviewId: string | null = null;
let invited = 0;
let invitation: string;

const who: Record<string, string> = { antoine: 'antoine.rousseau@demo.jalon' };
for (const w of ['manager', 'lead', 'mentor', 'partner', 'platform']) who[w] = `${w}@demo.jalon`;

beforeAll(async () => {
  server = await startTestServer();
  for (const [key, email] of Object.entries(who)) as[key] = await signedIn(server.url, email);
  project = (await as.lead!.get('/api/projects')).body.projects.find((p: { stage: number }) => p.stage < 5);
  milestoneId = (await as.lead!.get(`/api/projects/${project.id}/milestones`)).body.milestones[0].id;
  slot = (await as.lead!.get('/api/services')).body.services.find(
    (s: { slug: string }) => s.slug === 'cell-therapy-production-slot',
  );
  antoineId = (await as.antoine!.get('/api/me')).body.user.id;
});
afterAll(() => server?.close());

const projectPath = () => `/api/projects/${project.id}`;
const mentorRequests = async () =>
  (await as.lead!.get(`${projectPath()}/mentor-requests`)).body.requests as {
    id: string;
    message: string;
    response: string | null;
  }[];
const gate = async () => (await as.lead!.get(`${projectPath()}/gates`)).body.reviews[0];

async function askAntoine(message: string) {
  if (pendingMentorRequest)
    await as.antoine!.post(`/api/mentor-requests/${pendingMentorRequest}/response`, { decision: 'decline' });
  const reply = await as.lead!.post(`${projectPath()}/mentor-requests`, { mentorId: antoineId, message });
  if (reply.status === 201) pendingMentorRequest = reply.body.id;
  return reply;
}

async function openReview(): Promise<string> {
  if (reviewId) return reviewId;
  const must = await meetMustCriteria(server.url, as.lead!, project);
  // The criteria reach the audit log from the document in the background: let them land first.
  const criteriaAudited = async () =>
    (
      await server.deps.db
        .select({ n: count() })
        .from(auditEvents)
        .where(and(eq(auditEvents.projectId, project.id), eq(auditEvents.entity, 'criterion')))
    )[0]!.n;
  await vi.waitFor(async () => expect(await criteriaAudited()).toBeGreaterThanOrEqual(must.length), {
    timeout: 5000,
  });
  const review = await as.lead!.post(`${projectPath()}/gates`);
  expect(review.status, JSON.stringify(review.body)).toBe(201);
  const mentorId = (await as.mentor!.get('/api/me')).body.user.id;
  await as.manager!.post(`${projectPath()}/gates/${review.body.id}/reviewers`, { userId: mentorId });
  reviewId = review.body.id as string;
  return reviewId;
}

const decide = (rationale: string, conditionTitle: string) =>
  as.manager!.post(`${projectPath()}/gates/${reviewId}/decision`, {
    outcome: 'conditional_go',
    rationale,
    conditions: [{ title: conditionTitle, due: '2027-03-31' }],
    password: DEMO_PASSWORD,
  });

async function inviteToken(): Promise<string> {
  const reply = await as.lead!.post(`${projectPath()}/members`, {
    email: `newcomer${++invited}@example.org`,
    role: 'contributor',
  });
  return reply.body.invitation.link.split('/').pop();
}

interface TextField {
  /** the field's path in the request body, as a 400 names it */
  path: string;
  /** what is written, in a user's words */
  what: string;
  /** runs before the database is compared (work the refused request must not undo or redo) */
  prepare?: () => Promise<void>;
  write: (text: string) => Promise<Reply<any>>;
  /** every place the accepted text is read back over the API; absent: refusal only */
  readBack?: (reply: Reply<any>) => Promise<string[]>;
  /** the odd text this field accepts (default: every sample) */
  odd?: string;
}

const fields: TextField[] = [
  {
    what: 'project title',
    path: 'title',
    write: (title) => as.lead!.patch(projectPath(), { title }),
    readBack: async () => [(await as.lead!.get(projectPath())).body.title],
  },
  {
    what: 'project summary',
    path: 'summary',
    write: (summary) => as.lead!.patch(projectPath(), { summary }),
    readBack: async () => [(await as.lead!.get(projectPath())).body.summary],
  },
  {
    what: 'comment',
    path: 'body',
    write: (body) => as.lead!.post(`${projectPath()}/comments`, { milestoneId, body }),
    readBack: async (reply) =>
      (await as.lead!.get(`${projectPath()}/comments`)).body.comments
        .filter((c: { id: string }) => c.id === reply.body.id)
        .map((c: { body: string }) => c.body),
  },
  {
    what: 'mentor request',
    path: 'message',
    write: (message) => askAntoine(message),
    readBack: async (reply) =>
      (await mentorRequests()).filter((r) => r.id === reply.body.id).map((r) => r.message),
  },
  {
    what: 'mentor’s reply',
    path: 'response',
    prepare: async () => {
      if (!pendingMentorRequest) expect((await askAntoine('Would you advise us?')).status).toBe(201);
    },
    write: async (response) => {
      const id = pendingMentorRequest;
      const reply = await as.antoine!.post(`/api/mentor-requests/${id}/response`, {
        decision: 'decline',
        response,
      });
      if (reply.status === 200) pendingMentorRequest = null;
      return { ...reply, body: { ...reply.body, id } };
    },
    readBack: async (reply) =>
      (await mentorRequests()).filter((r) => r.id === reply.body.id).map((r) => r.response ?? ''),
  },
  {
    what: 'service request answer',
    path: 'answers.product',
    write: (product) =>
      as.lead!.post(`${projectPath()}/service-requests`, {
        serviceId: slot.id,
        answers: { product, lot_purpose: 'engineering_run', batches: 2, wished_date: '2027-01-18' },
      }),
    readBack: async (reply) => [
      (await as.lead!.get(`/api/service-requests/${reply.body.id}`)).body.answers.product,
    ],
  },
  {
    what: 'handler’s comment on a service request',
    path: 'comment',
    write: async (comment) => {
      const requests = (await as.platform!.get('/api/service-queue')).body.requests as { id: string }[];
      return as.platform!.patch(`/api/service-requests/${requests[0]!.id}`, { comment });
    },
    readBack: async (reply) => {
      const events = (await as.platform!.get(`/api/service-requests/${reply.body.id}`)).body.events;
      return [events.at(-1).comment];
    },
  },
  {
    what: 'service name',
    path: 'name.en',
    write: (en) => as.manager!.patch(`/api/services/${slot.id}`, { name: { en, fr: 'Créneau' } }),
    readBack: async () => [(await as.manager!.get(`/api/services/${slot.id}`)).body.name.en],
  },
  {
    what: 'service description',
    path: 'description.fr',
    write: (fr) => as.manager!.patch(`/api/services/${slot.id}`, { description: { en: 'Slot', fr } }),
    readBack: async () => [(await as.manager!.get(`/api/services/${slot.id}`)).body.description.fr],
  },
  {
    what: 'label of a service’s form field',
    path: 'form.0.label.en',
    write: (en) => {
      const [first, ...rest] = slot.form;
      return as.manager!.patch(`/api/services/${slot.id}`, {
        form: [{ ...first, label: { ...first!.label, en } }, ...rest],
      });
    },
    readBack: async () => [(await as.manager!.get(`/api/services/${slot.id}`)).body.form[0].label.en],
  },
  {
    what: 'API token name',
    path: 'name',
    write: (name) => as.lead!.post('/api/me/tokens', { name }),
    readBack: async (reply) =>
      (await as.lead!.get('/api/me/tokens')).body.tokens
        .filter((t: { id: string }) => t.id === reply.body.id)
        .map((t: { name: string }) => t.name),
  },
  {
    what: 'display name (profile)',
    path: 'name',
    odd: NAME_ODD,
    write: (name) => as.partner!.post('/api/auth/update-user', { name }),
    readBack: async () => [(await as.partner!.get('/api/me')).body.user.name],
  },
  {
    what: 'invited newcomer’s name',
    path: 'name',
    // not the same name as the member whose display name was made odd above
    odd: `Nora ${allOdd([ODD.flags, ODD.emojiSkinTone, 'a\u0308', '𰻞'])}`,
    prepare: async () => {
      invitation = await inviteToken();
    },
    write: async (name) => {
      const reply = await new ApiClient(server.url).post(`/api/invitations/${invitation}/account`, {
        name,
        password: 'a sturdy passphrase 1984',
      });
      return { ...reply, body: { ...reply.body, email: `newcomer${invited}@example.org` } };
    },
    readBack: async (reply) =>
      (await as.lead!.get(`${projectPath()}/members`)).body.members
        .filter((m: { email: string }) => m.email === reply.body.email)
        .map((m: { name: string }) => m.name),
  },
  {
    what: 'invitation address',
    path: 'email',
    write: (email) => as.lead!.post(`${projectPath()}/members`, { email, role: 'contributor' }),
  },
  {
    what: 'password at sign-in',
    path: 'password',
    write: (password) =>
      new ApiClient(server.url).post('/api/auth/sign-in/email', { email: 'lead@demo.jalon', password }),
  },
  {
    what: 'gate recommendation',
    path: 'rationale',
    prepare: async () => void (await openReview()),
    write: (rationale) =>
      as.mentor!.post(`${projectPath()}/gates/${reviewId}/recommendation`, {
        scores: {},
        recommendation: 'go',
        rationale,
      }),
    readBack: async () => [(await gate()).recommendations[0].rationale],
  },
  {
    what: 'declared conflict of interest',
    path: 'conflictOfInterest',
    prepare: async () => void (await openReview()),
    write: (conflictOfInterest) =>
      as.mentor!.post(`${projectPath()}/gates/${reviewId}/recommendation`, {
        scores: {},
        recommendation: 'go',
        rationale: 'Ready.',
        conflictOfInterest,
      }),
    readBack: async () => [(await gate()).recommendations[0].conflictOfInterest],
  },
  {
    what: 'condition of a gate decision',
    path: 'conditions.0.title',
    prepare: async () => void (await openReview()),
    // accepted text is read back with the rationale: a review takes one decision
    write: (title) => decide('Proceed.', title),
  },
  {
    what: 'gate decision rationale, and its condition (a milestone)',
    path: 'rationale',
    prepare: async () => void (await openReview()),
    write: (text) => decide(text, text),
    readBack: async () => {
      const { decision } = await gate();
      // The conditions become milestones once the decision is committed: wait for one.
      const titles = async () =>
        (await as.lead!.get(`${projectPath()}/milestones`)).body.milestones.map(
          (m: { title: string }) => m.title,
        );
      const milestone = await vi.waitFor(
        async () => {
          const found = (await titles()).find((t: string) => t === decision.conditions[0].title);
          expect(found).toBeDefined();
          return found;
        },
        { timeout: 5000 },
      );
      return [decision.rationale, decision.conditions[0].title, milestone];
    },
  },
];

describe('text the database cannot keep, in a free-text field', () => {
  it.each(
    fields.flatMap((field) =>
      Object.entries(REFUSED).map(([kind, refused]) => ({ ...field, kind, ...refused })),
    ),
  )('$what ($kind): 400 naming $path, nothing written', async (field) => {
    await field.prepare?.();
    // what earlier edits of the project document still owe the database, written now
    await server.realtime.store.flush();
    const before = await rowCounts(server.databaseUrl);
    const reply = await field.write(field.text);
    expect(reply.status, JSON.stringify(reply.body).slice(0, 300)).toBe(400);
    expect(reply.body.error.code).toBe('invalid_input');
    expect(reply.body.error.message).toContain(`${field.path}: `);
    expect(reply.body.error.message).toMatch(field.message);
    expect(reply.body.error.issues[0].path).toBe(field.path);
    expect(changedTables(before, await rowCounts(server.databaseUrl))).toEqual([]);
  });
});

describe('odd but well-formed text in a free-text field', () => {
  it.each(fields.filter((f) => f.readBack))('$what: kept exactly as sent', async (field) => {
    await field.prepare?.();
    const text = field.odd ?? allOdd();
    const reply = await field.write(text);
    expect(reply.status, JSON.stringify(reply.body).slice(0, 300)).toBeLessThan(300);
    const stored = await field.readBack!(reply);
    expect(stored.length).toBeGreaterThan(0);
    for (const value of stored) expect(value).toBe(text);
  });

  it('leaves the audit chain verifiable', async () => {
    const verify = await as.manager!.get('/api/audit/verify');
    expect(verify.status).toBe(200);
    expect(verify.body.ok).toBe(true);
  });
});

describe('the edge of every request', () => {
  const raw = (path: string, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, {
      ...init,
      headers: { origin: server.url, cookie: as.lead!.cookie, 'content-type': 'application/json' },
    }).then(async (res) => ({ status: res.status, body: await res.json() }));

  it('refuses a query parameter or a path that is not UTF-8 or holds NUL, naming it', async () => {
    const surrogate = await raw('/api/search?limit=5&q=cell%ED%A0%80');
    expect(surrogate.status).toBe(400);
    expect(surrogate.body.error).toMatchObject({
      code: 'invalid_input',
      issues: [{ path: 'query parameter q' }],
    });
    expect((await raw('/api/search?q=a%00b')).body.error.message).toMatch(/query parameter q: .*NUL/);
    const path = await raw('/api/projects/%ED%A0%80');
    expect(path.status).toBe(400);
    expect(path.body.error.issues[0].path).toBe('(path)');
  });

  it('finds a project by odd text, and shows it as written', async () => {
    const title = (await as.lead!.get(projectPath())).body.title;
    const hits = await as.lead!.get(`/api/search?q=${encodeURIComponent('𠀀𪚥𰻞')}`);
    expect(hits.status).toBe(200);
    expect(hits.body.hits.map((h: { title: string }) => h.title)).toContain(title);
  });

  it('refuses a body that is not UTF-8, a key holding half a pair, and absurd nesting', async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('{"summary":"a'),
      0xed,
      0xa0,
      0x80,
      0x22,
      0x7d,
    ]);
    const notUtf8 = await raw(projectPath(), { method: 'PATCH', body: bytes });
    expect(notUtf8.status).toBe(400);
    expect(notUtf8.body.error.message).toMatch(/\(body\): is not UTF-8/);

    const key = await as.lead!.post(`${projectPath()}/service-requests`, {
      serviceId: slot.id,
      answers: { 'pro\ud800duct': 'x' },
    });
    expect(key.status).toBe(400);
    expect(key.body.error.issues[0]).toMatchObject({ path: 'answers.pro\ufffdduct', message: /its name/ });

    const deep = `${'['.repeat(10_000)}"bottom"${']'.repeat(10_000)}`;
    const nested = await raw(projectPath(), { method: 'PATCH', body: `{"summary":${deep}}` });
    expect(nested.status).toBe(400);
    expect(nested.body.error.message).toMatch(/nested deeper than 32 levels/);
  });
});
