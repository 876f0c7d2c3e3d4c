import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docName, readProjectDoc } from '../../shared/doc/index.ts';
import { signedIn } from '../support/client.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { peer } from '../support/socket.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

function run(env: Record<string, string>, title: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    // As docs/protocol.md runs it: the example takes the protocol from shared/protocol/ (TypeScript).
    const child = spawn(process.execPath, ['--import', 'tsx', 'docs/examples/add-milestone.mjs', title], {
      env: { ...process.env, ...env },
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.on('exit', (code) => resolve({ code, out }));
  });
}

describe('the example client in docs/protocol.md', () => {
  it('joins a project with an API token and adds a milestone that everyone then sees', async () => {
    const lead = await signedIn(server.url, 'lead@demo.jalon');
    const projectId = (await lead.get('/api/projects')).body.projects[0].id;
    const token = (await lead.post('/api/me/tokens', { name: 'docs example', scope: 'write', projectId }))
      .body.token;
    const result = await run(
      { JALON_URL: server.url, JALON_TOKEN: token, JALON_PROJECT: projectId },
      'Added from the docs',
    );
    expect(result.out).toContain('committed');
    expect(result.code).toBe(0);
    const viewer = await peer(server.url, 'mentor@demo.jalon', docName(projectId));
    expect(readProjectDoc(viewer.doc).milestones.map((m) => m.title)).toContain('Added from the docs');
    viewer.close();
  });

  it('reports a refusal clearly', async () => {
    const partner = await signedIn(server.url, 'partner@demo.jalon');
    const projectId = (await partner.get('/api/projects')).body.projects[0].id;
    const token = (await partner.post('/api/me/tokens', { name: 'observer', scope: 'write' })).body.token;
    const result = await run({ JALON_URL: server.url, JALON_TOKEN: token, JALON_PROJECT: projectId }, 'Nope');
    expect(result.code).toBe(1);
    expect(result.out).toContain('view access');
  });
});
