/**
 * Notifications without a server: the bell's store against a fake socket (live arrivals,
 * optimistic marking rolled back on failure, reload on reconnection), every type has a sentence
 * in both languages, ISO weeks at the year's edges, and the digest HTML escapes what people wrote.
 */
import { describe, expect, it } from 'vitest';
import { notificationHref, notificationText } from '../../client/features/notifications/notification-text.ts';
import type { NotificationsApi } from '../../client/features/notifications/notifications-api.ts';
import {
  createNotificationsStore,
  type NotificationEvents,
} from '../../client/features/notifications/notifications-store.ts';
import { en } from '../../client/i18n/en.ts';
import { fr } from '../../client/i18n/fr.ts';
import { renderDigestHtml } from '../../server/notifications/digest-html.ts';
import type { Notification } from '../../shared/notifications.ts';
import { isoWeekOf, shiftWeek, weekStart } from '../../shared/notifications-week.ts';
import { APP_EVENTS } from '../../shared/protocol/index.ts';
import { NOTIFICATION_TYPES } from '../../shared/vocabularies.ts';

class FakeSocket {
  private listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  on(event: string, fn: (...args: unknown[]) => void) {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)!.add(fn);
    return this;
  }
  off(event: string, fn: (...args: unknown[]) => void) {
    this.listeners.get(event)?.delete(fn);
    return this;
  }
  emit(event: string, ...args: unknown[]) {
    for (const fn of this.listeners.get(event) ?? []) fn(...args);
  }
}

let seq = 0;
function notification(over: Partial<Notification> = {}): Notification {
  seq += 1;
  return {
    id: `n${seq}`,
    type: 'mention',
    projectId: 'p1',
    subject: { kind: 'comment', id: `c${seq}` },
    payload: {
      actor: { id: 'u1', name: 'Claire Dubois' },
      projectTitle: 'VCT-201',
      milestone: { id: 'm1', title: 'GLP tox' },
    },
    createdAt: new Date(2026, 10, 20, 10, seq).toISOString(),
    readAt: null,
    ...over,
  };
}

function fakeApi(initial: Notification[], unread: number) {
  const calls: unknown[] = [];
  let failMark = false;
  const api: Pick<NotificationsApi, 'list' | 'markRead'> = {
    list: async () => ({ notifications: initial, unread, nextBefore: null }),
    markRead: async (body) => {
      calls.push(body);
      if (failMark) throw new Error('offline');
      return { marked: 1, unread: 'all' in body ? 0 : unread - 1 };
    },
  };
  return { api, calls, failNextMarks: () => (failMark = true) };
}

describe('the bell store', () => {
  it('adds live notifications once and counts them unread', async () => {
    const socket = new FakeSocket();
    const first = notification();
    const { api } = fakeApi([first], 1);
    const [state, actions] = createNotificationsStore(api, socket as unknown as NotificationEvents);
    const stop = actions.listen();
    await actions.load();
    expect(state.unread).toBe(1);
    const live = notification();
    socket.emit(APP_EVENTS.notificationCreated, live);
    socket.emit(APP_EVENTS.notificationCreated, live);
    expect(state.items.map((n) => n.id)).toEqual([live.id, first.id]);
    expect(state.unread).toBe(2);
    expect(state.latest?.id).toBe(live.id);
    stop();
    socket.emit(APP_EVENTS.notificationCreated, notification());
    expect(state.items).toHaveLength(2);
  });

  it('marks read at once, and puts it back if the server refuses', async () => {
    const a = notification();
    const b = notification();
    const { api, calls, failNextMarks } = fakeApi([a, b], 2);
    const [state, actions] = createNotificationsStore(api, new FakeSocket() as unknown as NotificationEvents);
    await actions.load();
    await actions.markRead(a.id);
    expect(calls).toEqual([{ ids: [a.id] }]);
    expect(state.items[0]!.readAt).not.toBeNull();
    expect(state.unread).toBe(1);

    failNextMarks();
    await expect(actions.markAllRead()).rejects.toThrow('offline');
    expect(state.items[1]!.readAt).toBeNull();
    expect(state.unread).toBe(1);
  });

  it('reloads after a reconnection, since events may have been missed', async () => {
    const socket = new FakeSocket();
    let served = [notification()];
    const api: Pick<NotificationsApi, 'list' | 'markRead'> = {
      list: async () => ({ notifications: served, unread: served.length, nextBefore: null }),
      markRead: async () => ({ marked: 0, unread: 0 }),
    };
    const [state, actions] = createNotificationsStore(api, socket as unknown as NotificationEvents);
    actions.listen();
    await actions.load();
    served = [notification(), ...served];
    socket.emit('connect');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(state.items).toHaveLength(2);
    expect(state.unread).toBe(2);
  });
});

