/**
 * Evidence files on criteria, readiness scores and milestones: stored once per content, versioned,
 * typed from their bytes, size-limited, hidden as the project's confidentiality and the team-only
 * switch say, every download logged, and the versions a gate decision was signed on recorded.
 */
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, evidenceBlobs, gateCriteria, milestones } from '../../server/db/schema/index.ts';
import { DEMO_PASSWORD } from '../../server/db/seed/demo.ts';
import { type ApiClient, signedIn } from '../support/client.ts';
import { meetMustCriteria } from '../support/gates.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
const as: Record<string, ApiClient> = {};
let project: { id: string; stage: number; track: string };
let milestoneId: string;
let mustCriterionId: string;

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const pdf = (text: string) =>
  Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
const EXE = Buffer.concat([
  Buffer.from('MZ'),
  Buffer.alloc(64),
  Buffer.from('This program cannot be run in DOS mode'),
]);

/** Uploads raw bytes, as the browser's file input does. */
async function upload(
  client: ApiClient,
  path: string,
  bytes: Uint8Array | ReadableStream<Uint8Array>,
  headers: Record<string, string> = {},
) {
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { origin: server.url, cookie: client.cookie, 'content-type': 'application/pdf', ...headers },
    body: bytes,
    // a stream body is sent chunked, without a Content-Length
    ...(bytes instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
  return { status: res.status, body: await res.json() };
}

const attach = (
  client: ApiClient,
  kind: string,
  target: string,
  name: string,
  bytes: Uint8Array,
  teamOnly = false,
) =>
  upload(
    client,
    `/api/projects/${project.id}/evidence/${kind}/${target}?name=${encodeURIComponent(name)}&teamOnly=${teamOnly}`,
    bytes,
  );

async function download(client: ApiClient, versionId: string) {
  const res = await fetch(`${server.url}/api/projects/${project.id}/evidence-versions/${versionId}/file`, {
    headers: { cookie: client.cookie },
  });
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    bytes: Buffer.from(await res.arrayBuffer()),
  };
}

const fileNames = async (client: ApiClient) => {
  const reply = await client.get(`/api/projects/${project.id}/evidence`);
  return reply.status === 200
    ? (reply.body.items as { versions: { fileName: string }[] }[]).flatMap((i) =>
        i.versions.map((v) => v.fileName),
      )
    : reply.status;
};

beforeAll(async () => {
  server = await startTestServer();
  for (const who of ['manager', 'lead', 'researcher', 'mentor', 'partner', 'julien.moreau'])
    as[who] = await signedIn(server.url, `${who}@demo.jalon`);
  project = (await as.lead!.get('/api/projects')).body.projects.find((p: { title: string }) =>
    p.title.startsWith('VCT-201'),
  );
  const [milestone] = await server.deps.db
    .select({ id: milestones.id })
    .from(milestones)
    .where(eq(milestones.projectId, project.id))
    .limit(1);
  milestoneId = milestone!.id;
  const [must] = await server.deps.db
    .select({ id: gateCriteria.id })
    .from(gateCriteria)
    .where(
      and(
        eq(gateCriteria.frameworkId, project.track),
        eq(gateCriteria.stageIndex, project.stage),
        eq(gateCriteria.kind, 'must'),
      ),
    )
    .limit(1);
  mustCriterionId = must!.id;
});
afterAll(() => server?.close());

