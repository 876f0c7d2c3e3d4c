import { useSearchParams } from '@solidjs/router';
import { createSignal, For, Index, onMount, Show } from 'solid-js';
import type { GateOutcome, GateReview } from '../../../shared/schemas/gates.ts';
import { useApp, useI18n } from '../../app-context.tsx';
import { ApiError, describeError } from '../../errors.ts';
import { formatNumber, formatTime } from '../../i18n/format.ts';
import { useRoom } from '../project/room/room-context.tsx';
import { DecisionSummary } from './DecisionSummary.tsx';
import { keepDraft, takeDraft } from './decision-draft.ts';
import { gatesApi } from './gates-api.ts';
import { RationaleField } from './RationaleField.tsx';
import { OUTCOMES } from './RecommendationForm.tsx';

interface ConditionDraft {
  title: string;
  due: string;
}

/**
 * The cluster manager records the decision and signs it, in two steps. First the decision:
 * an outcome they choose (none is chosen for them: the signature is irreversible), the
 * rationale, the conditions of a Conditional Go. Then, before signing, what it will do (the
 * stage change, the milestones its conditions become, who signs and how: DecisionSummary), and
 * the signature itself: the password re-entered (with the authenticator's code when
 * two-factor authentication is on for the signer), under the statement of what signing means,
 * and a button that names the outcome it signs. Someone who signs in through their organisation signs
 * in again there instead: the draft is kept in the tab while they are away, and the page they
 * come back to (with the step-up's id in its address) restores it and signs with it. A signed
 * decision can never be changed.
 */
