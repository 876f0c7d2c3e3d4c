import { createSignal, Match, onCleanup, onMount, Show, Switch } from 'solid-js';
import { milestoneDescription, projectRoots } from '../../../shared/doc/index.ts';
import { useI18n } from '../../app-context.tsx';
import { useRoom } from '../project/room/room-context.tsx';
import type { DescriptionEditor } from './description-editor.ts';

/**
 * A milestone's description, co-edited live. The editor (ProseMirror) loads on first use; a
 * milestone written without a description (by an API client, say) gets an empty one on the
 * first edit of someone with edit access. If the description is replaced under us (two
 * people created it at once and one won), the editor binds to the new one.
 */
export function DescriptionField(props: { milestoneId: string; empty: boolean; autofocus: boolean }) {
  const room = useRoom();
  const { t } = useI18n();
  const d = () => t().room.detail;
  const [status, setStatus] = createSignal<'loading' | 'ready' | 'failed' | 'none'>('loading');
  const [marks, setMarks] = createSignal({ strong: false, em: false });
  let host!: HTMLDivElement;
  let editor: DescriptionEditor | null = null;
  let bound: unknown = null;
  let disposed = false;
  const editable = room.canEdit();

  async function mount(focus: boolean) {
    const { mountDescriptionEditor, editorOrigin } = await import('./description-editor.ts');
    if (disposed) return;
    editor?.destroy();
    editor = null;
    let fragment = milestoneDescription(room.session.doc, props.milestoneId);
    if (!fragment && editable) {
      room.actions.updateMilestone(props.milestoneId, { description: '' });
      fragment = milestoneDescription(room.session.doc, props.milestoneId);
    }
    bound = fragment;
    if (!fragment) {
      setStatus('none');
      return;
    }
    if (editable) room.actions.history[1].track(editorOrigin);
    editor = mountDescriptionEditor(host, {
      fragment,
      awareness: room.session.awareness,
      editable,
      labelledBy: 'ms-description-label',
      placeholder: d().descriptionPlaceholder,
      onUndo: () => room.actions.undo(),
      onRedo: () => room.actions.redo(),
    });
    setStatus('ready');
    if (focus) editor.view.focus();
  }

  const refreshMarks = () => {
    if (editor) setMarks({ strong: editor.isActive('strong'), em: editor.isActive('em') });
  };

  onMount(() => {
    // The toolbar's pressed state follows the caret.
    host.addEventListener('keyup', refreshMarks);
    host.addEventListener('mouseup', refreshMarks);
    mount(props.autofocus).catch((err) => {
      console.warn('description editor not loaded', err);
      setStatus('failed');
    });
    const entry = projectRoots(room.session.doc).milestones.get(props.milestoneId);
    const onEntry = (event: { keysChanged: Set<string> }) => {
      if (!event.keysChanged.has('description')) return;
      if (milestoneDescription(room.session.doc, props.milestoneId) === bound) return;
      void mount(false).catch(() => setStatus('failed'));
    };
    entry?.observe(onEntry);
    onCleanup(() => entry?.unobserve(onEntry));
  });
  onCleanup(() => {
    disposed = true;
    editor?.destroy();
  });

  return (
    <div class="ms-field ms-description">
      <div class="ms-description-head">
        <h3 id="ms-description-label" class="ms-prop-label">
          {d().description}
        </h3>
        <Show when={editable && status() === 'ready'}>
          <div class="editor-tools" role="toolbar" aria-label={d().description}>
            <button
              type="button"
              class="icon-button icon-button-small"
              aria-label={d().bold}
              title={`${d().bold} (Ctrl+B)`}
              aria-pressed={marks().strong}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => {
                editor?.toggle('strong');
                refreshMarks();
              }}
            >
              <strong aria-hidden="true">B</strong>
            </button>
            <button
              type="button"
              class="icon-button icon-button-small"
              aria-label={d().italic}
              title={`${d().italic} (Ctrl+I)`}
              aria-pressed={marks().em}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => {
                editor?.toggle('em');
                refreshMarks();
              }}
            >
              <em aria-hidden="true">I</em>
            </button>
          </div>
        </Show>
      </div>
      <Switch>
        <Match when={status() === 'loading'}>
          <p class="muted small">{d().editorLoading}</p>
        </Match>
        <Match when={status() === 'failed'}>
          <p class="field-error">{d().editorFailed}</p>
        </Match>
        <Match when={status() === 'none' || (!editable && props.empty)}>
          <p class="muted small">{d().descriptionEmpty}</p>
        </Match>
      </Switch>
      <div
        ref={host}
        id="ms-description-editor"
        class="ms-editor-host"
        classList={{ 'is-hidden': status() !== 'ready' || (!editable && props.empty) }}
      />
    </div>
  );
}
