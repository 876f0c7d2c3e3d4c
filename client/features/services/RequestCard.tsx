import { A } from '@solidjs/router';
import { createSignal, For, type JSX, Show } from 'solid-js';
import type { ServiceRequest, UpdateServiceRequestBody } from '../../../shared/services.ts';
import { useI18n } from '../../app-context.tsx';
import { describeError } from '../../errors.ts';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { answerText } from './form-validation.ts';
import { type MilestoneOption, servicesApi } from './services-api.ts';

/**
 * One service request: where it stands, what was asked, its history and comments, the
 * milestone that tracks it, and (delivered) the address to cite as evidence. `actions` is the
 * handling team's move form, shown in the queue.
 */
export function RequestCard(props: {
  request: ServiceRequest;
  onChange: (next: ServiceRequest) => void;
  showProject?: boolean;
  actions?: JSX.Element;
  /** the project's milestones, to track the request by one of them */
  milestones?: readonly MilestoneOption[];
}) {
  const { t, locale } = useI18n();
  const r = () => t().services.requests;
  const s = () => t().services;
  const [comment, setComment] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal('');
  const [copied, setCopied] = createSignal(false);
  const [trackBy, setTrackBy] = createSignal('');
  const req = () => props.request;
  const field = (key: string) => req().service.form.find((f) => f.key === key);
  const answers = () => Object.entries(req().answers);

  async function send(body: UpdateServiceRequestBody) {
    setBusy(true);
    setError('');
    try {
      props.onChange(await servicesApi.update(req().id, body));
      return true;
    } catch (err) {
      setError(`${r().actionFailed} ${describeError(err, t())}`);
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function copy() {
    await navigator.clipboard?.writeText(req().link).catch(() => undefined);
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  }

  return (
    <li class="card request-card" id={`request-${req().id}`} tabindex="-1">
      <div class="request-head">
        <h2 class="request-title">{req().service.name[locale()]}</h2>
        <span class="status-tag" data-status={req().status}>
          {s().status[req().status]}
        </span>
      </div>
      <Show when={req().hospital}>
        {(hospital) => <p class="request-hospital">{r().hospital(hospital().name)}</p>}
      </Show>
      <p class="muted small">
        <Show when={props.showProject}>
          <Show when={req().canViewProject} fallback={<span>{req().project.title}</span>}>
            <A class="text-link" href={`/projects/${req().project.id}/services`}>
              {req().project.title}
            </A>
          </Show>
          {' · '}
        </Show>
        {r().requestedBy(req().requester.name, formatDate(locale(), req().submittedAt))}
        <Show when={req().scheduledFor}>
          {(date) => (
            <>
              {' · '}
              <strong>{r().scheduledFor(formatDate(locale(), date()))}</strong>
            </>
          )}
        </Show>
      </p>

      <details class="request-details">
        <summary>{r().answers}</summary>
        <dl class="answers">
          <For each={answers()}>
            {([key, value]) => (
              <>
                <dt>{field(key)?.label[locale()] ?? key}</dt>
                <dd>{answerText(field(key), value, locale(), [r().yes, r().no])}</dd>
              </>
            )}
          </For>
        </dl>
      </details>

      <Show
        when={req().milestoneId}
        fallback={
          <Show when={req().canLink && !props.actions}>
            <div class="request-track">
              <span class="muted small">{r().notTracked}</span>
              <label for={`track-${req().id}`} class="visually-hidden">
                {r().milestone}
              </label>
              <select
                id={`track-${req().id}`}
                class="select track-select"
                onChange={(e) => setTrackBy(e.currentTarget.value)}
              >
                <option value="" selected={trackBy() === ''}>
                  {r().trackNew}
                </option>
                <Show when={props.milestones?.length}>
                  <optgroup label={r().trackExisting}>
                    <For each={props.milestones}>
                      {(m) => (
                        <option value={m.id} selected={trackBy() === m.id}>
                          {m.title}
                        </option>
                      )}
                    </For>
                  </optgroup>
                </Show>
              </select>
              <button
                type="button"
                class="button button-small"
                disabled={busy()}
                onClick={() =>
                  void send({ milestone: trackBy() ? { milestoneId: trackBy() } : { create: true } })
                }
              >
                {r().track}
              </button>
            </div>
          </Show>
        }
      >
        {(milestoneId) => (
          <p class="request-track small">
            <span aria-hidden="true">◆</span> {r().trackedBy}
            <Show when={props.milestones?.find((m) => m.id === milestoneId())}>
              {(m) => <strong> “{m().title}”</strong>}
            </Show>
            <Show when={req().canViewProject}>
              {' · '}
              <A
                class="text-link"
                href={`/projects/${req().project.id}?m=${encodeURIComponent(milestoneId())}`}
              >
                {r().openTimeline}
              </A>
            </Show>
          </p>
        )}
      </Show>

      <Show when={req().status === 'delivered'}>
        <div class="cite">
          <span class="small">
            <strong>{r().citeTitle}</strong> — {r().citeHint}
          </span>
          <div class="cite-row">
            <input
              type="text"
              readonly
              value={req().link}
              aria-label={r().citeTitle}
              onFocus={(e) => e.currentTarget.select()}
            />
            <button type="button" class="button button-small" onClick={() => void copy()}>
              {copied() ? r().copied : r().copy}
            </button>
          </div>
        </div>
      </Show>

      {/* A named list, not a landmark: every card in a queue has one. */}
      <div class="request-history">
        <ol class="history" aria-label={r().history}>
          <For each={req().events}>
            {(e) => (
              <li class="history-item">
                <span class="history-line">
                  <Show when={e.to} fallback={<strong>{e.author?.name ?? ''}</strong>}>
                    {(to) =>
                      e.from === null
                        ? r().filed(e.author?.name ?? '')
                        : r().moved(e.author?.name ?? '', s().status[to()])
                    }
                  </Show>
                  <time class="muted small" dateTime={e.at}>
                    {' '}
                    {formatDateTime(locale(), e.at)}
                  </time>
                </span>
                <Show when={e.comment}>
                  <p class="history-comment">{e.comment}</p>
                </Show>
              </li>
            )}
          </For>
        </ol>
      </div>

      {props.actions}

      <Show when={req().canComment}>
        <form
          class="comment-form"
          onSubmit={async (e) => {
            e.preventDefault();
            if (!comment().trim()) return;
            if (await send({ comment: comment().trim() })) setComment('');
          }}
        >
          <label for={`comment-${req().id}`} class="visually-hidden">
            {r().comment}
          </label>
          <textarea
            id={`comment-${req().id}`}
            rows={2}
            placeholder={r().commentPlaceholder}
            value={comment()}
            onInput={(e) => setComment(e.currentTarget.value)}
          />
          <button type="submit" class="button button-small" disabled={busy() || !comment().trim()}>
            {busy() ? r().sending : r().send}
          </button>
        </form>
      </Show>
      <p class="form-error-slot" role="alert">
        <Show when={error()}>
          <span class="form-error">{error()}</span>
        </Show>
      </p>
    </li>
  );
}
