import { For, Show } from 'solid-js';
import type { GateReview } from '../../../shared/schemas/gates.ts';
import { useI18n } from '../../app-context.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { personName } from '../../i18n/person-name.ts';

/**
 * A review's committee as the record shows it: members (chair, cluster managers, named members),
 * who is excluded and why, the quorum against the recommendations counted, the deadline, who
 * signs, who has signed, and a decision that awaits the others' signatures.
 */
export function Committee(props: { review: GateReview }) {
  const { t, locale } = useI18n();
  const c = () => t().committee;
  const g = () => t().gates;
  return (
    <section class="gate-block gate-committee" aria-labelledby={`gate-committee-${props.review.id}`}>
      <h4 id={`gate-committee-${props.review.id}`} class="gate-block-title">
        {c().title}
      </h4>
      <Show when={props.review.committee} fallback={<p class="muted small">{c().none}</p>}>
        {(committee) => {
          const passed = () => Date.parse(committee().deadline) < Date.now();
          const met = () => committee().recommendationsCounted >= committee().quorum;
          return (
            <>
              <ul class="gate-people gate-committee-members">
                <For each={committee().members}>
                  {(m) => (
                    <li classList={{ excluded: m.excludedFor.length > 0 }}>
                      <span>{personName(m.person.name, t())}</span>{' '}
                      <span class="muted small">
                        {m.chair ? `${c().chair} · ` : ''}
                        {m.kind === 'manager' ? c().manager : c().external}
                      </span>
                      <Show when={m.excludedFor.length > 0}>
                        <span class="tag gate-excluded">{c().excluded(m.excludedFor.join(', '))}</span>
                      </Show>
                      <Show when={m.signedAt}>
                        {(at) => (
                          <span class="tag gate-signed-tag">
                            {c().signed(formatDateTime(locale(), at()))}
                          </span>
                        )}
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
              <p classList={{ 'gate-quorum': true, 'form-error': !met() && props.review.status === 'open' }}>
                {c().quorum(committee().recommendationsCounted, committee().quorum)}
                {' — '}
                {met() ? c().quorumMet : c().quorumMissing}
              </p>
              <p class="muted small">
                {passed()
                  ? c().deadlinePassed(formatDateTime(locale(), committee().deadline))
                  : c().deadline(formatDateTime(locale(), committee().deadline))}
              </p>
              <p class="muted small">{committee().signing === 'all' ? c().signingAll : c().signingChair}</p>
            </>
          );
        }}
      </Show>
      <Show when={props.review.pendingDecision}>
        {(pending) => (
          <div class="room-note gate-pending" role="status">
            <p>
              <strong>
                {c().pending(g().outcomes[pending().outcome], personName(pending().proposedBy.name, t()))}
              </strong>
            </p>
            <p class="small">{pending().rationale}</p>
            <p class="small">
              {c().awaiting(
                pending()
                  .awaiting.map((p) => personName(p.name, t()))
                  .join(', '),
              )}
            </p>
          </div>
        )}
      </Show>
    </section>
  );
}
