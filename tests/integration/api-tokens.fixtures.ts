/** What the api-tokens tests share: a client that authenticates with a token, and minting one. */
import { expect } from 'vitest';
import { ApiClient } from '../support/client.ts';

/** A client that authenticates with `Authorization: Bearer`, as scripts do. */
export function bearerClient(url: string, token: string) {
  const client = new ApiClient(url);
  const call = (method: string, path: string, body?: unknown) =>
    client.request(method, path, body, { authorization: `Bearer ${token}` });
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body: unknown = {}) => call('POST', path, body),
    patch: (path: string, body: unknown) => call('PATCH', path, body),
    delete: (path: string) => call('DELETE', path),
  };
}

export async function createToken(by: ApiClient, body: Record<string, unknown>) {
  const reply = await by.post('/api/me/tokens', { name: 'script', ...body });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body as {
    id: string;
    token: string;
    scope: string;
    expiresAt: string;
    project: { id: string; title: string } | null;
  };
}

/** Two projects the lead leads: a token's own, and another it must not reach. */
export async function twoProjects(lead: ApiClient) {
  const projects = (await lead.get('/api/projects')).body.projects as { id: string; title: string }[];
  expect(projects.length).toBeGreaterThanOrEqual(2);
  return { own: projects[0]!, other: projects[1]! };
}
