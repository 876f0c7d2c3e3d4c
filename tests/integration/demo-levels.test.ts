import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, signedIn } from '../support/client.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let manager: ApiClient;

beforeAll(async () => {
  server = await startTestServer({ demo: 'history' });
  manager = await signedIn(server.url, 'manager@demo.jalon');
});
afterAll(() => server?.close());

describe('the demo cluster', () => {
  it('shows levels with their history on its projects, and the tracks’ thresholds', async () => {
    const portfolio = (await manager.get('/api/projects')).body.projects as {
      id: string;
      title: string;
      level: number | null;
    }[];
    const leveled = portfolio.filter((p) => p.level !== null);
    expect(leveled.length).toBeGreaterThanOrEqual(4);
    const cart = portfolio.find((p) => /Claudin-18.2 CAR-T/.test(p.title) && p.level === 5)!;
    const history = (await manager.get(`/api/projects/${cart.id}/level`)).body;
    expect(history.changes.map((c: { level: number }) => c.level)).toEqual([3, 4, 5]);
    expect(history.changes[0].setBy.name).toBe('Claire Dubois');
    const therapeutics = (await manager.get('/api/frameworks')).body.frameworks.find(
      (f: { id: string }) => f.id === 'therapeutics',
    );
    expect(therapeutics.stages[3].thresholds).toContainEqual({ dimension: 'manufacturing', minLevel: 4 });
  });
});
