import { createMemo, createSignal, For, Index, Show } from 'solid-js';
import type { GateOutcome, GateReview } from '../../../shared/schemas/gates.ts';
import { useApp, useI18n } from '../../app-context.tsx';
import { describeError } from '../../errors.ts';
import { useRoom } from '../project/room/room-context.tsx';
import { gatesApi } from './gates-api.ts';
import { RationaleField } from './RationaleField.tsx';

export const OUTCOMES: readonly GateOutcome[] = ['go', 'conditional_go', 'hold', 'recycle', 'kill'];

/**
 * A reviewer's recommendation: a 1–5 score per should-meet criterion, an outcome, the
 * reasons, and a declared conflict of interest when their organisation partners the project.
 * Starts from the reviewer's earlier recommendation, if any, so it can be revised.
 */
export function RecommendationForm(props: {
  review: GateReview;
  onChange: (r: GateReview) => void;
  /** inside a disclosure that already names it */
  nested?: boolean;
}) {
  const room = useRoom();
  const { frameworks } = useApp();
  const { t, locale } = useI18n();
  const g = () => t().gates;
  const should = createMemo(
    () =>
      frameworks[1]
        .stage(room.project().track, props.review.stageIndex)
        ?.criteria.filter((c) => c.kind === 'should') ?? [],
  );
  const mine = () => props.review.recommendations.find((r) => r.reviewer.id === room.me().id);
  const [scores, setScores] = createSignal<Record<string, number>>({ ...(mine()?.scores ?? {}) });
  // Nothing is recommended for the reviewer: an unchanged form must not read as a Go.
  const [outcome, setOutcome] = createSignal<GateOutcome | ''>(mine()?.recommendation ?? '');
  const [missingOutcome, setMissingOutcome] = createSignal(false);
  const [rationale, setRationale] = createSignal(mine()?.rationale ?? '');
  const [conflict, setConflict] = createSignal(mine()?.conflictOfInterest ?? '');
  const [missingRationale, setMissingRationale] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);
  const [saved, setSaved] = createSignal(false);
  const id = (suffix: string) => `gate-rec-${props.review.id}-${suffix}`;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setSaved(false);
    const recommendation = outcome();
    if (recommendation === '') {
      setMissingOutcome(true);
      document.getElementById(id('outcome'))?.focus();
      return;
    }
    if (!rationale().trim()) {
      setMissingRationale(true);
      document.getElementById(id('rationale'))?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const review = await gatesApi.recommend(room.project().id, props.review.id, {
        scores: scores(),
        recommendation,
        rationale: rationale().trim(),
        ...(conflict().trim() ? { conflictOfInterest: conflict().trim() } : {}),
      });
      props.onChange(review);
      setSaved(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      class="gate-form"
      classList={{ 'gate-block': !props.nested }}
      aria-label={g().yourRecommendation}
      onSubmit={(e) => void submit(e)}
      novalidate
    >
      <Show when={!props.nested}>
        <h4 class="gate-block-title">{g().yourRecommendation}</h4>
      </Show>
      <Show when={should().length > 0}>
        <div class="gate-score-list">
          <For each={should()}>
            {(criterion) => (
              <fieldset class="gate-score">
                <legend>{criterion.text[locale()]}</legend>
                <div class="gate-score-options">
                  <Index each={[1, 2, 3, 4, 5]}>
                    {(value) => (
                      <label class="gate-score-option" title={g().scoreName(value())}>
                        <input
                          type="radio"
                          name={id(`score-${criterion.id}`)}
                          value={value()}
                          checked={scores()[criterion.id] === value()}
                          onChange={() => setScores({ ...scores(), [criterion.id]: value() })}
                        />
                        <span>{value()}</span>
                        <span class="visually-hidden"> — {g().scoreName(value())}</span>
                      </label>
                    )}
                  </Index>
                </div>
              </fieldset>
            )}
          </For>
        </div>
      </Show>
      <div class="field">
        <label for={id('outcome')}>{g().recommendationLabel}</label>
        <select
          id={id('outcome')}
          class="select"
          value={outcome()}
          aria-invalid={missingOutcome() ? 'true' : undefined}
          aria-describedby={missingOutcome() ? id('outcome-error') : undefined}
          onChange={(e) => {
            setOutcome(e.currentTarget.value as GateOutcome | '');
            setMissingOutcome(false);
          }}
        >
          <option value="" disabled>
            {g().recommendationNone}
          </option>
          <For each={OUTCOMES}>{(o) => <option value={o}>{g().outcomes[o]}</option>}</For>
        </select>
        <Show when={missingOutcome()}>
          <p id={id('outcome-error')} class="field-error">
            {g().recommendationMissing}
          </p>
        </Show>
      </div>
      <RationaleField
        id={id('rationale')}
        value={rationale()}
        missing={missingRationale()}
        hint={g().rationaleHint}
        onInput={(value) => {
          setRationale(value);
          setMissingRationale(false);
        }}
      />
      <div class="field">
        <label for={id('coi')}>{g().conflictLabel}</label>
        <textarea
          id={id('coi')}
          class="textarea"
          rows={2}
          maxLength={2000}
          value={conflict()}
          aria-describedby={id('coi-hint')}
          onInput={(e) => setConflict(e.currentTarget.value)}
        />
        <p id={id('coi-hint')} class="muted small">
          {g().conflictHint}
        </p>
      </div>
      <Show when={error()}>
        <p class="form-error" role="alert">
          {(error() as { status?: number }).status === 400
            ? (error() as Error).message
            : describeError(error(), t())}
        </p>
      </Show>
      <div class="gate-actions">
        <button type="submit" class="button button-primary" disabled={busy()}>
          {busy() ? g().submittingRecommendation : g().submitRecommendation}
        </button>
        <p class="muted small" role="status">
          {saved() ? g().recommendationSaved : ''}
        </p>
      </div>
    </form>
  );
}
