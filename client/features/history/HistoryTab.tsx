import './history.css';
import { useSearchParams } from '@solidjs/router';
import { createResource, createSignal, For, Match, Switch } from 'solid-js';
import { useApp, useI18n } from '../../app-context.tsx';
import { Loading } from '../../components/LoadStates.tsx';
import { StatePanel } from '../../components/StatePanel.tsx';
import { describeError } from '../../errors.ts';
import { dateTimeInputValue, formatDate, formatDateTime, instantOfDateTimeInput } from '../../i18n/format.ts';
import { gatesApi } from '../gates/gates-api.ts';
import { useRoom } from '../project/room/room-context.tsx';
import { HistoricProject } from './HistoricProject.tsx';
import { type HistoryPick, historyApi } from './history-api.ts';
import { ReadinessOverTime } from './ReadinessOverTime.tsx';

const HOUR = 3_600_000;

// The moment picker speaks the profile's time zone, like every time shown around it.
const toLocalInput = dateTimeInputValue;

/**
 * The project as it stood at a chosen moment or gate, read-only, beside its readiness over
 * time. The choice lives in the URL (`at` or `gate`), so a link opens the same view.
 */
export function HistoryTab() {
  const room = useRoom();
  const { connectivity } = useApp();
  const { t, locale } = useI18n();
  const h = () => t().history;
  const projectId = room.project().id;
  const createdAt = () => Date.parse(room.project().createdAt);
  const [params, setParams] = useSearchParams<{ at?: string; gate?: string }>();

  const pick = (): HistoryPick | null =>
    params.gate
      ? { kind: 'gate', reviewId: params.gate }
      : params.at
        ? { kind: 'time', at: params.at }
        : null;
  const [mode, setMode] = createSignal<'time' | 'gate'>(params.gate ? 'gate' : 'time');
  const [draft, setDraft] = createSignal(
    params.at ? toLocalInput(Date.parse(params.at)) : toLocalInput(Math.max(createdAt(), Date.now() - HOUR)),
  );
  const [gateDraft, setGateDraft] = createSignal(params.gate ?? '');

  const [view, { refetch }] = createResource(pick, (p) => historyApi.at(projectId, p));
  const [gates] = createResource(
    () => (mode() === 'gate' ? projectId : null),
    (id) => gatesApi.list(id),
  );
  // Reading a failed resource throws; read them only through these.
  const shown = () => (view.error ? undefined : view.latest);
  const gateList = () => (gates.error ? undefined : gates.latest);
  const gateName = (stageIndex: number) =>
    room.framework()?.stages[stageIndex]?.gateName[locale()] ?? `#${stageIndex}`;

  const showMoment = (ms: number) =>
    setParams({ at: new Date(ms).toISOString(), gate: undefined }, { replace: true });
  const submit = (event: Event) => {
    event.preventDefault();
    if (mode() === 'gate') {
      if (gateDraft()) setParams({ gate: gateDraft(), at: undefined }, { replace: true });
      return;
    }
    const ms = instantOfDateTimeInput(draft());
    if (ms === null) return;
    // the input has minutes; the minute the project was created means its creation
    showMoment(ms < createdAt() && createdAt() - ms < 60_000 ? createdAt() : ms);
  };
  const quick = () =>
    [
      { label: h().quickHourAgo, ms: Date.now() - HOUR },
      { label: h().quickYesterday, ms: Date.now() - 24 * HOUR },
      { label: h().quickWeekAgo, ms: Date.now() - 7 * 24 * HOUR },
    ].filter((q) => q.ms >= createdAt());

  return (
    <section class="history" aria-labelledby="history-title">
      <div class="history-top">
        <div class="history-intro">
          <h2 id="history-title" class="room-section-title">
            {h().title}
          </h2>
          <p class="muted room-section-intro">{h().intro}</p>
          <form class="panel history-pick" onSubmit={submit} aria-label={h().pick}>
            <fieldset class="history-modes">
              <legend class="visually-hidden">{h().pick}</legend>
              <label class="history-mode">
                <input
                  type="radio"
                  name="history-mode"
                  value="time"
                  checked={mode() === 'time'}
                  onChange={() => setMode('time')}
                />
                {h().modeTime}
              </label>
              <label class="history-mode">
                <input
                  type="radio"
                  name="history-mode"
                  value="gate"
                  checked={mode() === 'gate'}
                  onChange={() => setMode('gate')}
                />
                {h().modeGate}
              </label>
            </fieldset>
            <Switch>
              <Match when={mode() === 'time'}>
                <div class="history-field">
                  <label for="history-at">{h().dateLabel}</label>
                  <div class="history-row">
                    <input
                      id="history-at"
                      type="datetime-local"
                      class="history-input"
                      value={draft()}
                      min={toLocalInput(createdAt())}
                      max={toLocalInput(Date.now())}
                      aria-describedby="history-at-hint"
                      onInput={(e) => setDraft(e.currentTarget.value)}
                      required
                    />
                    <button type="submit" class="button button-primary">
                      {h().show}
                    </button>
                  </div>
                  <p id="history-at-hint" class="muted small">
                    {h().dateHint(formatDateTime(locale(), room.project().createdAt))}
                  </p>
                </div>
                <fieldset class="history-quick">
                  <legend class="visually-hidden">{h().quick}</legend>
                  <button type="button" class="button button-small" onClick={() => showMoment(createdAt())}>
                    {h().quickCreation}
                  </button>
                  <For each={quick()}>
                    {(q) => (
                      <button type="button" class="button button-small" onClick={() => showMoment(q.ms)}>
                        {q.label}
                      </button>
                    )}
                  </For>
                </fieldset>
              </Match>
              <Match when={mode() === 'gate'}>
                <Switch>
                  <Match when={gates.error}>
                    <p class="form-error" role="alert">
                      {describeError(gates.error, t())}
                    </p>
                  </Match>
                  <Match when={gates.loading}>
                    <p class="muted" role="status">
                      {h().gatesLoading}
                    </p>
                  </Match>
                  <Match when={gateList()?.reviews.length === 0}>
                    <p class="muted">{h().noGates}</p>
                  </Match>
                  <Match when={gateList()}>
                    {(list) => (
                      <div class="history-field">
                        <label for="history-gate">{h().gateLabel}</label>
                        <div class="history-row">
                          <select
                            id="history-gate"
                            class="select history-input"
                            value={gateDraft()}
                            onChange={(e) => setGateDraft(e.currentTarget.value)}
                            required
                          >
                            <option value="" disabled>
                              {h().gateLabel}
                            </option>
                            <For each={list().reviews}>
                              {(r) => (
                                <option value={r.id}>
                                  {h().gateOption(
                                    gateName(r.stageIndex),
                                    formatDate(locale(), r.requestedAt),
                                  )}
                                </option>
                              )}
                            </For>
                          </select>
                          <button type="submit" class="button button-primary" disabled={!gateDraft()}>
                            {h().show}
                          </button>
                        </div>
                      </div>
                    )}
                  </Match>
                </Switch>
              </Match>
            </Switch>
          </form>
        </div>
        <ReadinessOverTime projectId={projectId} />
      </div>

      <div class="history-result" aria-live="polite" aria-busy={view.loading}>
        <Switch>
          <Match when={!pick()}>
            <p class="history-empty muted">{h().empty}</p>
          </Match>
          <Match when={view.error}>
            <StatePanel
              title={h().loadError}
              body={connectivity[0].online ? describeError(view.error, t()) : h().offline}
              tone="error"
              icon="error"
            >
              <button type="button" class="button" onClick={() => void refetch()}>
                {t().app.retry}
              </button>
            </StatePanel>
          </Match>
          <Match when={view.loading}>
            <Loading label={h().loading} />
          </Match>
          <Match when={shown()}>
            {(v) => (
              <HistoricProject
                view={v()}
                gateName={gateName}
                onClear={() => setParams({ at: undefined, gate: undefined }, { replace: true })}
              />
            )}
          </Match>
        </Switch>
      </div>
    </section>
  );
}
