import {
  createEffect,
  ErrorBoundary,
  lazy,
  Match,
  onCleanup,
  onMount,
  Show,
  Suspense,
  Switch,
} from 'solid-js';
import type { Milestone } from '../../../shared/doc/shape.ts';
import { useI18n } from '../../app-context.tsx';
import { formatRelative } from '../../i18n/format.ts';
import { EvidenceFiles } from '../evidence/EvidenceFiles.tsx';
import { useRoom } from '../project/room/room-context.tsx';
import { SaveIndicator } from '../project/room/SaveIndicator.tsx';
import { DependenciesField } from './DependenciesField.tsx';
import { DescriptionField } from './DescriptionField.tsx';
import { DueDate, StatusTag } from './MilestoneBits.tsx';
import { MilestoneProperties } from './MilestoneProperties.tsx';
import { MoveToMenu } from './MoveToMenu.tsx';
import { boardColumns, isOverdue } from './milestones-model.ts';
import { TitleField } from './TitleField.tsx';
import './milestone-panel.css';

export const loadCommentsPanel = () => import('../comments/CommentsPanel.tsx');
const CommentsPanel = lazy(() => loadCommentsPanel().then((m) => ({ default: m.CommentsPanel })));

/**
 * The open milestone, beside the board: every field editable by edit access and co-edited
 * live (the description with everyone's cursors), and its comments. Escape closes it and puts
 * the focus back where it was. While it is open, the others see that you are on it.
 */
export function MilestoneDetail(props: { id: string }) {
  const room = useRoom();
  const { t } = useI18n();
  const milestone = () => room.byId().get(props.id);
  const focus = room.takeDetailFocus();
  let closeButton!: HTMLButtonElement;

  createEffect(() => room.actions.setEditing(room.canEdit() && milestone() ? props.id : null));
  onCleanup(() => room.actions.setEditing(null));
  onMount(() => {
    if (focus === 'panel') (room.canEdit() ? document.getElementById('ms-title') : closeButton)?.focus();
  });

  const close = () => {
    const id = props.id;
    room.select(null);
    room.restoreFocus(id);
  };

  return (
    <aside
      class="ms-detail"
      aria-labelledby="ms-detail-heading"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          close();
        }
      }}
    >
      <div class="ms-detail-bar">
        <h2 id="ms-detail-heading" class="visually-hidden">
          {t().room.detail.label(milestone()?.title ?? '')}
        </h2>
        {/* the header's save state is under this panel: it stays in view here */}
        <SaveIndicator />
        <span class="room-toolbar-spacer" />
        <Show when={milestone()}>
          {(m) => (
            <Show when={room.canEdit()}>
              <MoveToMenu milestone={m()} column={() => boardColumns(room.state.milestones)[m().status]} />
            </Show>
          )}
        </Show>
        <button
          ref={closeButton}
          type="button"
          class="icon-button"
          aria-label={t().room.detail.close}
          title={t().room.detail.closeHint}
          onClick={close}
        >
          <svg viewBox="0 0 16 16" aria-hidden="true">
            <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" stroke-width="1.5" />
          </svg>
        </button>
      </div>
      <Show when={milestone()} fallback={<p class="room-note">{t().room.detail.notFound}</p>}>
        {(m) => <DetailBody milestone={m()} focus={focus} />}
      </Show>
    </aside>
  );
}

function DetailBody(props: { milestone: Milestone; focus: string }) {
  const room = useRoom();
  const { t, locale } = useI18n();
  const m = () => props.milestone;
  const others = () => room.state.presence.filter((p) => !p.isSelf && p.editing.includes(m().id));
  const when = (ms: number | null) =>
    ms === null ? '' : formatRelative(locale(), new Date(ms).toISOString(), new Date(), t().time.justNow);
  const who = (id: string | null) => room.memberName(id) ?? t().room.detail.someone;

  return (
    <div class="ms-detail-body">
      {/* what the fields below do not say at a glance: the status for readers, lateness for all */}
      <Show when={!room.canEdit() || isOverdue(m(), room.today())}>
        <div class="ms-detail-status">
          <Show when={!room.canEdit()}>
            <StatusTag status={m().status} />
          </Show>
          <DueDate milestone={m()} />
        </div>
      </Show>
      <Show when={others().length > 0}>
        <p class="ms-detail-others">
          <span class="presence-dot" style={{ 'background-color': others()[0]!.color }} aria-hidden="true" />
          {t().room.detail.alsoHere(
            others()
              .map((p) => p.name)
              .join(', '),
          )}
        </p>
      </Show>
      <TitleField milestone={m()} autofocus={props.focus === 'title'} />
      <MilestoneProperties milestone={m()} />
      <DependenciesField milestone={m()} />
      {/* editing and reading are two different editors: losing edit access swaps them */}
      <Switch>
        <Match when={room.canEdit()}>
          <DescriptionField
            milestoneId={m().id}
            empty={m().description === ''}
            autofocus={props.focus === 'description'}
          />
        </Match>
        <Match when={!room.canEdit()}>
          <DescriptionField milestoneId={m().id} empty={m().description === ''} autofocus={false} />
        </Match>
      </Switch>
      <EvidenceFiles
        projectId={room.project().id}
        kind="milestone"
        targetId={m().id}
        targetLabel={m().title}
        canUpload={room.canEdit()}
      />
      <p class="ms-detail-meta">
        <Show when={m().createdAt !== null}>
          <span>{t().room.detail.created(who(m().createdBy), when(m().createdAt))}</span>
        </Show>
        <Show when={m().updatedAt !== null && m().updatedAt !== m().createdAt}>
          <span>{t().room.detail.updated(who(m().updatedBy), when(m().updatedAt))}</span>
        </Show>
      </p>
      <div class="ms-comments">
        <ErrorBoundary fallback={<p class="muted small">{t().room.detail.commentsUnavailable}</p>}>
          <Suspense fallback={<p class="muted">{t().room.detail.comments}…</p>}>
            <CommentsPanel
              projectId={room.project().id}
              milestoneId={m().id}
              canComment={room.canComment()}
              members={room.members()}
              headingLevel={3}
            />
          </Suspense>
        </ErrorBoundary>
      </div>
    </div>
  );
}
