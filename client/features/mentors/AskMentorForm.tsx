import { createSignal, For, Show } from 'solid-js';
import type { Mentor } from '../../../shared/directory.ts';
import type { ProjectSummary } from '../../../shared/schemas/projects.ts';
import { useI18n } from '../../app-context.tsx';
import { describeError } from '../../errors.ts';
import { mentorsApi } from './mentors-api.ts';

/** A lead picks one of their projects and writes to the mentor. */
export function AskMentorForm(props: {
  mentor: Mentor;
  projects: readonly ProjectSummary[];
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const m = () => t().directory.mentors;
  const [projectId, setProjectId] = createSignal(props.projects[0]?.id ?? '');
  const [message, setMessage] = createSignal('');
  const [invalid, setInvalid] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal('');
  const id = (part: string) => `ask-${props.mentor.userId}-${part}`;

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    if (!message().trim()) {
      setInvalid(true);
      document.getElementById(id('message'))?.focus();
      return;
    }
    setBusy(true);
    setError('');
    try {
      const sent = await mentorsApi.ask(projectId(), { mentorId: props.mentor.userId, message: message() });
      props.onDone(m().sent(props.mentor.name, sent.project.title));
    } catch (err) {
      setError(
        err instanceof Error && 'status' in err && err.status === 409 ? err.message : describeError(err, t()),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="ask-form" onSubmit={submit} aria-label={m().askTitle(props.mentor.name)}>
      <Show when={props.projects.length} fallback={<p class="muted small">{m().noLedProjects}</p>}>
        <label for={id('project')} class="small">
          {m().project}
        </label>
        <select id={id('project')} class="select" onChange={(e) => setProjectId(e.currentTarget.value)}>
          <For each={props.projects}>
            {(p) => (
              <option value={p.id} selected={p.id === projectId()}>
                {p.title}
              </option>
            )}
          </For>
        </select>
        <label for={id('message')} class="small">
          {m().message}
        </label>
        <textarea
          id={id('message')}
          placeholder={m().messageHint}
          aria-invalid={invalid() ? 'true' : undefined}
          aria-describedby={invalid() ? id('message-error') : undefined}
          value={message()}
          onInput={(e) => {
            setMessage(e.currentTarget.value);
            if (e.currentTarget.value.trim()) setInvalid(false);
          }}
        />
        <Show when={invalid()}>
          <span id={id('message-error')} class="field-error">
            {m().messageRequired}
          </span>
        </Show>
      </Show>
      <p class="form-error-slot" role="alert">
        <Show when={error()}>
          <span class="form-error">{error()}</span>
        </Show>
      </p>
      <div class="ask-form-actions">
        <button type="button" class="button button-small" onClick={() => props.onCancel()}>
          {m().cancel}
        </button>
        <Show when={props.projects.length}>
          <button type="submit" class="button button-primary button-small" disabled={busy()}>
            {busy() ? m().sending : m().send}
          </button>
        </Show>
      </div>
    </form>
  );
}