describe('what a notification says', () => {
  it('every type has its sentence in English and in French, and a link', () => {
    for (const type of NOTIFICATION_TYPES) {
      const n = notification({
        type,
        payload: {
          actor: { id: 'u1', name: 'Claire Dubois' },
          milestone: { id: 'm1', title: 'GLP tox' },
          stageIndex: 2,
          outcome: 'conditional_go',
          role: 'observer',
          service: { en: 'Flow cytometry', fr: 'Cytométrie en flux' },
        },
      });
      for (const [t, locale] of [
        [en, 'en'],
        [fr, 'fr'],
      ] as const) {
        const text = notificationText(n, t, locale);
        expect(text, `${type} ${locale}`).toMatch(/\S/);
        expect(text).not.toContain('undefined');
      }
      expect(notificationHref(n)).toMatch(/^\/projects\/p1/);
    }
    expect(
      notificationText(
        notification({ type: 'gate_decided', payload: { outcome: 'kill', stageIndex: 1 } }),
        fr,
        'fr',
      ),
    ).toBe('passage 1 décidé\u00a0: Arrêt');
  });
});

describe('ISO weeks', () => {
  it('follow the calendar at the edges of years', () => {
    expect(isoWeekOf(new Date('2026-01-01T12:00:00Z'))).toBe('2026-W01');
    expect(isoWeekOf(new Date('2027-01-01T12:00:00Z'))).toBe('2026-W53');
    expect(isoWeekOf(new Date('2024-12-30T00:00:00Z'))).toBe('2025-W01');
    expect(weekStart('2026-W48')?.toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(weekStart('2026-W53')?.toISOString()).toBe('2026-12-28T00:00:00.000Z');
    expect(weekStart('2025-W53')).toBeNull();
    expect(shiftWeek('2026-W53', 1)).toBe('2027-W01');
    expect(shiftWeek('2026-W01', -1)).toBe('2025-W52');
  });
});

describe('the digest HTML', () => {
  it('escapes what people wrote and names its language', () => {
    const html = renderDigestHtml(
      {
        week: '2026-W48',
        from: new Date('2026-11-23T00:00:00Z'),
        to: new Date('2026-11-30T00:00:00Z'),
        locale: 'fr',
        userName: 'Karim <b>',
        dimensionNames: new Map([['technology', 'Technologie']]),
        changes: 2,
        projects: [
          {
            id: 'p1',
            title: 'VCT <img src=x onerror=alert(1)>',
            audience: 'team',
            stage: [],
            readiness: [{ at: new Date(), by: 'Claire', dimension: 'technology', from: 3, to: 4 }],
            milestones: [],
            comments: [
              { at: new Date(), by: 'Claire', milestone: 'GLP', excerpt: '<script>alert(1)</script>' },
            ],
            gates: [],
          },
        ],
      },
      'https://jalon.example',
    );
    expect(html).toContain('<html lang="fr">');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Technologie : 3/9 → 4/9');
    expect(html).toContain('href="https://jalon.example/projects/p1"');
  });
});
