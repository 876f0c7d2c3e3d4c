// The room's frame and shared controls first: each section's own stylesheet builds on it.
import './room.css';
import { createEffect, type JSX, Match, on, onCleanup, Show, Switch, untrack } from 'solid-js';
import type { ProjectDetail, ProjectMilestones } from '../../../shared/schemas/projects.ts';
import { api } from '../../api.ts';
import { useApp, useI18n } from '../../app-context.tsx';
import { Loading } from '../../components/LoadStates.tsx';
import { Tab, TabList, TabPanel, Tabs } from '../../components/Tabs.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { takePrefetched } from '../../prefetch.ts';
import { type DocSession, takeProjectDoc } from '../../realtime/doc-session.ts';
import { loadCommentsPanel } from '../milestones/MilestoneDetail.tsx';
import { MilestonesTab } from '../milestones/MilestonesTab.tsx';
import { loadMoveToMenu } from '../milestones/MoveToMenu.tsx';
import { ProjectAbout } from './ProjectAbout.tsx';
import { projectMilestonesKey } from './prefetch-keys.ts';
import { RoomHeader } from './RoomHeader.tsx';
import { RoomNotices } from './RoomNotices.tsx';
import { RoomToast } from './RoomToast.tsx';
import { lazySection } from './room/lazy-section.tsx';
import { colorFor } from './room/presence.ts';
import { createRoom, RoomContext, type RoomTab, useRoom } from './room/room-context.tsx';
import { createRoomStore, type RoomStore } from './room/room-store.ts';
import { useRoomShortcuts } from './room/use-room-shortcuts.ts';
import { ArchivedBanner } from './settings/ArchivedBanner.tsx';

// The board's tab is in the room's chunk; the other sections load when first shown.
const ReadinessTab = lazySection(() => import('../readiness/ReadinessTab.tsx').then((m) => m.ReadinessTab));
const CriteriaTab = lazySection(() => import('../criteria/CriteriaTab.tsx').then((m) => m.CriteriaTab));
const GatesTab = lazySection(() => import('../gates/GatesTab.tsx').then((m) => m.GatesTab));
const ActivityTab = lazySection(() => import('../activity/ActivityTab.tsx').then((m) => m.ActivityTab));
const HistoryTab = lazySection(() => import('../history/HistoryTab.tsx').then((m) => m.HistoryTab));

/**
 * The live project room: the project's document opened for as long as the room is on screen,
 * its header (who, where, who is here, is it saved) and its sections as tabs. This shell
 * imports the tabs' features; they read the room through ./room/ (context, store, presence,
 * save state) and never import this folder's page modules, so no folder depends on another
 * both ways.
 */
export function ProjectRoom(props: { project: ProjectDetail }) {
  const { session } = useApp();
  const user = session[0].me!.user;
  // One document per mounted room: the project page mounts a new room for another project.
  // It may already be open (and syncing) if the page was opened at this project's address.
  const projectId = untrack(() => props.project.id);
  const doc = takeProjectDoc(projectId, presenceUser(user));
  const store = createRoomStore(doc, user);
  showProjectedWhileLoading(projectId, doc, store);
  onCleanup(() => {
    store[1].destroy();
    doc.close();
  });
  const room = createRoom(() => props.project, doc, store);
  useRoomShortcuts(room);
  // Once the document has arrived, not before: on a slow link these would compete with it.
  createEffect(
    on(
      () => store[0].synced,
      (synced, wasSynced) => {
        if (synced && !wasSynced)
          prefetchWhenIdle([
            () => import('../milestones/description-editor.ts'),
            loadCommentsPanel,
            loadMoveToMenu,
            ReadinessTab.preload,
            CriteriaTab.preload,
            GatesTab.preload,
            ActivityTab.preload,
            HistoryTab.preload,
          ]);
      },
    ),
  );

  return (
    <RoomContext.Provider value={room}>
      <article class="room">
        <RoomHeader />
        <ArchivedBanner />
        <RoomNotices />
        <RoomTabs />
        <div class="visually-hidden" role="status" aria-live="polite">
          {room.announcement()}
        </div>
        <RoomToast />
      </article>
    </RoomContext.Provider>
  );
}

/**
 * The board from the server's projected rows while the document is on its way: fetched with
 * the page on a project's address (features/project/preload.ts), else once this device's copy
 * of the document has loaded, and only if it holds nothing. A failure (offline) shows nothing:
 * the room waits for the document as it always did.
 */
