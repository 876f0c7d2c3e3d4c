import { createResource, createSignal, For, Show } from 'solid-js';
import type { MentorRequest } from '../../../shared/directory.ts';
import { useI18n } from '../../app-context.tsx';
import { describeError } from '../../errors.ts';
import { formatDate } from '../../i18n/format.ts';
import { mentorsApi } from './mentors-api.ts';

/** Requests sent to the signed-in user as a mentor; shown only when there are some. */
export function MentorInbox() {
  const { t, locale } = useI18n();
  const m = () => t().directory.mentors;
  const [inbox, { mutate }] = createResource(mentorsApi.inbox);
  const [busy, setBusy] = createSignal<string | null>(null);
  const [error, setError] = createSignal('');
  const requests = () => (inbox.error ? [] : (inbox.latest?.requests ?? []));

  async function answer(r: MentorRequest, decision: 'accept' | 'decline') {
    setBusy(r.id);
    setError('');
    try {
      const next = await mentorsApi.respond(r.id, { decision });
      mutate({ requests: requests().map((x) => (x.id === next.id ? next : x)) });
    } catch (err) {
      setError(`${m().answerFailed} ${describeError(err, t())}`);
    } finally {
      setBusy(null);
    }
  }

  return (
    <Show when={requests().length > 0}>
      <section class="panel inbox" aria-labelledby="mentor-inbox">
        <h2 class="panel-title" id="mentor-inbox">
          {m().inboxTitle}
        </h2>
        <p class="form-error-slot" role="alert">
          <Show when={error()}>
            <span class="form-error">{error()}</span>
          </Show>
        </p>
        <For each={requests()}>
          {(r) => (
            <div class="inbox-item">
              <div class="inbox-text">
                <strong>{r.project.title}</strong>
                <span class="muted small">
                  {m().from(r.requestedBy.name, formatDate(locale(), r.createdAt))}
                </span>
                <span>{r.message}</span>
              </div>
              <Show
                when={r.status === 'pending'}
                fallback={<span class="tag">{m().answered[r.status]}</span>}
              >
                <div class="inbox-actions">
                  <button
                    type="button"
                    class="button button-primary button-small"
                    disabled={busy() === r.id}
                    onClick={() => void answer(r, 'accept')}
                  >
                    {m().accept}
                  </button>
                  <button
                    type="button"
                    class="button button-small"
                    disabled={busy() === r.id}
                    onClick={() => void answer(r, 'decline')}
                  >
                    {m().decline}
                  </button>
                </div>
              </Show>
            </div>
          )}
        </For>
      </section>
    </Show>
  );
}
