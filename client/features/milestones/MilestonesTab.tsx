import { createSignal, Match, Show, Switch } from 'solid-js';
import { useI18n } from '../../app-context.tsx';
import { StatePanel } from '../../components/StatePanel.tsx';
import { type MilestoneView, useRoom } from '../project/room/room-context.tsx';
import { useLetterShortcut } from '../project/room/use-room-shortcuts.ts';
import { MilestoneBoard } from './MilestoneBoard.tsx';
import { MilestoneDetail } from './MilestoneDetail.tsx';
import { MilestoneTimeline } from './MilestoneTimeline.tsx';
import { NewMilestoneForm } from './NewMilestoneForm.tsx';
import { UndoButtons } from './UndoButtons.tsx';

/** Milestones as a board or a timeline, the form that adds one, and the panel of the open one. */
export function MilestonesTab() {
  const room = useRoom();
  const { t } = useI18n();
  const [creating, setCreating] = createSignal(false);
  // While the board shows the server's projected rows, the document is not there to write to.
  const startCreating = () => {
    if (room.canEdit() && !room.state.preview) setCreating(true);
  };
  useLetterShortcut('c', startCreating);
  const created = (id: string | null) => {
    setCreating(false);
    if (id) room.select(id, { focus: 'description' });
  };

  return (
    <section class="milestones" aria-labelledby="milestones-title">
      <div class="room-toolbar">
        <h2 id="milestones-title" class="visually-hidden">
          {t().room.milestones.title}
        </h2>
        <ViewSwitch />
        <span class="room-toolbar-spacer" />
        <Show when={room.canEdit()}>
          <UndoButtons />
          <button
            type="button"
            class="button button-primary button-small"
            onClick={startCreating}
            disabled={room.state.preview}
            title={t().room.milestones.newShortcut}
            aria-keyshortcuts="C"
          >
            <span aria-hidden="true">+</span> {t().room.milestones.new}
          </button>
        </Show>
      </div>
      <Show when={creating()}>
        <NewMilestoneForm onDone={created} />
      </Show>
      <Show
        when={room.state.milestones.length > 0}
        fallback={
          <StatePanel
            title={t().room.milestones.emptyTitle}
            body={room.canEdit() ? t().room.milestones.emptyBody : t().room.milestones.emptyReadOnlyBody}
          >
            <Show when={room.canEdit() && !creating()}>
              <button type="button" class="button button-primary" onClick={startCreating}>
                {t().room.milestones.new}
              </button>
            </Show>
          </StatePanel>
        }
      >
        <Switch>
          <Match when={room.view() === 'board'}>
            <MilestoneBoard />
          </Match>
          <Match when={room.view() === 'timeline'}>
            <MilestoneTimeline />
          </Match>
        </Switch>
      </Show>
      <Show when={!room.state.preview && room.selectedId()} keyed>
        {(id) => <MilestoneDetail id={id} />}
      </Show>
    </section>
  );
}

function ViewSwitch() {
  const room = useRoom();
  const { t } = useI18n();
  const option = (view: MilestoneView, label: string) => (
    <button type="button" aria-pressed={room.view() === view} onClick={() => room.setView(view)}>
      {label}
    </button>
  );
  return (
    <fieldset class="view-switch">
      <legend class="visually-hidden">{t().room.milestones.views}</legend>
      {option('board', t().room.milestones.board)}
      {option('timeline', t().room.milestones.timeline)}
    </fieldset>
  );
}
