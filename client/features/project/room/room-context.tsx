/**
 * The project room's shared state, handed down by context: the open document and its store,
 * who is signed in, the project's members, what the user may do, the selected milestone and
 * the current tab (both in the URL, so a link opens the same view).
 */
import { useSearchParams } from '@solidjs/router';
import { createContext, createMemo, createResource, createSignal, onCleanup, useContext } from 'solid-js';
import type { Milestone } from '../../../../shared/doc/shape.ts';
import type { Locale } from '../../../../shared/domain.ts';
import type { Member } from '../../../../shared/schemas/members.ts';
import type { ProjectDetail } from '../../../../shared/schemas/projects.ts';
import { api } from '../../../api.ts';
import { useApp } from '../../../app-context.tsx';
import type { DocSession } from '../../../realtime/doc-session.ts';
import type { RoomStore } from './room-store.ts';
import { todayIso } from './today.ts';

export type RoomTab = 'milestones' | 'readiness' | 'criteria' | 'gates' | 'activity' | 'history' | 'about';
export type MilestoneView = 'board' | 'timeline';
export type DetailFocus = 'panel' | 'title' | 'description';
export interface Toast {
  id: number;
  message: string;
  /** offers to undo the change it reports */
  undo: boolean;
}
const TABS: RoomTab[] = ['milestones', 'readiness', 'criteria', 'gates', 'activity', 'history', 'about'];

export function createRoom(project: () => ProjectDetail, session: DocSession, store: RoomStore) {
  const { session: auth, frameworks } = useApp();
  const [state, actions] = store;
  const [params, setParams] = useSearchParams<{ tab?: string; view?: string; m?: string }>();
  const [team] = createResource(() => project().id, api.members);
  const members = (): Member[] => (team.error ? [] : (team.latest?.members ?? []));
  const memberById = createMemo(() => new Map(members().map((m) => [m.userId, m])));
  const byId = createMemo(() => new Map<string, Milestone>(state.milestones.map((m) => [m.id, m])));
  const dimensions = () => frameworks[0].catalogue?.dimensions ?? [];
  const dimensionById = createMemo(() => new Map(dimensions().map((d) => [d.id, d])));
  const canSeeActivity = () => project().permissions.includes('audit.view');

  // The date moves on at midnight for those who leave the room open.
  const [today, setToday] = createSignal(todayIso());
  const timer = setInterval(() => setToday(todayIso()), 60_000);
  onCleanup(() => clearInterval(timer));

  const [announcement, setAnnouncement] = createSignal('');
  const [toast, setToast] = createSignal<Toast | null>(null);
  let toastCount = 0;
  let opener: HTMLElement | null = null;
  let detailFocus: DetailFocus = 'panel';

  const room = {
    project,
    session,
    state,
    actions,
    team,
    members,
    me: () => auth[0].me!.user,
    /** the name of a user id, from the member list (null while unknown) */
    memberName: (id: string | null): string | null => (id ? (memberById().get(id)?.name ?? null) : null),
    byId,
    today,
    /** edit controls are shown to edit access; before the server answers, per the permissions */
    canEdit: () =>
      !state.revoked &&
      (state.access === undefined ? project().permissions.includes('doc.edit') : state.access === 'edit'),
    canComment: () => !state.revoked && project().permissions.includes('comment.write'),
    dimensions,
    /** a readiness dimension's name, or null while the catalogue is loading or lacks it */
    dimensionName: (id: string | null, locale: Locale): string | null =>
      (id && dimensionById().get(id)?.name[locale]) || null,
    framework: () => frameworks[1].track(project().track),
    frameworksStatus: () => frameworks[0].status,
    /** the activity reads the audit trail: members who edit, and the programme office */
    canSeeActivity,
    /** the tab the address names, or the milestones if it names none this person has */
    tab: (): RoomTab => {
      const tab = TABS.includes(params.tab as RoomTab) ? (params.tab as RoomTab) : 'milestones';
      return tab === 'activity' && !canSeeActivity() ? 'milestones' : tab;
    },
    setTab: (tab: RoomTab) => setParams({ tab: tab === 'milestones' ? undefined : tab }, { replace: true }),
    view: (): MilestoneView => (params.view === 'timeline' ? 'timeline' : 'board'),
    setView: (view: MilestoneView) =>
      setParams({ view: view === 'board' ? undefined : view }, { replace: true }),
    selectedId: () => params.m ?? null,
    /** opens a milestone's panel (null closes it); `focus` says which field gets the caret */
    select: (id: string | null, options: { focus?: DetailFocus } = {}) => {
      if (id && !params.m && document.activeElement instanceof HTMLElement) opener = document.activeElement;
      detailFocus = options.focus ?? 'panel';
      setParams({ m: id ?? undefined }, { replace: true });
    },
    /** the field the panel focuses when it opens (read once) */
    takeDetailFocus: (): DetailFocus => {
      const focus = detailFocus;
      detailFocus = 'panel';
      return focus;
    },
    /** where focus goes back when the panel closes: what opened it, else its card */
    restoreFocus: (milestoneId: string) => {
      const target =
        opener?.isConnected && opener.closest('.ms-detail') === null
          ? opener
          : document.querySelector<HTMLElement>(`[data-milestone-open="${CSS.escape(milestoneId)}"]`);
      opener = null;
      target?.focus();
    },
    toast,
    notify: (message: string, options: { undo?: boolean } = {}) =>
      setToast({ id: ++toastCount, message, undo: options.undo ?? false }),
    dismissToast: () => setToast(null),
    /** says something to screen readers (a move, a deletion) */
    announce: (message: string) => {
      setAnnouncement('');
      queueMicrotask(() => setAnnouncement(message));
    },
    announcement,
  };
  return room;
}

export type Room = ReturnType<typeof createRoom>;

export const RoomContext = createContext<Room>();

export function useRoom(): Room {
  const room = useContext(RoomContext);
  if (!room) throw new Error('useRoom outside the project room');
  return room;
}
