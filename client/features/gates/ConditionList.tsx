import { For } from 'solid-js';
import type { GateDecision } from '../../../shared/schemas/gates.ts';
import { useI18n } from '../../app-context.tsx';
import { formatDate } from '../../i18n/format.ts';

/** The conditions of a Conditional Go, each with its due date (or the lack of one). */
export function ConditionList(props: { conditions: GateDecision['conditions']; class?: string }) {
  const { t, locale } = useI18n();
  const g = () => t().gates;
  return (
    <ul class={props.class}>
      <For each={props.conditions}>
        {(c) => (
          <li>
            {c.title}{' '}
            <span class="muted small">
              ({c.due ? g().conditionDueOn(formatDate(locale(), c.due)) : g().noDue})
            </span>
          </li>
        )}
      </For>
    </ul>
  );
}
