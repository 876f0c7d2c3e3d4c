/**
 * The project room's pure decisions: board columns, overdue, where drops and "move up/down"
 * land, what the save indicator says (in both languages), the timeline axis, presence.
 */
import { describe, expect, it } from 'vitest';
import {
  boardColumns,
  daysBetween,
  dependentsOf,
  dropMoveTarget,
  isOverdue,
  type MilestoneLike,
  stepMoveTarget,
  timelineModel,
} from '../../client/features/milestones/milestones-model.ts';
import { colorFor, initials, presenceList } from '../../client/features/project/room/presence.ts';
import { saveLabel, saveView } from '../../client/features/project/room/save-view.ts';
import { todayIso } from '../../client/features/project/room/today.ts';
import { en } from '../../client/i18n/en.ts';
import { fr } from '../../client/i18n/fr.ts';

const m = (id: string, over: Partial<MilestoneLike> = {}): MilestoneLike => ({
  id,
  title: id,
  status: 'planned',
  due: null,
  order: `a${id}`,
  dependsOn: [],
  ...over,
});

describe('board columns', () => {
  it('puts each milestone in its status column, keeping the document order', () => {
    const list = [
      m('1', { status: 'done' }),
      m('2'),
      m('3', { status: 'blocked' }),
      m('4'),
      m('5', { status: 'at_risk' }),
    ];
    const columns = boardColumns(list);
    expect(columns.planned.map((x) => x.id)).toEqual(['2', '4']);
    expect(columns.done.map((x) => x.id)).toEqual(['1']);
    expect(columns.blocked.map((x) => x.id)).toEqual(['3']);
    expect(columns.at_risk.map((x) => x.id)).toEqual(['5']);
    expect(columns.in_progress).toEqual([]);
  });
});

