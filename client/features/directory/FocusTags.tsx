import { For } from 'solid-js';
import type { FocusArea } from '../../../shared/directory.ts';
import { focusAreaLabels } from '../../../shared/vocabularies.ts';
import { useI18n } from '../../app-context.tsx';

/** Focus-area keys as labels in the interface's language (unknown keys shown as they are). */
export function focusLabel(key: string, locale: 'en' | 'fr'): string {
  return focusAreaLabels[key as FocusArea]?.[locale] ?? key;
}

export function FocusTags(props: { areas: readonly string[]; label?: string }) {
  const { locale } = useI18n();
  return (
    <ul class="focus-tags" aria-label={props.label}>
      <For each={props.areas}>{(a) => <li class="tag">{focusLabel(a, locale())}</li>}</For>
    </ul>
  );
}