describe('evidence files', () => {
  it('stores the same bytes once, whoever uploads them and wherever', async () => {
    const blobs = async () => (await server.deps.db.select({ n: count() }).from(evidenceBlobs))[0]!.n;
    const before = await blobs();
    const bytes = pdf('GLP toxicology final report, study VC-TOX-07');
    const first = await attach(as.lead!, 'milestone', milestoneId, 'GLP tox report.pdf', bytes);
    expect(first.status).toBe(201);
    expect(first.body.versions[0]).toMatchObject({
      version: 1,
      fileName: 'GLP tox report.pdf',
      mimeType: 'application/pdf',
      size: bytes.length,
      uploadedBy: { name: 'Claire Dubois' },
    });
    expect(first.body.versions[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    const second = await attach(as.researcher!, 'readiness', 'technology', 'tox-copy.pdf', bytes);
    expect(second.status).toBe(201);
    expect(second.body.versions[0].sha256).toBe(first.body.versions[0].sha256);
    expect(await blobs()).toBe(before + 1);
    // the upload is in the audit trail
    const audited = await server.deps.db
      .select({ n: count() })
      .from(auditEvents)
      .where(
        and(eq(auditEvents.entity, 'evidence_version'), eq(auditEvents.entityId, first.body.versions[0].id)),
      );
    expect(audited[0]!.n).toBe(1);
  });

  it('keeps version 1 listed and readable after version 2', async () => {
    const v1 = pdf('Process validation plan, draft');
    const created = await attach(as.lead!, 'readiness', 'manufacturing', 'PPQ plan.pdf', v1);
    const itemId = created.body.id;
    const v2 = await upload(
      as.researcher!,
      `/api/projects/${project.id}/evidence-items/${itemId}/versions?name=PPQ%20plan%20v2.pdf`,
      PNG,
    );
    expect(v2.status).toBe(201);
    expect(
      v2.body.versions.map((v: { version: number; mimeType: string }) => [v.version, v.mimeType]),
    ).toEqual([
      [2, 'image/png'],
      [1, 'application/pdf'],
    ]);
    const old = await download(as.partner!, created.body.versions[0].id);
    expect(old.status).toBe(200);
    expect(old.type).toBe('application/pdf');
    expect(old.bytes.equals(v1)).toBe(true);
    const latest = await download(as.partner!, v2.body.versions[0].id);
    expect(latest.bytes.equals(PNG)).toBe(true);
  });

  it('refuses a file over the limit, naming it, whether its length is declared or streamed', async () => {
    const tooBig = Buffer.alloc(20 * 1024 * 1024 + 1, 0x41);
    const declared = await attach(as.lead!, 'milestone', milestoneId, 'huge.csv', tooBig);
    expect(declared.status).toBe(413);
    expect(declared.body.error.message).toContain('20 MB');
    const chunk = new Uint8Array(1024 * 1024).fill(0x41);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 22) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const streamed = await upload(
      as.lead!,
      `/api/projects/${project.id}/evidence/milestone/${milestoneId}?name=huge.csv`,
      stream,
    );
    expect(streamed.status).toBe(413);
    expect(streamed.body.error.message).toContain('20 MB');
    expect(await fileNames(as.lead!)).not.toContain('huge.csv');
  });

  it('reads the type from the content, not the name: PNG bytes named .pdf are a PNG, an .exe named .pdf is refused', async () => {
    const png = await attach(as.lead!, 'milestone', milestoneId, 'scan.pdf', PNG);
    expect(png.status).toBe(201);
    expect(png.body.versions[0].mimeType).toBe('image/png');
    const got = await download(as.lead!, png.body.versions[0].id);
    expect(got.type).toBe('image/png');

    const exe = await attach(as.lead!, 'milestone', milestoneId, 'report.pdf', EXE);
    expect(exe.status).toBe(415);
    expect(exe.body.error.message).toMatch(/not a type evidence takes/);
    const csv = await attach(
      as.lead!,
      'readiness',
      'clinical_need',
      'screening.csv',
      Buffer.from('site,screened,positive\nGustave Roussy,212,81\n'),
    );
    expect(csv.body.versions[0].mimeType).toBe('text/csv');
    expect(await fileNames(as.lead!)).not.toContain('report.pdf');
  });

  it('lets only who may edit upload, and only to a target of the project', async () => {
    for (const who of ['partner', 'mentor', 'manager'])
      expect((await attach(as[who]!, 'milestone', milestoneId, 'x.pdf', pdf('x'))).status).toBe(403);
    expect((await attach(as.lead!, 'milestone', 'no-such-milestone', 'x.pdf', pdf('x'))).status).toBe(404);
    expect((await attach(as.lead!, 'readiness', 'no-such-dimension', 'x.pdf', pdf('x'))).status).toBe(404);
  });

  it('hides a team-only file from observers: not listed, and its download is not found', async () => {
    const secret = await attach(
      as.lead!,
      'criterion',
      mustCriterionId,
      'Term sheet draft.pdf',
      pdf('term sheet'),
      true,
    );
    expect(secret.status).toBe(201);
    expect(secret.body.teamOnly).toBe(true);
    const versionId = secret.body.versions[0].id;
    expect(await fileNames(as.partner!)).not.toContain('Term sheet draft.pdf');
    expect(await fileNames(as.partner!)).toContain('GLP tox report.pdf');
    const refused = await download(as.partner!, versionId);
    expect(refused.status).toBe(404);
    // a new version of it is no way in either
    const sneak = await upload(
      as.partner!,
      `/api/projects/${project.id}/evidence-items/${secret.body.id}/versions?name=x.pdf`,
      pdf('x'),
    );
    expect(sneak.status).toBe(403);
    // the team sees it
    for (const who of ['lead', 'researcher', 'mentor', 'manager']) {
      expect(await fileNames(as[who]!)).toContain('Term sheet draft.pdf');
      expect((await download(as[who]!, versionId)).status).toBe(200);
    }
    // opened to every viewer, the observer sees it
    const opened = await as.researcher!.patch(
      `/api/projects/${project.id}/evidence-items/${secret.body.id}`,
      { teamOnly: false },
    );
    expect(opened.status).toBe(200);
    expect(await fileNames(as.partner!)).toContain('Term sheet draft.pdf');
    await as.researcher!.patch(`/api/projects/${project.id}/evidence-items/${secret.body.id}`, {
      teamOnly: true,
    });
    expect(await fileNames(as.partner!)).not.toContain('Term sheet draft.pdf');
  });

  it('answers an outsider of the confidential project as if nothing existed', async () => {
    const listed = await as['julien.moreau']!.get(`/api/projects/${project.id}/evidence`);
    expect(listed.status).toBe(404);
    const [item] = (await as.lead!.get(`/api/projects/${project.id}/evidence`)).body.items;
    expect((await download(as['julien.moreau']!, item.versions[0].id)).status).toBe(404);
    expect((await attach(as['julien.moreau']!, 'milestone', milestoneId, 'x.pdf', pdf('x'))).status).toBe(
      404,
    );
    expect((await as['julien.moreau']!.get(`/api/projects/${project.id}/evidence-downloads`)).status).toBe(
      404,
    );
  });

  it('logs every download, shown to the lead and cluster managers and refused to a member', async () => {
    const [item] = (await as.lead!.get(`/api/projects/${project.id}/evidence?kind=milestone`)).body.items;
    const versionId = item.versions[0].id;
    expect((await download(as.partner!, versionId)).status).toBe(200);
    for (const who of ['lead', 'manager']) {
      const log = await as[who]!.get(`/api/projects/${project.id}/evidence-downloads`);
      expect(log.status).toBe(200);
      expect(log.body.downloads[0]).toMatchObject({
        reader: { name: 'Thomas Weber' },
        versionId,
        fileName: item.versions[0].fileName,
        targetKind: 'milestone',
      });
    }
    for (const who of ['researcher', 'mentor', 'partner'])
      expect((await as[who]!.get(`/api/projects/${project.id}/evidence-downloads`)).status).toBe(403);
  });

  it('records the exact versions a gate decision was signed on, and shows them with it', async () => {
    const report = await attach(
      as.lead!,
      'criterion',
      mustCriterionId,
      'Pre-CTA advice minutes.pdf',
      pdf('minutes v1'),
    );
    const v2 = await upload(
      as.lead!,
      `/api/projects/${project.id}/evidence-items/${report.body.id}/versions?name=${encodeURIComponent('Pre-CTA advice minutes (signed).pdf')}`,
      pdf('minutes v2, signed'),
    );
    await meetMustCriteria(server.url, as.lead!, project);
    const review = await as.lead!.post(`/api/projects/${project.id}/gates`);
    expect(review.status).toBe(201);
    // a version uploaded after the decision is not what it was signed on
    const signed = await as.manager!.post(`/api/projects/${project.id}/gates/${review.body.id}/decision`, {
      outcome: 'go',
      rationale: 'The CTA package is complete.',
      conditions: [],
      password: DEMO_PASSWORD,
    });
    expect(signed.status).toBe(200);
    await upload(
      as.lead!,
      `/api/projects/${project.id}/evidence-items/${report.body.id}/versions?name=later.pdf`,
      pdf('after the decision'),
    );
    const decided = (await as.lead!.get(`/api/projects/${project.id}/gates`)).body.reviews.find(
      (r: { id: string }) => r.id === review.body.id,
    );
    expect(decided.decision.evidence).toContainEqual({
      criterionId: mustCriterionId,
      itemId: report.body.id,
      versionId: v2.body.versions[0].id,
      version: 2,
      fileName: 'Pre-CTA advice minutes (signed).pdf',
      sha256: v2.body.versions[0].sha256,
      teamOnly: false,
    });
    expect(decided.decision.evidence.map((e: { fileName: string }) => e.fileName)).toContain(
      'Term sheet draft.pdf',
    );
    expect(decided.decision.evidence.map((e: { fileName: string }) => e.fileName)).not.toContain('later.pdf');
    // the observer reads the decision without the team-only file
    const observed = (await as.partner!.get(`/api/projects/${project.id}/gates`)).body.reviews.find(
      (r: { id: string }) => r.id === review.body.id,
    );
    const observedNames = observed.decision.evidence.map((e: { fileName: string }) => e.fileName);
    expect(observedNames).toContain('Pre-CTA advice minutes (signed).pdf');
    expect(observedNames).not.toContain('Term sheet draft.pdf');
  });
});
