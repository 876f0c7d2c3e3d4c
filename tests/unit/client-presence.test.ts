import { describe, expect, it } from 'vitest';
import { presenceList } from '../../client/features/project/room/presence.ts';
import { colorFor, PRESENCE_PALETTE } from '../../shared/presence.ts';

describe('presence as the client shows it', () => {
  it('renders only palette colours, whatever a state holds', () => {
    const states = new Map<number, unknown>([
      [1, { user: { id: 'a', name: 'A', color: 'red; background: url(https://evil.test/x)' } }],
      [2, { user: { id: 'b', name: 'B', color: '#123456' } }],
      [3, { user: { id: 'c', name: 'C', color: PRESENCE_PALETTE[2] } }],
    ]);
    const byId = new Map(presenceList(states, { userId: 'me' }).map((p) => [p.userId, p.color]));
    expect(byId.get('a')).toBe(colorFor('a'));
    expect(byId.get('b')).toBe(colorFor('b'));
    expect(byId.get('c')).toBe(PRESENCE_PALETTE[2]);
  });
});