describe('overdue', () => {
  it.each([
    ['2026-03-01', 'planned', '2026-03-02', true],
    ['2026-03-02', 'in_progress', '2026-03-02', false],
    ['2026-03-01', 'done', '2026-03-02', false],
    [null, 'blocked', '2026-03-02', false],
  ] as const)('due %s, %s, today %s → %s', (due, status, today, expected) => {
    expect(isOverdue({ due, status }, today)).toBe(expected);
  });

  it('counts days across months and years, and formats today in local time', () => {
    expect(daysBetween('2026-12-30', '2027-01-02')).toBe(3);
    expect(daysBetween('2026-03-10', '2026-03-05')).toBe(-5);
    expect(todayIso(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

describe('moves', () => {
  const column = [m('a'), m('b'), m('c')];
  it('a drop lands before the card under the pointer, else after the last one', () => {
    expect(dropMoveTarget(column, 'x', 'b')).toEqual({ before: 'b' });
    expect(dropMoveTarget(column, 'x', null)).toEqual({ after: 'c' });
    // dropped back onto itself or below itself, within its own column
    expect(dropMoveTarget(column, 'c', null)).toEqual({ after: 'b' });
    expect(dropMoveTarget(column, 'b', 'b')).toEqual({ after: 'c' });
    expect(dropMoveTarget([], 'x', null)).toBeNull();
    expect(dropMoveTarget([m('x')], 'x', null)).toBeNull();
  });

  it('up and down stop at the column edges', () => {
    expect(stepMoveTarget(column, 'b', 'up')).toEqual({ before: 'a' });
    expect(stepMoveTarget(column, 'b', 'down')).toEqual({ after: 'c' });
    expect(stepMoveTarget(column, 'a', 'up')).toBeNull();
    expect(stepMoveTarget(column, 'c', 'down')).toBeNull();
    expect(stepMoveTarget(column, 'zz', 'up')).toBeNull();
  });

  it('offers no dependency that would close a cycle', () => {
    const list = [m('a'), m('b', { dependsOn: ['a'] }), m('c', { dependsOn: ['b'] }), m('d')];
    expect([...dependentsOf(list, 'a')].sort()).toEqual(['a', 'b', 'c']);
    expect([...dependentsOf(list, 'd')]).toEqual(['d']);
  });
});

describe('save state', () => {
  const flags = { revoked: false, refused: false };
  const label = (view: ReturnType<typeof saveView>, t = en) => saveLabel(view, t, String);

  it('says what an editor needs to know, in English and French', () => {
    expect(label(saveView({ kind: 'saved' }, 'edit', flags))).toBe('Saved');
    expect(label(saveView({ kind: 'saving', pending: 3 }, 'edit', flags))).toBe('Saving…');
    expect(label(saveView({ kind: 'offline', pending: 2 }, 'edit', flags))).toBe(
      'Offline — 2 changes waiting',
    );
    expect(label(saveView({ kind: 'offline', pending: 1 }, 'edit', flags))).toBe(
      'Offline — 1 change waiting',
    );
    expect(label(saveView({ kind: 'offline', pending: 0 }, 'edit', flags))).toBe(
      'Offline — edits are kept on this device',
    );
    expect(label(saveView({ kind: 'connecting', pending: 0 }, undefined, flags))).toBe('Connecting…');
    expect(label(saveView({ kind: 'offline', pending: 2 }, 'edit', flags), fr)).toBe(
      'Hors ligne — 2 modifications en attente',
    );
    expect(label(saveView({ kind: 'saved' }, 'edit', flags), fr)).toBe('Enregistré');
  });

  it('tells read-only people they follow live, never that something of theirs is waiting', () => {
    expect(saveView({ kind: 'saved' }, 'view', flags)).toEqual({ kind: 'live' });
    expect(saveView({ kind: 'saving', pending: 1 }, 'comment', flags)).toEqual({ kind: 'live' });
    expect(saveView({ kind: 'offline', pending: 4 }, 'view', flags)).toEqual({ kind: 'offline', pending: 0 });
  });

  it('a removed or refused access wins over everything else', () => {
    expect(saveView({ kind: 'saved' }, null, { revoked: true, refused: false })).toEqual({ kind: 'revoked' });
    expect(
      saveView({ kind: 'connecting', pending: 0 }, undefined, { revoked: false, refused: true }),
    ).toEqual({
      kind: 'refused',
    });
  });
});

describe('timeline', () => {
  it('spans the due dates and today by whole months, at least four, and orders rows by due date', () => {
    const list = [
      m('late', { due: '2026-05-20', dependsOn: ['early'] }),
      m('early', { due: '2026-03-10', status: 'done' }),
      m('undated'),
      m('overdue', { due: '2026-03-01' }),
    ];
    const model = timelineModel(list, '2026-03-15');
    expect(model.months.map((x) => x.start)).toEqual([
      '2026-03-01',
      '2026-04-01',
      '2026-05-01',
      '2026-06-01',
    ]);
    expect(model.months[0]!.left).toBe(0);
    expect(model.rows.map((r) => r.milestone.id)).toEqual(['overdue', 'early', 'late']);
    expect(model.rows.map((r) => r.overdue)).toEqual([true, false, false]);
    expect(model.undated.map((x) => x.id)).toEqual(['undated']);
    const late = model.rows[2]!;
    expect(late.from).not.toBeNull();
    expect(late.from!).toBeLessThan(late.at);
    expect(model.today).toBeGreaterThan(0);
    expect(model.today).toBeLessThan(model.rows[2]!.at);
  });

  it('handles a project with no dated milestone', () => {
    const model = timelineModel([m('a')], '2026-12-15');
    expect(model.rows).toEqual([]);
    expect(model.months[0]!.start).toBe('2026-12-01');
    expect(model.months.at(-1)!.start).toBe('2027-03-01');
  });
});

describe('presence', () => {
  it('lists each person once, you first, with what they edit, and ignores foreign shapes', () => {
    const states = new Map<number, unknown>([
      [1, { user: { id: 'me', name: 'Claire Dubois', color: '#123456' }, editing: 'm1' }],
      [2, { user: { id: 'kb', name: 'Karim Benali', color: 'red' }, editing: 'm2' }],
      [3, { user: { id: 'kb', name: 'Karim Benali', color: '#0f766e' } }],
      [4, { user: { id: 'al', name: 'Alice Martin' } }],
      [5, { cursor: {} }],
      [6, null],
    ]);
    const list = presenceList(states, { userId: 'me' });
    expect(list.map((p) => [p.userId, p.isSelf, p.editing])).toEqual([
      ['me', true, ['m1']],
      ['al', false, []],
      ['kb', false, ['m2']],
    ]);
    // a colour that is not a plain hex colour is replaced by the person's own
    expect(list[2]!.color).toBe(colorFor('kb'));
    expect(initials('Dr. Sophie Laurent')).toBe('SL');
  });
});
