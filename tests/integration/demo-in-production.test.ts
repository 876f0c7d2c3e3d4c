/**
 * The demo cluster (published passwords) never appears in production by accident: only
 * JALON_DEMO=1, set explicitly, seeds it there, and then the log says so loudly.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { DEMO_PASSWORD } from '../../server/db/seed/demo.ts';
import { ApiClient } from '../support/client.ts';
import { captureLog } from '../support/log-capture.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const SECRET = {
  AUTH_SECRET: 'test-secret-test-secret-test-secret-0123',
  AUDIT_SIGNING_KEY: Buffer.alloc(32, 1).toString('base64'),
};
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('demo data and NODE_ENV', () => {
  it('defaults to no demo in production, and to the demo elsewhere', () => {
    expect(loadConfig({ NODE_ENV: 'production', ...SECRET }).demo).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', JALON_DEMO: '1', ...SECRET }).demo).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development', ...SECRET }).demo).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development', JALON_DEMO: '0', ...SECRET }).demo).toBe(false);
  });

  it('a production server without JALON_DEMO has no demo accounts: the published password fails', async () => {
    const captured = captureLog('info');
    server = await startTestServer({ demo: 'unset', env: { NODE_ENV: 'production' }, log: captured.log });
    const reply = await new ApiClient(server.url).signIn('manager@demo.jalon', DEMO_PASSWORD);
    expect(reply.status).toBe(401);
    expect((await new ApiClient(server.url).get('/api/health')).body.demo).toBe(false);
    expect(captured.text()).not.toMatch(/demo/i);
  });

  it('with JALON_DEMO=1 in production it seeds the demo, and warns in the log', async () => {
    const captured = captureLog('info');
    server = await startTestServer({ env: { NODE_ENV: 'production', JALON_DEMO: '1' }, log: captured.log });
    expect((await new ApiClient(server.url).signIn('manager@demo.jalon', DEMO_PASSWORD)).status).toBe(200);
    const warnings = captured.lines().filter((l) => (l.level as number) >= 40 && /demo/i.test(String(l.msg)));
    expect(warnings.length).toBeGreaterThan(0);
    expect(String(warnings[0]!.msg)).toMatch(/published password/i);
  });
});
