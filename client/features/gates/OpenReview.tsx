import { createMemo, createSignal, For, Show } from 'solid-js';
import type { GateReview } from '../../../shared/schemas/gates.ts';
import { useApp, useI18n } from '../../app-context.tsx';
import { describeError } from '../../errors.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { personName } from '../../i18n/person-name.ts';
import { useRoom } from '../project/room/room-context.tsx';
import { Committee } from './Committee.tsx';
import { ConditionMilestones } from './ConditionMilestones.tsx';
import { DecisionForm } from './DecisionForm.tsx';
import { gatesApi } from './gates-api.ts';
import { ThresholdWarnings } from './ReadinessThresholds.tsx';
import { RecommendationForm } from './RecommendationForm.tsx';
import { Recommendations } from './Recommendations.tsx';

/**
 * The open review of the current gate: who asked and when (the gate pack is frozen then), who
 * reviews, what they recommend; and, for each user, what they may do here: invite a mentor and
 * sign the decision (cluster managers), recommend (managers and invited reviewers).
 */
export function OpenReview(props: { review: GateReview; onChange: (review: GateReview) => void }) {
  const room = useRoom();
  const { frameworks } = useApp();
  const { t, locale } = useI18n();
  const g = () => t().gates;
  const project = room.project;
  const me = room.me;
  const stage = () => frameworks[1].stage(project().track, props.review.stageIndex);
  const permissions = () => project().permissions;
  const canDecide = () => permissions().includes('gate.decide');
  const canRecommend = () =>
    permissions().includes('gate.recommend') &&
    (canDecide() || props.review.reviewers.some((r) => r.id === me().id));

  return (
    <section class="panel gate-open" aria-labelledby="gate-open-title">
      <div class="gate-open-head">
        <h3 id="gate-open-title" class="room-section-title">
          {g().reviewFor(stage()?.gateName[locale()] ?? '')}
        </h3>
        <span class="tag gate-open-tag">{g().open}</span>
      </div>
      <p>
        {g().requested(
          personName(props.review.requestedBy.name, t()),
          formatDateTime(locale(), props.review.requestedAt),
        )}
      </p>
      <p class="muted small">{g().packNote}</p>
      <ThresholdWarnings warnings={props.review.readinessWarnings ?? []} />

      <Show when={props.review.previousConditions.length > 0}>
        <ConditionMilestones
          id={`gate-previous-${props.review.id}`}
          title={t().committee.previousTitle}
          milestones={props.review.previousConditions}
        />
        <Show when={props.review.openConditionsExplanation}>
          {(why) => (
            <div class="room-note gate-explanation">
              <p class="small">
                <strong>{t().committee.explanation}</strong>
              </p>
              <p>{why()}</p>
            </div>
          )}
        </Show>
      </Show>
      <Committee review={props.review} />

      <Reviewers review={props.review} canInvite={canDecide()} onChange={props.onChange} />
      <Recommendations review={props.review} track={project().track} />
      <Show when={canRecommend()}>
        {/* A manager usually decides: their own recommendation folds away until wanted. */}
        <Show
          when={canDecide()}
          fallback={<RecommendationForm review={props.review} onChange={props.onChange} />}
        >
          <details class="gate-block gate-rec-toggle">
            <summary>{g().yourRecommendation}</summary>
            <RecommendationForm review={props.review} onChange={props.onChange} nested />
          </details>
        </Show>
      </Show>
      <Show when={canDecide()}>
        <DecisionForm review={props.review} onChange={props.onChange} />
      </Show>
    </section>
  );
}

function Reviewers(props: { review: GateReview; canInvite: boolean; onChange: (r: GateReview) => void }) {
  const room = useRoom();
  const { t } = useI18n();
  const g = () => t().gates;
  const mentors = createMemo(() => room.members().filter((m) => m.role === 'mentor'));
  const invitable = createMemo(() =>
    mentors().filter((m) => !props.review.reviewers.some((r) => r.id === m.userId)),
  );
  const [choice, setChoice] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);
  const [done, setDone] = createSignal('');

  const invite = async (event: SubmitEvent) => {
    event.preventDefault();
    const userId = choice() || invitable()[0]?.userId;
    if (!userId) return;
    setBusy(true);
    setError(null);
    try {
      props.onChange(await gatesApi.invite(room.project().id, props.review.id, userId));
      setDone(g().invited(room.memberName(userId) ?? ''));
      setChoice('');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="gate-block" aria-labelledby="gate-reviewers-title">
      <h4 id="gate-reviewers-title" class="gate-block-title">
        {g().reviewers}
      </h4>
      <p class="muted small">{g().reviewersNote}</p>
      <Show when={props.review.reviewers.length > 0} fallback={<p class="muted">{g().noReviewers}</p>}>
        <ul class="gate-people">
          <For each={props.review.reviewers}>{(r) => <li>{personName(r.name, t())}</li>}</For>
        </ul>
      </Show>
      <Show when={props.canInvite}>
        <Show
          when={invitable().length > 0}
          fallback={
            <Show when={mentors().length === 0}>
              <p class="muted small">{g().noMentors}</p>
            </Show>
          }
        >
          <form class="gate-invite" onSubmit={(e) => void invite(e)}>
            <label for="gate-invite-mentor">{g().invite}</label>
            <select
              id="gate-invite-mentor"
              class="select"
              value={choice() || invitable()[0]?.userId}
              onChange={(e) => setChoice(e.currentTarget.value)}
            >
              <For each={invitable()}>{(m) => <option value={m.userId}>{m.name}</option>}</For>
            </select>
            <button type="submit" class="button button-small" disabled={busy()}>
              {g().inviteButton}
            </button>
          </form>
        </Show>
        <Show when={error()}>
          <p class="form-error" role="alert">
            {describeError(error(), t())}
          </p>
        </Show>
        <p class="visually-hidden" role="status">
          {done()}
        </p>
      </Show>
    </section>
  );
}
