import { For, Show } from 'solid-js';
import type { ConditionMilestone } from '../../../shared/schemas/gates.ts';
import { useI18n } from '../../app-context.tsx';
import { formatDate } from '../../i18n/format.ts';

/**
 * The milestones a decision's conditions (or a Recycle's deficiencies) became, each with its
 * state now: on the decision's record, and on the next gate that follows them up.
 */
export function ConditionMilestones(props: { milestones: ConditionMilestone[]; title: string; id: string }) {
  const { t, locale } = useI18n();
  const c = () => t().committee;
  return (
    <section class="gate-block gate-condition-milestones" aria-labelledby={props.id}>
      <h5 id={props.id} class="gate-block-title">
        {props.title}
      </h5>
      <ul class="gate-milestone-list">
        <For each={props.milestones}>
          {(m) => (
            <li classList={{ 'is-open': m.status !== 'done' && m.status !== null }}>
              <span class={`tag gate-milestone-status gate-milestone-${m.status ?? 'removed'}`}>
                {c().status[m.status ?? 'removed']}
              </span>
              <span>{m.title}</span>
              <Show when={m.due}>
                {(due) => <span class="muted small">{formatDate(locale(), due())}</span>}
              </Show>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
