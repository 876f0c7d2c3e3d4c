import { For, Show } from 'solid-js';
import type { GateReview } from '../../../shared/schemas/gates.ts';
import { useApp, useI18n } from '../../app-context.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { personName } from '../../i18n/person-name.ts';

type Recommendation = GateReview['recommendations'][number];

/** What the reviewers recommended, with their scores and any declared conflict of interest. */
export function Recommendations(props: { review: GateReview; track: string }) {
  const { t, locale } = useI18n();
  const g = () => t().gates;
  return (
    <section class="gate-block" aria-labelledby={`gate-recs-${props.review.id}`}>
      <h4 id={`gate-recs-${props.review.id}`} class="gate-block-title">
        {g().recommendations}
      </h4>
      <Show
        when={props.review.recommendations.length > 0}
        fallback={<p class="muted">{g().noRecommendations}</p>}
      >
        <ul class="gate-recs">
          <For each={props.review.recommendations}>
            {(rec) => (
              <li class="gate-rec">
                <div class="gate-rec-head">
                  <span class={`gate-outcome gate-outcome-${rec.recommendation}`}>
                    {g().outcomes[rec.recommendation]}
                  </span>
                  <span class="muted small">
                    {g().recommended(
                      personName(rec.reviewer.name, t()),
                      formatDateTime(locale(), rec.createdAt),
                    )}
                  </span>
                </div>
                <p class="gate-text">{rec.rationale}</p>
                <Show when={rec.conflictOfInterest}>
                  {(coi) => (
                    <p class="gate-coi">
                      <strong>{g().conflict}</strong> — {coi()}
                    </p>
                  )}
                </Show>
                <Scores rec={rec} review={props.review} track={props.track} />
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}

function Scores(props: { rec: Recommendation; review: GateReview; track: string }) {
  const { frameworks } = useApp();
  const { t, locale } = useI18n();
  const g = () => t().gates;
  const criteria = () =>
    (frameworks[1].stage(props.track, props.review.stageIndex)?.criteria ?? []).filter(
      (c) => props.rec.scores[c.id] !== undefined,
    );
  return (
    <Show when={criteria().length > 0}>
      <details class="gate-scores">
        <summary>{g().scoresTitle}</summary>
        <dl>
          <For each={criteria()}>
            {(c) => (
              <>
                <dt>{c.text[locale()]}</dt>
                <dd>{g().score(props.rec.scores[c.id] ?? 0)}</dd>
              </>
            )}
          </For>
        </dl>
      </details>
    </Show>
  );
}
