import { createMemo, createSignal, For, Show } from 'solid-js';
import type { ConditionMilestone, GateReview } from '../../../shared/schemas/gates.ts';
import { useApp, useI18n } from '../../app-context.tsx';
import { ApiError, describeError } from '../../errors.ts';
import { formatNumber } from '../../i18n/format.ts';
import { useRoom } from '../project/room/room-context.tsx';
import { ConditionMilestones } from './ConditionMilestones.tsx';
import { gatesApi } from './gates-api.ts';
import { ReadinessThresholds } from './ReadinessThresholds.tsx';

/**
 * No review is open: where the current gate stands (must-meet criteria checked with evidence,
 * live from the document) and, for the lead, the request. The server has the last word: if it
 * finds criteria missing, they are listed by name.
 */
export function RequestGate(props: {
  onRequested: (review: GateReview) => void;
  /** the milestones the last decision's conditions (or deficiencies) became */
  previous?: ConditionMilestone[];
}) {
  const room = useRoom();
  const { frameworks } = useApp();
  const { t, locale } = useI18n();
  const g = () => t().gates;
  const n = (x: number) => formatNumber(locale(), x);
  const project = room.project;
  const stage = () => frameworks[1].stage(project().track, project().stage);
  const must = createMemo(() => stage()?.criteria.filter((c) => c.kind === 'must') ?? []);
  const isMet = (id: string) => {
    const check = room.state.criteria[id];
    return !!check?.checked && check.evidence.trim() !== '';
  };
  const missing = createMemo(() => must().filter((c) => !isMet(c.id)));
  const canRequest = () => project().permissions.includes('gate.request') && !project().archived;
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);

  /** The server's list of missing criteria, named in the reader's language. */
  const serverMissing = () => {
    const err = error();
    if (!(err instanceof ApiError) || err.status !== 409) return [];
    return err.issues
      .filter((issue) => !issue.path.startsWith('conditions.'))
      .map((issue) => must().find((c) => c.id === issue.path)?.text[locale()] ?? issue.message);
  };
  /** the previous decision's milestones still open, as the server refused the request for them */
  const openConditions = () => {
    const err = error();
    if (!(err instanceof ApiError) || err.status !== 409) return [];
    return err.issues.filter((issue) => issue.path.startsWith('conditions.')).map((issue) => issue.message);
  };
  const [explanation, setExplanation] = createSignal('');

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const why = explanation().trim();
      props.onRequested(await gatesApi.request(project().id, why ? { explanation: why } : undefined));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="panel gate-current" aria-labelledby="gate-current-title">
      <h3 id="gate-current-title" class="room-section-title">
        {stage()?.gateName[locale()] ?? t().room.header.nextGate}
      </h3>
      <p class="muted room-section-intro">{g().intro}</p>
      <Show when={project().archived}>
        <p class="room-note">{g().archived}</p>
      </Show>
      <Show when={!project().archived}>
        <p class="gate-status">
          <span class="gate-meter" aria-hidden="true">
            <span
              style={{
                width: `${must().length ? ((must().length - missing().length) / must().length) * 100 : 0}%`,
              }}
            />
          </span>
          {g().criteriaMet(
            must().length - missing().length,
            n(must().length - missing().length),
            n(must().length),
          )}
        </p>
        <ReadinessThresholds />
        <p>{g().noReview}</p>
        <Show when={(props.previous ?? []).length > 0}>
          <ConditionMilestones
            id="gate-request-previous"
            title={t().committee.previousTitle}
            milestones={props.previous ?? []}
          />
        </Show>
        <Show when={openConditions().length > 0}>
          <div class="form-error" role="alert">
            <p>{t().committee.explanationNeeded}</p>
            <ul>
              <For each={openConditions()}>{(text) => <li>{text}</li>}</For>
            </ul>
          </div>
        </Show>
        <Show when={canRequest() && (openConditions().length > 0 || explanation() !== '')}>
          <div class="field">
            <label for="gate-request-explanation">{t().committee.explanationLabel}</label>
            <textarea
              id="gate-request-explanation"
              maxLength={2000}
              rows={3}
              value={explanation()}
              onInput={(e) => setExplanation(e.currentTarget.value)}
            />
          </div>
        </Show>
        <Show when={missing().length > 0 && serverMissing().length === 0}>
          <div class="gate-missing">
            <p>{g().missingTitle}</p>
            <ul>
              <For each={missing()}>{(c) => <li>{c.text[locale()]}</li>}</For>
            </ul>
            <button type="button" class="link-button" onClick={() => room.setTab('criteria')}>
              {g().toCriteria}
            </button>
          </div>
        </Show>
        <Show when={serverMissing().length > 0}>
          <div class="form-error" role="alert">
            <p>{g().missingTitle}</p>
            <ul>
              <For each={serverMissing()}>{(text) => <li>{text}</li>}</For>
            </ul>
          </div>
        </Show>
        <Show when={error() && serverMissing().length === 0 && openConditions().length === 0}>
          <p class="form-error" role="alert">
            {error() instanceof ApiError && (error() as ApiError).status === 409
              ? (error() as ApiError).message
              : describeError(error(), t())}
          </p>
        </Show>
        <Show when={canRequest()} fallback={<p class="muted">{g().leadRequests}</p>}>
          <div class="gate-actions">
            <button
              type="button"
              class="button button-primary"
              disabled={busy()}
              aria-describedby="gate-request-hint"
              onClick={() => void submit()}
            >
              {busy() ? g().requesting : g().request}
            </button>
            <p id="gate-request-hint" class="muted small">
              {g().requestHint}
            </p>
          </div>
        </Show>
      </Show>
    </section>
  );
}
