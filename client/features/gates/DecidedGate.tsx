import { Show } from 'solid-js';
import { SIGNATURE_MEANING } from '../../../shared/constants.ts';
import type { GateReview } from '../../../shared/schemas/gates.ts';
import { useApp, useI18n } from '../../app-context.tsx';
import { useStageName } from '../../components/StageBadge.tsx';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { personName } from '../../i18n/person-name.ts';
import { DecisionEvidence } from '../evidence/DecisionEvidence.tsx';
import { useRoom } from '../project/room/room-context.tsx';
import { Committee } from './Committee.tsx';
import { ConditionList } from './ConditionList.tsx';
import { ConditionMilestones } from './ConditionMilestones.tsx';
import { ThresholdWarnings } from './ReadinessThresholds.tsx';
import { Recommendations } from './Recommendations.tsx';
import { SignatureProof } from './SignatureProof.tsx';

/**
 * A decided gate as its record stands, never to change: outcome, the stage move it made, the
 * rationale, the conditions, the signature (who, when, what it means) and the recommendations.
 */
export function DecidedGate(props: { review: GateReview }) {
  const room = useRoom();
  const { frameworks } = useApp();
  const { t, locale } = useI18n();
  const g = () => t().gates;
  const stageName = useStageName();
  const track = () => room.project().track;
  const gateName = () => frameworks[1].stage(track(), props.review.stageIndex)?.gateName[locale()] ?? '';
  return (
    <Show when={props.review.decision}>
      {(d) => (
        <article class="panel gate-record" aria-labelledby={`gate-record-${props.review.id}`}>
          <header class="gate-record-head">
            <h4 id={`gate-record-${props.review.id}`} class="gate-record-title">
              {gateName()}
            </h4>
            <span class={`gate-outcome gate-outcome-${d().outcome}`}>{g().outcomes[d().outcome]}</span>
            <Show when={d().stageAfter !== d().stageBefore}>
              <span class="muted small">
                {g().stageMove(stageName(track(), d().stageBefore), stageName(track(), d().stageAfter))}
              </span>
            </Show>
          </header>
          <p class="gate-text">{d().rationale}</p>
          <ThresholdWarnings warnings={props.review.readinessWarnings ?? []} />
          <Show when={d().reviewDate}>
            {(date) => (
              <p class="tag gate-on-hold">{t().committee.onHoldUntil(formatDate(locale(), date()))}</p>
            )}
          </Show>
          <Show when={d().milestones.length > 0}>
            <ConditionMilestones
              id={`gate-milestones-${props.review.id}`}
              title={d().outcome === 'recycle' ? t().committee.deficiencies : t().committee.milestonesTitle}
              milestones={d().milestones}
            />
          </Show>
          <Show when={d().conditions.length > 0 && d().milestones.length === 0}>
            <h5 class="gate-block-title">{g().conditions}</h5>
            <ConditionList conditions={d().conditions} class="gate-conditions-list" />
          </Show>
          <DecisionEvidence projectId={props.review.projectId} evidence={d().evidence} />
          <div class="gate-signed">
            <span class="gate-signed-mark" aria-hidden="true">
              ✓
            </span>
            <div>
              <p>
                <strong>
                  {g().signedBy(d().signature.signer.name, formatDateTime(locale(), d().signature.signedAt))}
                </strong>
              </p>
              <SignatureProof signature={d().signature} class="small" />
              <p class="muted small">
                {g().meaning(
                  d().signature.meaning === SIGNATURE_MEANING ? g().approvedMeaning : d().signature.meaning,
                )}
              </p>
              <p class="muted small">
                {g().requested(
                  personName(props.review.requestedBy.name, t()),
                  formatDateTime(locale(), props.review.requestedAt),
                )}
              </p>
            </div>
          </div>
          <Show when={props.review.committee}>
            <Committee review={props.review} />
          </Show>
          <Recommendations review={props.review} track={track()} />
        </article>
      )}
    </Show>
  );
}
