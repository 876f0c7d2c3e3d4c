/** A minimal API client for tests: signs in like a browser (cookie + Origin) and calls /api. */
import { DEMO_PASSWORD } from '../../server/db/seed/demo.ts';

export interface Reply<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export class ApiClient {
  cookie = '';
  constructor(readonly baseUrl: string) {}

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        origin: this.baseUrl,
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const setCookie = res.headers.getSetCookie();
    if (setCookie.length) this.cookie = setCookie.map((c) => c.split(';')[0]).join('; ');
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body ?? {});
  }
  patch<T = any>(path: string, body: unknown) {
    return this.request<T>('PATCH', path, body);
  }
  put<T = any>(path: string, body: unknown) {
    return this.request<T>('PUT', path, body);
  }
  delete<T = any>(path: string) {
    return this.request<T>('DELETE', path);
  }

  async signIn(email: string, password = DEMO_PASSWORD): Promise<Reply<any>> {
    return this.post('/api/auth/sign-in/email', { email, password });
  }
}

/**
 * Sessions are reused per server and account: wrong passwords are rate-limited (per account and
 * per address) exactly as in production, and signing in once is enough.
 */
const sessions = new Map<string, string>();

export async function signedIn(
  baseUrl: string,
  email: string,
  options: { fresh?: boolean } = {},
): Promise<ApiClient> {
  const client = new ApiClient(baseUrl);
  const key = `${baseUrl} ${email}`;
  const cached = sessions.get(key);
  if (cached && !options.fresh) {
    client.cookie = cached;
    return client;
  }
  const reply = await client.signIn(email);
  if (reply.status !== 200)
    throw new Error(`sign-in as ${email} failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  if (!options.fresh) sessions.set(key, client.cookie);
  return client;
}
