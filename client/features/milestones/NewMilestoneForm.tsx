import { createSignal, onMount, Show } from 'solid-js';
import { LIMITS } from '../../../shared/doc/shape.ts';
import { useI18n } from '../../app-context.tsx';
import { useRoom } from '../project/room/room-context.tsx';

/** One line to add a milestone: type its title, press Enter; Escape gives up. */
export function NewMilestoneForm(props: { onDone: (id: string | null) => void }) {
  const room = useRoom();
  const { t } = useI18n();
  const [error, setError] = createSignal(false);
  let input!: HTMLInputElement;
  onMount(() => input.focus());

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const title = input.value.trim();
    if (!title) {
      setError(true);
      input.focus();
      return;
    }
    props.onDone(room.actions.createMilestone({ title, stage: room.project().stage }));
  };

  return (
    <form class="new-milestone" onSubmit={submit} novalidate>
      <label for="new-milestone-title" class="visually-hidden">
        {t().room.milestones.newTitle}
      </label>
      <input
        ref={input}
        id="new-milestone-title"
        type="text"
        maxLength={LIMITS.title}
        placeholder={t().room.milestones.newPlaceholder}
        autocomplete="off"
        aria-invalid={error() ? 'true' : undefined}
        aria-describedby={error() ? 'new-milestone-error' : undefined}
        onInput={() => setError(false)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            props.onDone(null);
          }
        }}
      />
      <button type="submit" class="button button-primary button-small">
        {t().room.milestones.create}
      </button>
      <button type="button" class="button button-ghost button-small" onClick={() => props.onDone(null)}>
        {t().room.milestones.cancel}
      </button>
      <Show when={error()}>
        <p id="new-milestone-error" class="field-error">
          {t().room.detail.titleRequired}
        </p>
      </Show>
    </form>
  );
}
