import { Show } from 'solid-js';
import { useI18n } from '../app-context.tsx';
import { formatDate } from '../i18n/format.ts';

/** "On hold until <date>": a project parked by a Hold gate decision, wherever it is listed. */
export function OnHold(props: { until: string | null | undefined }) {
  const { t, locale } = useI18n();
  return (
    <Show when={props.until}>
      {(date) => (
        <span class="tag on-hold-tag">{t().committee.onHoldUntil(formatDate(locale(), date()))}</span>
      )}
    </Show>
  );
}
