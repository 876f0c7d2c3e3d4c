import { createSignal, onMount, Show } from 'solid-js';
import type { Milestone } from '../../../shared/doc/shape.ts';
import { LIMITS } from '../../../shared/doc/shape.ts';
import { useI18n } from '../../app-context.tsx';
import { useRoom } from '../project/room/room-context.tsx';

/**
 * The title, edited in place: the document changes when the edit is done (Enter or leaving
 * the field), never with a half-typed word; Escape gives the edit up. A title changed by
 * someone else shows at once unless one is editing it.
 */
export function TitleField(props: { milestone: Milestone; autofocus: boolean }) {
  const room = useRoom();
  const { t } = useI18n();
  const [draft, setDraft] = createSignal<string | null>(null);
  const [invalid, setInvalid] = createSignal(false);
  let field: HTMLTextAreaElement | undefined;
  onMount(() => {
    if (props.autofocus) field?.focus();
  });

  const commit = () => {
    const value = draft();
    if (value === null) return;
    const title = value.replace(/\s+/g, ' ').trim();
    if (!title) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setDraft(null);
    if (title !== props.milestone.title) room.actions.updateMilestone(props.milestone.id, { title });
  };

  return (
    <Show when={room.canEdit()} fallback={<h3 class="ms-title-text">{props.milestone.title}</h3>}>
      <div class="ms-title-field">
        <label for="ms-title" class="visually-hidden">
          {t().room.detail.title}
        </label>
        <textarea
          ref={field}
          id="ms-title"
          class="ms-title-input"
          rows={1}
          maxLength={LIMITS.title}
          value={draft() ?? props.milestone.title}
          aria-invalid={invalid() ? 'true' : undefined}
          aria-describedby={invalid() ? 'ms-title-error' : undefined}
          onInput={(e) => setDraft(e.currentTarget.value)}
          onBlur={() => {
            commit();
            if (invalid()) {
              setDraft(null);
              setInvalid(false);
            }
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              commit();
            } else if (e.key === 'Escape' && draft() !== null) {
              e.preventDefault();
              setDraft(null);
              setInvalid(false);
            }
          }}
        />
        <Show when={invalid()}>
          <p id="ms-title-error" class="field-error">
            {t().room.detail.titleRequired}
          </p>
        </Show>
      </div>
    </Show>
  );
}
