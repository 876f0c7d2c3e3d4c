/**
 * A real OpenID provider on loopback (node-oidc-provider) for the single sign-on tests: one
 * registered client whose redirect URI is Jalon's callback, accounts with `email`,
 * `email_verified` and `name` claims, and a minimal sign-in page of its own (an address field
 * and a button, no password: the test decides who may sign in by the accounts it lists).
 *
 * `tamper` makes the token endpoint hand out an ID token signed with the provider's own key but
 * for another audience, or already expired: what a misbehaving or replaying provider would send.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt, exportJWK, generateKeyPair, importJWK, SignJWT } from 'jose';
import Provider from 'oidc-provider';

export interface IdpAccount {
  email: string;
  name: string;
  emailVerified?: boolean;
}

export type Tamper = 'none' | 'wrong_audience' | 'expired';

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** add or replace an account (keyed by its address) */
  addAccount(account: IdpAccount): void;
  tamper: Tamper;
  close(): Promise<void>;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 10_000) throw new Error('form too large');
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export async function startOidcProvider(options: {
  port: number;
  /** Jalon's callback, `${publicUrl}/api/auth/sso/callback/<providerId>` */
  redirectUris: string[];
  accounts?: IdpAccount[];
}): Promise<TestOidcProvider> {
  const issuer = `http://127.0.0.1:${options.port}`;
  const clientId = 'jalon-test';
  const clientSecret = 'jalon-test-secret-0123456789abcdef0123456789';
  const accounts = new Map<string, IdpAccount>();
  for (const a of options.accounts ?? []) accounts.set(a.email, a);
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingJwk = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [signingJwk] },
    cookies: { keys: ['oidc-test-cookie-key-0123456789'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // The ID token carries the claims too, as many providers' do.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    async findAccount(_ctx, sub) {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        async claims() {
          return {
            sub,
            email: account.email,
            email_verified: account.emailVerified ?? true,
            name: account.name,
          };
        },
      };
    },
    // A first-party provider: no consent screen, the grant covers what Jalon asks for.
    async loadExistingGrant(ctx) {
      const oidc = ctx.oidc;
      const session = oidc.session;
      if (!session?.accountId || !oidc.client) return undefined;
      const existing = oidc.result?.consent?.grantId || session.grantIdFor(oidc.client.clientId);
      if (existing) return oidc.provider.Grant.find(existing);
      const grant = new oidc.provider.Grant({ clientId: oidc.client.clientId, accountId: session.accountId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });

  const state: { tamper: Tamper } = { tamper: 'none' };
  const providerCallback = provider.callback();

  async function retamper(body: string): Promise<string> {
    const parsed = JSON.parse(body) as { id_token?: string };
    if (!parsed.id_token || state.tamper === 'none') return body;
    const claims = decodeJwt(parsed.id_token);
    const now = Math.floor(Date.now() / 1000);
    const changed =
      state.tamper === 'wrong_audience'
        ? { ...claims, aud: 'another-application' }
        : { ...claims, iat: now - 7200, exp: now - 3600 };
    const key = await importJWK(signingJwk, 'RS256');
    parsed.id_token = await new SignJWT(changed)
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
      .sign(key);
    return JSON.stringify(parsed);
  }

  async function signInPage(req: IncomingMessage, res: ServerResponse, uid: string) {
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name !== 'login') {
      await provider.interactionFinished(req, res, {}, { mergeWithLastSubmission: true });
      return;
    }
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><html lang="en"><head><title>Test identity provider</title></head><body>
<main><h1>Hospital sign-in</h1>
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label for="login">Hospital address</label> <input id="login" name="login" type="email" autocomplete="username">
<button type="submit">Sign in to the hospital</button></form></main></body></html>`);
  }

  async function login(req: IncomingMessage, res: ServerResponse) {
    const form = await readForm(req);
    const email = form.get('login') ?? '';
    if (!accounts.has(email)) {
      await provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'Unknown account' },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: email } },
      { mergeWithLastSubmission: false },
    );
  }

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    const page = /^\/interaction\/([\w-]+)$/.exec(url.pathname);
    const submit = /^\/interaction\/([\w-]+)\/login$/.exec(url.pathname);
    const fail = (err: unknown) => {
      res.statusCode = 500;
      res.end(String(err));
    };
    if (page && req.method === 'GET') return void signInPage(req, res, page[1]!).catch(fail);
    if (submit && req.method === 'POST') return void login(req, res).catch(fail);
    if (url.pathname === '/token' && state.tamper !== 'none') {
      // Rewrite the token response on its way out, after the provider has done its own work.
      const write = res.write.bind(res);
      const end = res.end.bind(res);
      const chunks: Buffer[] = [];
      res.write = ((chunk: unknown) => {
        chunks.push(Buffer.from(chunk as Buffer));
        return true;
      }) as typeof res.write;
      res.end = ((chunk?: unknown) => {
        if (chunk && typeof chunk !== 'function') chunks.push(Buffer.from(chunk as Buffer));
        void retamper(Buffer.concat(chunks).toString('utf8')).then((body) => {
          res.removeHeader('content-length');
          write(body);
          end();
        }, fail);
        return res;
      }) as typeof res.end;
    }
    providerCallback(req, res);
  });
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  if (port !== options.port) throw new Error('the provider did not bind its port');

  return {
    issuer,
    clientId,
    clientSecret,
    addAccount(account) {
      accounts.set(account.email, account);
    },
    get tamper() {
      return state.tamper;
    },
    set tamper(value: Tamper) {
      state.tamper = value;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
