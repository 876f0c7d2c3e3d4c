import { createEffect, createMemo, createSignal, on, onCleanup, onMount, Show } from 'solid-js';
import type * as Y from 'yjs';
import { milestoneTitle, projectRoots } from '../../../shared/doc/index.ts';
import type { Milestone } from '../../../shared/doc/shape.ts';
import { LIMITS } from '../../../shared/doc/shape.ts';
import { useI18n } from '../../app-context.tsx';
import { useRoom } from '../project/room/room-context.tsx';
import { bindTextarea } from '../readiness/evidence-binding.ts';

const LINE_BREAK = /[\r\n\t]/;

/**
 * The title, co-edited like the readiness evidence: bound to its Y.Text, each keystroke is
 * written at once, what others type appears as they type it, and the caret stays where it was
 * in the words around it. Two people editing the same title both keep what they typed.
 *
 * A legacy string title (shape.ts) becomes a Y.Text when someone focuses the field, before
 * anyone types (see makeTitleText). A blank title is never written: the field says so and, on
 * leaving it or Escape, shows the title as it is. The title stays one line (Enter does nothing;
 * a pasted line break becomes a space).
 */
export function TitleField(props: { milestone: Milestone; autofocus: boolean }) {
  const room = useRoom();
  const { t } = useI18n();
  const [invalid, setInvalid] = createSignal(false);
  let field: HTMLTextAreaElement | undefined;

  // The Y.Text is re-read when the entry's title is replaced: a legacy string made text here or
  // elsewhere, or another tab's concurrent conversion winning over this one.
  const [replaced, setReplaced] = createSignal(0);
  createEffect(
    on(
      () => props.milestone.id,
      (id) => {
        const entry = projectRoots(room.session.doc).milestones.get(id);
        if (!entry) return;
        const onKeys = (event: Y.YMapEvent<unknown>) => {
          if (event.keysChanged.has('title')) setReplaced((n) => n + 1);
        };
        entry.observe(onKeys);
        onCleanup(() => entry.unobserve(onKeys));
      },
    ),
  );
  const text = createMemo(() => {
    replaced();
    return milestoneTitle(room.session.doc, props.milestone.id);
  });

  const shown = () => text()?.toString() ?? props.milestone.title;
  const write = (typed: string) => {
    let value = typed;
    if (field && LINE_BREAK.test(value)) {
      const { selectionStart, selectionEnd } = field;
      value = value.replace(/[\r\n\t]/g, ' ');
      field.value = value;
      field.setSelectionRange(selectionStart, selectionEnd);
    }
    if (!value.trim()) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    room.actions.typeTitle(props.milestone.id, value);
  };
  const giveUpBlank = () => {
    if (!invalid()) return;
    setInvalid(false);
    if (field) field.value = shown();
  };

  let unbind: (() => void) | null = null;
  createEffect(
    on([text, () => room.canEdit()], ([current, editable]) => {
      unbind?.();
      unbind = null;
      if (field && editable && current) unbind = bindTextarea(field, current, write);
    }),
  );
  // Until it is text, the field shows the title as read, unless someone is typing into it.
  createEffect(() => {
    const title = props.milestone.title;
    if (field && room.canEdit() && !text() && document.activeElement !== field) field.value = title;
  });
  onCleanup(() => unbind?.());
  onMount(() => {
    if (props.autofocus) field?.focus();
  });

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
          data-yjs=""
          aria-invalid={invalid() ? 'true' : undefined}
          aria-describedby={invalid() ? 'ms-title-error' : undefined}
          onFocus={() => {
            if (!text()) room.actions.makeTitleText(props.milestone.id);
          }}
          onInput={(e) => {
            if (!text()) write(e.currentTarget.value); // bound: the binding writes
          }}
          onBlur={giveUpBlank}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.preventDefault();
            else if (e.key === 'Escape' && invalid()) {
              e.preventDefault();
              giveUpBlank();
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
