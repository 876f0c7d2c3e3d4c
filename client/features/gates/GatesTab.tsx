import './gates.css';
import './gate-forms.css';
import { createMemo, createResource, For, onCleanup, Show } from 'solid-js';
import { APP_EVENTS } from '../../../shared/protocol/index.ts';
import type { GateReview } from '../../../shared/schemas/gates.ts';
import { useApp, useI18n } from '../../app-context.tsx';
import { InlineLoadFailed, Loading } from '../../components/LoadStates.tsx';
import { appSocket } from '../../realtime/socket.ts';
import { useRoom } from '../project/room/room-context.tsx';
import { DecidedGate } from './DecidedGate.tsx';
import { gatesApi } from './gates-api.ts';
import { OpenReview } from './OpenReview.tsx';
import { RequestGate } from './RequestGate.tsx';

/**
 * The project's stage gates: the current gate (request it, or follow and act on its open
 * review) and every decided gate with its signed record. Follows the server live: any gate
 * change in this project, seen by anyone, refreshes it.
 */
export function GatesTab() {
  const room = useRoom();
  const { connectivity } = useApp();
  const { t } = useI18n();
  const g = () => t().gates;
  const projectId = room.project().id;
  const [reviews, { refetch, mutate }] = createResource(() => projectId, gatesApi.list);

  const socket = appSocket();
  const onGate = (change: { projectId: string }) => {
    if (change.projectId === projectId) void refetch();
  };
  socket.on(APP_EVENTS.gateChanged, onGate);
  // Events missed while disconnected: catch up when the connection returns.
  socket.io.on('reconnect', refetch);
  onCleanup(() => {
    socket.off(APP_EVENTS.gateChanged, onGate);
    socket.io.off('reconnect', refetch);
  });

  const list = () => (reviews.error ? undefined : reviews.latest?.reviews);
  const open = createMemo(() => list()?.find((r) => r.status === 'open'));
  const decided = createMemo(() => list()?.filter((r) => r.decision) ?? []);
  const replace = (review: GateReview) =>
    mutate((current) => ({
      reviews: [review, ...(current?.reviews ?? []).filter((r) => r.id !== review.id)],
    }));

  return (
    <section class="gates" aria-labelledby="gates-title" aria-busy={reviews.loading ? 'true' : 'false'}>
      <h2 id="gates-title" class="visually-hidden">
        {g().tab}
      </h2>
      <Show when={!connectivity[0].online}>
        <p class="room-note gates-offline" role="status">
          {g().offline}
        </p>
      </Show>
      <Show
        when={list()}
        fallback={
          <Show when={reviews.error} fallback={<Loading label={g().loading} />}>
            <InlineLoadFailed message={g().loadError} error={reviews.error} onRetry={() => void refetch()} />
          </Show>
        }
      >
        <Show
          when={open()}
          fallback={<RequestGate onRequested={replace} previous={decided()[0]?.decision?.milestones ?? []} />}
        >
          {(review) => <OpenReview review={review()} onChange={replace} />}
        </Show>
        <section class="gates-history" aria-labelledby="gates-history-title">
          <h3 id="gates-history-title" class="room-section-title">
            {g().history}
          </h3>
          <Show when={decided().length > 0} fallback={<p class="muted">{g().noHistory}</p>}>
            <ol class="gates-list">
              <For each={decided()}>
                {(review) => (
                  <li>
                    <DecidedGate review={review} />
                  </li>
                )}
              </For>
            </ol>
          </Show>
        </section>
      </Show>
    </section>
  );
}