export function DecisionForm(props: { review: GateReview; onChange: (r: GateReview) => void }) {
  const room = useRoom();
  const { session } = useApp();
  const { t, locale } = useI18n();
  const g = () => t().gates;
  const tf = () => t().twoFactor.gate;
  const needsCode = () => session[0].me?.twoFactor.enabled === true;
  const [params, setParams] = useSearchParams<{ stepUp?: string; stepUpFailed?: string }>();
  /** the organisation whose sign-in signs them in again, if they sign in through one */
  const organisation = () => session[0].me?.signing.organisation ?? null;
  const hasPassword = () => session[0].me?.signing.password !== false;
  /** the step-up they came back with, and when they came back */
  const [stepUp, setStepUp] = createSignal<{ id: string; at: string } | null>(null);
  const [stepUpFailed, setStepUpFailed] = createSignal(false);
  const [leaving, setLeaving] = createSignal(false);
  const [code, setCode] = createSignal('');
  const [outcome, setOutcome] = createSignal<GateOutcome | null>(null);
  /** the second step: the summary and the signature */
  const [confirming, setConfirming] = createSignal(false);
  const [rationale, setRationale] = createSignal('');
  const [conditions, setConditions] = createSignal<ConditionDraft[]>([{ title: '', due: '' }]);
  const [password, setPassword] = createSignal('');
  /** a Hold's review date */
  const [reviewDate, setReviewDate] = createSignal('');
  const [invalid, setInvalid] = createSignal<
    'outcome' | 'rationale' | 'conditions' | 'reviewDate' | 'password' | 'code' | null
  >(null);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);
  const id = (suffix: string) => `gate-decide-${props.review.id}-${suffix}`;
  const conditional = () => outcome() === 'conditional_go';
  /** a Recycle's deficiencies are listed as a Conditional Go's conditions are: each becomes a milestone */
  const recycle = () => outcome() === 'recycle';
  const listed = () => conditional() || recycle();
  const hold = () => outcome() === 'hold';
  const c = () => t().committee;
  const filled = () => conditions().filter((c) => c.title.trim());

  onMount(() => {
    const returned = params.stepUp;
    const failed = params.stepUpFailed;
    if (!returned && !failed) return;
    const draft = takeDraft(props.review.id);
    if (draft) {
      if ((OUTCOMES as readonly string[]).includes(draft.outcome)) setOutcome(draft.outcome);
      setRationale(draft.rationale);
      if (draft.conditions.length) setConditions(draft.conditions);
      setReviewDate(draft.reviewDate);
      // They left from the summary: they come back to it, to sign what they reviewed.
      setConfirming(outcome() !== null);
    }
    if (returned) setStepUp({ id: returned, at: new Date().toISOString() });
    else setStepUpFailed(true);
    setParams({ stepUp: undefined, stepUpFailed: undefined }, { replace: true });
  });

  /** Checks what a signature needs besides its proof; focuses what is missing. */
  const draftIsComplete = () => {
    if (!outcome()) return void fail('outcome', id(`outcome-${OUTCOMES[0]}`));
    if (!rationale().trim()) return void fail('rationale', id('rationale'));
    if (listed() && filled().length === 0) return void fail('conditions', id('condition-0'));
    if (hold() && !reviewDate()) return void fail('reviewDate', id('review-date'));
    return true;
  };

  const signInAgain = async () => {
    setError(null);
    setStepUpFailed(false);
    if (!draftIsComplete()) return;
    setInvalid(null);
    setLeaving(true);
    try {
      const started = await gatesApi.signInAgain(room.project().id, props.review.id);
      keepDraft(props.review.id, {
        outcome: outcome()!,
        rationale: rationale(),
        conditions: conditions(),
        reviewDate: reviewDate(),
      });
      window.location.assign(started.url);
    } catch (err) {
      // Its 429 is too many pending sign-ins, not too many wrong passwords.
      setError(err instanceof ApiError && err.status === 429 ? new StepUpsPending() : err);
      setLeaving(false);
    }
  };

  const setCondition = (index: number, patch: Partial<ConditionDraft>) =>
    setConditions(conditions().map((c, i) => (i === index ? { ...c, ...patch } : c)));

  const fail = (
    what: 'outcome' | 'rationale' | 'conditions' | 'reviewDate' | 'password' | 'code',
    focus: string,
  ) => {
    setInvalid(what);
    document.getElementById(focus)?.focus();
  };

  /** The first step's end: the summary of what signing will do, read before signing. */
  const review = () => {
    if (!draftIsComplete()) return;
    setInvalid(null);
    setConfirming(true);
    document.getElementById(id('summary-title'))?.focus();
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setError(null);
    if (!confirming()) return review();
    if (!draftIsComplete()) return setConfirming(false);
    const chosen = outcome()!;
    const proof = stepUp();
    if (!proof && !password()) return fail('password', id('password'));
    if (!proof && needsCode() && !code().trim()) return fail('code', id('code'));
    setInvalid(null);
    setBusy(true);
    try {
      const decided = await gatesApi.decide(room.project().id, props.review.id, {
        outcome: chosen,
        rationale: rationale().trim(),
        conditions: conditional() ? filled().map((c) => ({ title: c.title.trim(), due: c.due || null })) : [],
        deficiencies: recycle() ? filled().map((c) => ({ title: c.title.trim(), due: c.due || null })) : [],
        ...(hold() ? { reviewDate: reviewDate() } : {}),
        ...(proof
          ? { stepUp: proof.id }
          : { password: password(), ...(needsCode() ? { code: code().replace(/\s/g, '') } : {}) }),
      });
      setPassword('');
      setCode('');
      props.onChange(decided);
    } catch (err) {
      setPassword('');
      setCode('');
      // A refused step-up is spent or never was: the next try signs in again.
      if (proof && err instanceof ApiError && err.status === 403) setStepUp(null);
      setError(err);
      if (err instanceof ApiError && err.status === 403 && !proof)
        document.getElementById(id(wrongCode(err) ? 'code' : 'password'))?.focus();
    } finally {
      setBusy(false);
    }
  };

  const outcomeLabel = () => {
    const o = outcome();
    return o ? g().outcomes[o] : '';
  };
  /** who signs and how, as the summary says it */
  const signer = () => {
    const name = room.me().name;
    const org = organisation();
    // Signing in again at the organisation is what the form offers first to those who can.
    if (org) return g().summary.withOrganisation(name, org);
    return needsCode() ? g().summary.withPasswordAndCode(name) : g().summary.withPassword(name);
  };

  const errorText = () => {
    const err = error();
    if (err instanceof StepUpsPending) return g().stepUp.tooMany;
    if (err instanceof ApiError && err.status === 403 && err.issues.some((i) => i.path === 'stepUp'))
      return g().stepUp.refused(organisation() ?? '');
    if (err instanceof ApiError && err.status === 403)
      return wrongCode(err) ? tf().wrongCode : g().wrongPassword;
    if (err instanceof ApiError && err.status === 429)
      return g().tooManyPasswords(formatNumber(locale(), Math.ceil((err.retryAfter ?? 60) / 60)));
    if (err instanceof ApiError && (err.status === 400 || err.status === 409)) return err.message;
    return describeError(err, t());
  };

  return (
    <form
      class="gate-block gate-form gate-decide"
      aria-label={g().decideTitle}
      onSubmit={(e) => void submit(e)}
      novalidate
    >
      <h4 class="gate-block-title">{g().decideTitle}</h4>
      <Show when={!confirming()} fallback={signature()}>
        <fieldset class="gate-outcomes" aria-describedby={id('outcome-error')}>
          <legend>{g().outcomeLabel}</legend>
          <For each={OUTCOMES}>
            {(o) => (
              <label class="gate-outcome-choice" classList={{ selected: outcome() === o }}>
                <input
                  id={id(`outcome-${o}`)}
                  type="radio"
                  name={id('outcome')}
                  value={o}
                  checked={outcome() === o}
                  aria-invalid={invalid() === 'outcome' ? 'true' : undefined}
                  onChange={() => {
                    setOutcome(o);
                    setInvalid(null);
                  }}
                />
                <span class="gate-outcome-choice-text">
                  <span class={`gate-outcome gate-outcome-${o}`}>{g().outcomes[o]}</span>
                  <span class="muted small">{g().outcomeEffects[o]}</span>
                </span>
              </label>
            )}
          </For>
          <p
            id={id('outcome-error')}
            class="field-error"
            role={invalid() === 'outcome' ? 'alert' : undefined}
          >
            {invalid() === 'outcome' ? g().outcomeMissing : ''}
          </p>
        </fieldset>

        <Show when={hold()}>
          <div class="field gate-review-date">
            <label for={id('review-date')}>{c().reviewDate}</label>
            <p class="muted small">{c().reviewDateHint}</p>
            <input
              id={id('review-date')}
              type="date"
              class="date-input"
              required
              value={reviewDate()}
              aria-invalid={invalid() === 'reviewDate' ? 'true' : undefined}
              aria-describedby={id('review-date-error')}
              onInput={(e) => {
                setReviewDate(e.currentTarget.value);
                setInvalid(null);
              }}
            />
            <p
              id={id('review-date-error')}
              class="field-error"
              role={invalid() === 'reviewDate' ? 'alert' : undefined}
            >
              {invalid() === 'reviewDate' ? c().reviewDateNeeded : ''}
            </p>
          </div>
        </Show>

        <Show when={listed()}>
          <fieldset class="gate-conditions" aria-describedby={id('conditions-error')}>
            <legend>{recycle() ? c().deficiencies : g().conditions}</legend>
            <Show when={recycle()}>
              <p class="muted small">{c().deficienciesHint}</p>
            </Show>
            <Index each={conditions()}>
              {(condition, index) => (
                <div class="gate-condition">
                  <label class="visually-hidden" for={id(`condition-${index}`)}>
                    {g().conditionTitle(index + 1)}
                  </label>
                  <input
                    id={id(`condition-${index}`)}
                    type="text"
                    maxLength={300}
                    placeholder={g().conditionTitle(index + 1)}
                    value={condition().title}
                    aria-invalid={invalid() === 'conditions' ? 'true' : undefined}
                    onInput={(e) => {
                      setCondition(index, { title: e.currentTarget.value });
                      setInvalid(null);
                    }}
                  />
                  <label class="visually-hidden" for={id(`condition-due-${index}`)}>
                    {g().conditionDue(index + 1)}
                  </label>
                  <input
                    id={id(`condition-due-${index}`)}
                    type="date"
                    class="date-input"
                    value={condition().due}
                    onInput={(e) => setCondition(index, { due: e.currentTarget.value })}
                  />
                  <Show when={conditions().length > 1}>
                    <button
                      type="button"
                      class="icon-button"
                      aria-label={g().removeCondition(index + 1)}
                      onClick={() => setConditions(conditions().filter((_, i) => i !== index))}
                    >
                      ×
                    </button>
                  </Show>
                </div>
              )}
            </Index>
            <button
              type="button"
              class="button button-ghost button-small"
              disabled={conditions().length >= 20}
              onClick={() => setConditions([...conditions(), { title: '', due: '' }])}
            >
              + {g().addCondition}
            </button>
            <p id={id('conditions-error')} class="field-error">
              {invalid() === 'conditions' ? (recycle() ? c().deficienciesNeeded : g().conditionsNeeded) : ''}
            </p>
          </fieldset>
        </Show>

        <RationaleField
          id={id('rationale')}
          value={rationale()}
          missing={invalid() === 'rationale'}
          onInput={(value) => {
            setRationale(value);
            setInvalid(null);
          }}
        />
        <div class="gate-actions">
          <button type="submit" class="button button-primary">
            {g().review}
          </button>
        </div>
      </Show>
    </form>
  );

  /** The second step: what signing will do, the proof of who signs, and the signature. */
  function signature() {
    return (
      <>
        <DecisionSummary
          id={id('summary')}
          outcome={outcome()!}
          rationale={rationale().trim()}
          conditions={listed() ? filled() : []}
          signer={signer()}
        />
        <div class="gate-signature">
          <p id={id('meaning')} class="gate-meaning">
            {g().signatureMeaning(room.me().name)}
          </p>
          <Show when={stepUp()}>
            {(proof) => (
              <p class="gate-step-up-note" role="status">
                {g().stepUp.readyNote(organisation() ?? '', formatTime(locale(), proof().at))}
              </p>
            )}
          </Show>
          <Show when={!stepUp() && organisation()}>
            {(org) => (
              <div class="gate-step-up">
                <p id={id('step-up-hint')} class="muted small">
                  {g().stepUp.hint(org())}
                </p>
                <Show when={stepUpFailed()}>
                  <p class="form-error" role="alert">
                    {g().stepUp.failed(org())}
                  </p>
                </Show>
                <button
                  type="button"
                  class="button button-primary"
                  disabled={leaving()}
                  aria-describedby={`${id('meaning')} ${id('step-up-hint')}`}
                  onClick={() => void signInAgain()}
                >
                  {leaving() ? g().stepUp.going : g().stepUp.go(org())}
                </button>
              </div>
            )}
          </Show>
          <Show when={!stepUp() && hasPassword()}>
            <Show when={organisation()}>
              <p class="gate-or">{g().stepUp.orPassword}</p>
            </Show>
            <div class="field">
              <label for={id('password')}>{g().passwordLabel}</label>
              <input
                id={id('password')}
                type="password"
                autocomplete="current-password"
                value={password()}
                aria-invalid={
                  invalid() === 'password' || (error() && !wrongCode(error())) ? 'true' : undefined
                }
                aria-describedby={`${id('meaning')} ${id('password-error')}`}
                onInput={(e) => {
                  setPassword(e.currentTarget.value);
                  setInvalid(null);
                }}
              />
              <p id={id('password-error')} class="field-error">
                {invalid() === 'password' ? g().passwordRequired : ''}
              </p>
            </div>
            <Show when={needsCode()}>
              <div class="field">
                <label for={id('code')}>{tf().code}</label>
                <input
                  id={id('code')}
                  type="text"
                  inputmode="numeric"
                  autocomplete="one-time-code"
                  autocapitalize="none"
                  spellcheck={false}
                  maxlength="16"
                  value={code()}
                  aria-invalid={invalid() === 'code' || wrongCode(error()) ? 'true' : undefined}
                  aria-describedby={`${id('code-hint')} ${id('code-error')}`}
                  onInput={(e) => {
                    setCode(e.currentTarget.value);
                    setInvalid(null);
                  }}
                />
                <p id={id('code-hint')} class="muted small">
                  {tf().codeHint}
                </p>
                <p id={id('code-error')} class="field-error">
                  {invalid() === 'code' ? tf().codeMissing : ''}
                </p>
              </div>
            </Show>
          </Show>
          <Show when={error()}>
            <p class="form-error" role="alert">
              {errorText()}
            </p>
          </Show>
          <Show when={!stepUp() && !hasPassword() && !organisation()}>
            <p class="form-error" role="status">
              {g().stepUp.noProof}
            </p>
          </Show>
          <div class="gate-actions">
            <button
              type="button"
              class="button button-ghost"
              disabled={busy() || leaving()}
              onClick={() => {
                setError(null);
                setConfirming(false);
              }}
            >
              {g().summary.back}
            </button>
            <Show when={stepUp() || hasPassword()}>
              <button
                type="submit"
                class="button"
                classList={{
                  'button-primary': !!stepUp() || !organisation(),
                  'button-ghost': !stepUp() && !!organisation(),
                }}
                disabled={busy() || leaving()}
              >
                {busy()
                  ? g().signing
                  : stepUp()
                    ? g().stepUp.ready(
                        organisation() ?? '',
                        formatTime(locale(), stepUp()!.at),
                        outcomeLabel(),
                      )
                    : g().summary.sign(outcomeLabel())}
              </button>
            </Show>
          </div>
        </div>
      </>
    );
  }
}

/** Starting a sign-in at the organisation was refused: too many are pending for this person. */
class StepUpsPending extends Error {}

/** The signature was refused for its code, not its password (the server names the field). */
function wrongCode(err: unknown): boolean {
  return err instanceof ApiError && err.status === 403 && err.issues.some((i) => i.path === 'code');
}
