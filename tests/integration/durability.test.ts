import { describe, expect, it } from 'vitest';
import { runTorture } from '../support/durability.ts';
import { freePort } from '../support/ports.ts';

describe('kill -9 durability', () => {
  it('keeps every acknowledged update through SIGKILLs at random moments, and the file stays intact', async () => {
    const result = await runTorture({ cycles: 3, writers: 3, port: await freePort() });
    expect(result.kills).toBe(3);
    expect(result.acked).toBeGreaterThan(0);
    expect(result.lost).toEqual([]);
    expect(result.integrity).toBe('ok');
  }, 180_000);
});
