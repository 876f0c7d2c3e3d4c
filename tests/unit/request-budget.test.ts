/**
 * The API's request budgets: a person (a session or a token) is stopped past their own budget,
 * whoever shares their address; the people behind one address together have a larger one, which
 * also bounds requests carrying made-up credentials.
 */
import { Hono } from 'hono';
import { describe, expect, test } from 'vitest';
import type { AppEnv } from '../../server/http/context.ts';
import { requestBudget } from '../../server/http/security.ts';

function app(perAddress = 7) {
  const hono = new Hono<AppEnv>();
  hono.use('*', async (c, next) => {
    c.set('clientIp', c.req.header('x-test-address') ?? '10.0.0.1');
    await next();
  });
  hono.use('*', requestBudget({ perCredential: 3, perAddress }));
  hono.get('/ping', (c) => c.text('pong'));
  return hono;
}

const session = (token: string) => ({ cookie: `better-auth.session_token=${token}` });

async function statuses(hono: Hono<AppEnv>, count: number, headers: Record<string, string>) {
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push((await hono.request('/ping', { headers })).status);
  return out;
}

describe('request budgets', () => {
  test('one person past their budget is refused; a colleague behind the same address is not', async () => {
    const hono = app(20);
    expect(await statuses(hono, 4, session('alice'))).toEqual([200, 200, 200, 429]);
    const refused = await hono.request('/ping', { headers: session('alice') });
    expect(await refused.json()).toEqual({ error: { code: 'rate_limited', message: expect.any(String) } });
    expect(await statuses(hono, 3, session('bob'))).toEqual([200, 200, 200]);
  });

  test('a bearer token has its own budget, apart from the sessions', async () => {
    const hono = app();
    expect(await statuses(hono, 3, session('alice'))).toEqual([200, 200, 200]);
    expect(await statuses(hono, 3, { authorization: 'Bearer jalon_token_1' })).toEqual([200, 200, 200]);
  });

  test('made-up credentials from one address stop at the address budget', async () => {
    const hono = app();
    const seen: number[] = [];
    for (let i = 0; i < 8; i++) seen.push(...(await statuses(hono, 1, session(`forged-${i}`))));
    expect(seen).toEqual([200, 200, 200, 200, 200, 200, 200, 429]);
    // another address is not affected
    expect(await statuses(hono, 1, { ...session('carol'), 'x-test-address': '10.0.0.2' })).toEqual([200]);
  });

  test('signed-out requests count only against their address', async () => {
    const hono = app();
    expect(await statuses(hono, 8, {})).toEqual([200, 200, 200, 200, 200, 200, 200, 429]);
  });
});
