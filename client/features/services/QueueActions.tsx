import { createSignal, For, Show } from 'solid-js';
import {
  type RequestStatus,
  requestTransitions,
  type ServiceRequest,
  type UpdateServiceRequestBody,
} from '../../../shared/services.ts';
import { useI18n } from '../../app-context.tsx';
import { ApiError, describeError } from '../../errors.ts';
import { servicesApi } from './services-api.ts';

/** The handling team's move: the next status, its date when scheduling, a milestone, a comment. */
export function QueueActions(props: {
  request: ServiceRequest;
  onChange: (next: ServiceRequest) => void;
  onConflict: () => void;
}) {
  const { t } = useI18n();
  const q = () => t().services.queue;
  const next = () => requestTransitions[props.request.status];
  const [to, setTo] = createSignal<RequestStatus | ''>(next()[0] ?? '');
  const [date, setDate] = createSignal('');
  const [track, setTrack] = createSignal(true);
  const [comment, setComment] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal('');
  const id = (part: string) => `move-${props.request.id}-${part}`;
  const offersTrack = () =>
    !props.request.milestoneId && (to() === 'accepted' || to() === 'scheduled' || to() === 'delivered');

  async function apply(e: SubmitEvent) {
    e.preventDefault();
    const status = to();
    if (!status) return;
    if (status === 'scheduled' && !date()) {
      setError(q().dateRequired);
      document.getElementById(id('date'))?.focus();
      return;
    }
    const body: UpdateServiceRequestBody = {
      status,
      ...(status === 'scheduled' ? { scheduledFor: date() } : {}),
      ...(comment().trim() ? { comment: comment().trim() } : {}),
      ...(offersTrack() && track() ? { milestone: { create: true as const } } : {}),
    };
    setBusy(true);
    setError('');
    try {
      const updated = await servicesApi.update(props.request.id, body);
      setComment('');
      setDate('');
      setTo(requestTransitions[updated.status][0] ?? '');
      props.onChange(updated);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        setError(q().conflict);
        props.onConflict();
      } else setError(describeError(err, t()));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Show when={props.request.canHandle && next().length}>
      <form class="queue-action" onSubmit={apply}>
        <fieldset class="queue-choices">
          <legend class="visually-hidden">{q().moveTo('')}</legend>
          <For each={next()}>
            {(status) => (
              <label class="checkbox">
                <input
                  type="radio"
                  name={id('status')}
                  value={status}
                  checked={to() === status}
                  onChange={() => setTo(status)}
                />
                {q().moveTo(t().services.status[status])}
              </label>
            )}
          </For>
        </fieldset>
        <Show when={to() === 'scheduled'}>
          <div class="field">
            <label for={id('date')}>{q().scheduleDate}</label>
            <input
              id={id('date')}
              type="date"
              value={date()}
              onInput={(e) => setDate(e.currentTarget.value)}
            />
          </div>
        </Show>
        <Show when={offersTrack()}>
          <label class="checkbox">
            <input type="checkbox" checked={track()} onChange={(e) => setTrack(e.currentTarget.checked)} />
            {q().trackWithMilestone}
          </label>
        </Show>
        <label for={id('comment')} class="small">
          {q().commentOptional}
        </label>
        <textarea
          id={id('comment')}
          rows={2}
          value={comment()}
          onInput={(e) => setComment(e.currentTarget.value)}
        />
        <div class="queue-action-row">
          <p class="form-error-slot" role="alert">
            <Show when={error()}>
              <span class="form-error">{error()}</span>
            </Show>
          </p>
          <button type="submit" class="button button-primary button-small" disabled={busy()}>
            {busy() ? q().applying : q().apply}
          </button>
        </div>
      </form>
    </Show>
  );
}
