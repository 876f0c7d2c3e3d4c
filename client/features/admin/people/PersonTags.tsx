import { Show } from 'solid-js';
import type { PersonSummary } from '../../../../shared/schemas/people.ts';
import { useI18n } from '../../../app-context.tsx';

/** A person's standing in words: manager, deactivated, erased (never colour alone). */
export function PersonTags(props: {
  person: Pick<PersonSummary, 'clusterManager' | 'deactivatedAt' | 'erasedAt'>;
}) {
  const { t } = useI18n();
  const p = () => t().admin.people;
  return (
    <span class="person-tags">
      <Show when={props.person.clusterManager}>
        <span class="tag tag-manager">{p().manager}</span>
      </Show>
      <Show when={props.person.erasedAt}>
        <span class="tag">{p().erased}</span>
      </Show>
      <Show when={props.person.deactivatedAt && !props.person.erasedAt}>
        <span class="tag tag-warning">{p().deactivated}</span>
      </Show>
    </span>
  );
}