function showProjectedWhileLoading(projectId: string, doc: DocSession, [state, actions]: RoomStore) {
  const needed = () => !state.synced && state.milestones.length === 0;
  const rows =
    takePrefetched<ProjectMilestones>(projectMilestonesKey(projectId)) ??
    doc.whenLoaded.then(() => (needed() ? api.projectMilestones(projectId) : null));
  rows.then((r) => r && actions.showProjected(r.milestones)).catch(() => undefined);
}

/** How this tab shows in others' presence. */
export const presenceUser = (user: { id: string; name: string }) => ({
  id: user.id,
  name: user.name,
  color: colorFor(user.id),
});

/**
 * Fetches the code of a milestone's panel (editor, comments), of the cards' menus and of the
 * other sections once the room is idle, so that they still open after the connection drops.
 */
function prefetchWhenIdle(loaders: (() => Promise<unknown>)[]) {
  const run = () => {
    for (const load of loaders) load().catch((err) => console.warn('prefetch failed', err));
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 3000 });
  else setTimeout(run, 1500);
}

function RoomTabs() {
  const room = useRoom();
  const { t, locale } = useI18n();
  const n = (x: number) => formatNumber(locale(), x);
  const tab = (value: RoomTab, label: string, count?: () => string | null) => (
    <Tab value={value} class="room-tab">
      {label}
      <Show when={count?.()}>{(c) => <span class="room-tab-count">{c()}</span>}</Show>
    </Tab>
  );
  return (
    <Tabs value={room.tab()} onChange={(v) => room.setTab(v as RoomTab)} class="room-tabs">
      <TabList class="room-tab-list" label={t().room.tabs.label}>
        {tab('milestones', t().room.tabs.milestones, () =>
          room.state.milestones.length ? n(room.state.milestones.length) : null,
        )}
        {tab('readiness', t().room.tabs.readiness)}
        {tab('criteria', t().room.tabs.criteria)}
        {tab('gates', t().gates.tab)}
        <Show when={room.canSeeActivity()}>{tab('activity', t().activity.tab)}</Show>
        {tab('history', t().history.tab)}
        {tab('about', t().room.tabs.about)}
      </TabList>
      <TabPanel value="milestones" class="room-panel">
        <DocReady preview>
          <MilestonesTab />
        </DocReady>
      </TabPanel>
      <TabPanel value="readiness" class="room-panel">
        <DocReady>
          <ReadinessTab />
        </DocReady>
      </TabPanel>
      <TabPanel value="criteria" class="room-panel">
        <DocReady>
          <CriteriaTab />
        </DocReady>
      </TabPanel>
      <TabPanel value="gates" class="room-panel">
        <DocReady>
          <GatesTab />
        </DocReady>
      </TabPanel>
      <Show when={room.canSeeActivity()}>
        <TabPanel value="activity" class="room-panel">
          <DocReady>
            <ActivityTab />
          </DocReady>
        </TabPanel>
      </Show>
      <TabPanel value="history" class="room-panel">
        <HistoryTab />
      </TabPanel>
      <TabPanel value="about" class="room-panel">
        <ProjectAbout project={room.project()} />
      </TabPanel>
    </Tabs>
  );
}

/**
 * Shows the document's sections once there is something true to show: the server's content,
 * or this device's copy of it. An empty device copy is not "no milestones": it waits.
 * `preview`: the section can show the server's projected milestones meanwhile (read-only).
 */
function DocReady(props: { children: JSX.Element; preview?: boolean }) {
  const room = useRoom();
  const { connectivity } = useApp();
  const { t } = useI18n();
  // The document's content: milestones shown from the projected rows are not it.
  const hasContent = () =>
    !room.state.preview && (room.state.milestones.length > 0 || Object.keys(room.state.readiness).length > 0);
  const ready = () =>
    room.state.synced ||
    (room.state.deviceLoaded && hasContent()) ||
    (props.preview === true && room.state.preview);
  const offline = () => !connectivity[0].online || room.state.save.kind === 'offline';
  return (
    <Switch>
      <Match when={ready()}>{props.children}</Match>
      {/* a refusal or a removal is told by the notices above */}
      <Match when={room.state.refused || room.state.revoked}>{null}</Match>
      <Match when={room.state.deviceLoaded && offline()}>
        <p class="room-note">{t().room.access.neverOpenedOffline}</p>
      </Match>
      <Match when={true}>
        <Loading label={t().room.access.loading} />
      </Match>
    </Switch>
  );
}
