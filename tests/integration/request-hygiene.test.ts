/**
 * Requests the API does not expect get a clear refusal, not a 500: a body in another format
 * than JSON is 415. And secrets that travel in URLs (invitation, reset and verification tokens)
 * never reach the log, at any level.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, signedIn } from '../support/client.ts';
import { type CapturedLog, captureLog } from '../support/log-capture.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let captured: CapturedLog;
beforeAll(async () => {
  captured = captureLog('trace');
  server = await startTestServer({ log: captured.log });
});
afterAll(() => server?.close());

describe('Content-Type', () => {
  it('answers 415 with the error shape for a body that is not JSON, on every kind of write', async () => {
    const lead = await signedIn(server.url, 'lead@demo.jalon');
    const project = (await lead.get('/api/projects')).body.projects[0];
    const writes: [string, string][] = [
      ['POST', '/api/projects'],
      ['PATCH', `/api/projects/${project.id}`],
      ['POST', `/api/projects/${project.id}/comments`],
      ['PATCH', '/api/me'],
    ];
    for (const [method, path] of writes)
      for (const type of [
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
      ]) {
        const reply = await lead.request(method, path, '{"title":"x"}', { 'content-type': type });
        expect(reply.status, `${method} ${path} ${type}`).toBe(415);
        expect(reply.body).toEqual({
          error: { code: 'unsupported_media_type', message: expect.stringMatching(/application\/json/) },
        });
      }
    // a JSON body with a charset is fine
    const ok = await lead.request(
      'PATCH',
      '/api/me',
      { locale: 'en' },
      {
        'content-type': 'application/json; charset=utf-8',
      },
    );
    expect(ok.status).toBe(200);
  });

  it('answers 415 for a body sent without any Content-Type', async () => {
    const lead = await signedIn(server.url, 'lead@demo.jalon');
    const res = await fetch(`${server.url}/api/me`, {
      method: 'PATCH',
      headers: { origin: server.url, cookie: lead.cookie },
      body: new Uint8Array(Buffer.from('{"locale":"fr"}')),
    });
    expect(res.status).toBe(415);
    expect((await res.json()).error.code).toBe('unsupported_media_type');
  });

  it('refuses a sign-in whose body is not JSON or a form', async () => {
    const reply = await new ApiClient(server.url).request('POST', '/api/auth/sign-in/email', 'x', {
      'content-type': 'text/plain',
    });
    expect(reply.status).toBe(415);
  });
});

describe('secrets in URLs never reach the log', () => {
  it('invitation, reset-password and verification tokens are not logged at trace level', async () => {
    const tokens = {
      invitation: 'inv0secret0token0aaaaaaaaaaaaaaaa',
      accept: 'inv0secret0token0bbbbbbbbbbbbbbbb',
      reset: 'reset0secret0token0cccccccccccccc',
      resetBody: 'reset0secret0token0dddddddddddddd',
      verify: 'verify0secret0token0eeeeeeeeeeeee',
      query: 'query0secret0token0ffffffffffffff',
    };
    const anonymous = new ApiClient(server.url);
    const lead = await signedIn(server.url, 'lead@demo.jalon');
    await anonymous.get(`/api/invitations/${tokens.invitation}`);
    await lead.post(`/api/invitations/${tokens.accept}/accept`, {});
    await anonymous.get(`/api/auth/reset-password/${tokens.reset}?callbackURL=%2Freset`);
    await anonymous.post('/api/auth/reset-password', {
      token: tokens.resetBody,
      newPassword: 'a-long-new-password-1',
    });
    await anonymous.get(`/api/auth/verify-email?token=${tokens.verify}&callbackURL=%2F`);
    await anonymous.get(`/api/projects?token=${tokens.query}`);
    await anonymous.get(`/api/invitations/${tokens.invitation}/whatever?token=${tokens.query}`);

    const text = captured.text();
    // the requests were logged (the test is not vacuous), their secrets were not
    expect(text).toContain('/api/invitations/');
    expect(text).toContain('/api/auth/reset-password');
    for (const [what, token] of Object.entries(tokens)) expect(text, what).not.toContain(token);
  });
});
