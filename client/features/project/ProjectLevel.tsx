import './project-level.css';
import { createResource, createSignal, For, Show } from 'solid-js';
import type { ProjectDetail, ProjectLevelHistory } from '../../../shared/schemas/projects.ts';
import { LEVEL_EVIDENCE_MAX } from '../../../shared/schemas/projects.ts';
import { request } from '../../api.ts';
import { useApp, useI18n } from '../../app-context.tsx';
import { InlineLoadFailed, Loading } from '../../components/LoadStates.tsx';
import { describeError } from '../../errors.ts';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { personName } from '../../i18n/person-name.ts';

const path = (id: string) => `/api/projects/${encodeURIComponent(id)}/level`;

/**
 * The project's level on its track, with the level's text and its evidence, and how it moved.
 * The lead and cluster managers record a new one; everyone who sees the project reads it.
 */
export function ProjectLevel(props: { project: ProjectDetail }) {
  const { frameworks } = useApp();
  const { t, locale } = useI18n();
  const m = () => t().maturity;
  const n = (x: number) => formatNumber(locale(), x);
  const [history, { refetch, mutate }] = createResource(
    () => props.project.id,
    (id) => request<ProjectLevelHistory>('GET', path(id)),
  );
  const levels = () => frameworks[1].track(props.project.track)?.levels ?? [];
  const levelOf = (level: number) => levels().find((l) => l.level === level);
  const canSet = () => props.project.permissions.includes('project.set_level');
  const [editing, setEditing] = createSignal(false);
  const [level, setLevel] = createSignal('');
  const [evidence, setEvidence] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);
  const [saved, setSaved] = createSignal(false);

  const open = () => {
    const current = history()?.current;
    setLevel(current ? String(current.level) : '');
    setEvidence('');
    setError(null);
    setSaved(false);
    setEditing(true);
  };

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      mutate(
        await request<ProjectLevelHistory>('PUT', path(props.project.id), {
          level: Number(level()),
          evidence: evidence(),
        }),
      );
      setEditing(false);
      setSaved(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="panel project-level" aria-labelledby="project-level-title" data-testid="project-level">
      <h2 id="project-level-title" class="panel-title">
        {m().levelTitle}
      </h2>
      <p class="muted small">{m().levelIntro}</p>
      <Show
        when={history()}
        fallback={
          <Show when={history.error} fallback={<Loading label={m().levelTitle} />}>
            <InlineLoadFailed message={m().levelTitle} error={history.error} onRetry={() => void refetch()} />
          </Show>
        }
      >
        {(h) => (
          <>
            <Show when={h().current} fallback={<p class="muted">{m().levelNone}</p>}>
              {(current) => (
                <div class="project-level-current">
                  <p class="project-level-head">
                    <span class="tag project-level-badge">{m().levelBadge(n(current().level))}</span>
                    <strong>{levelOf(current().level)?.title[locale()]}</strong>
                  </p>
                  <p class="small">{levelOf(current().level)?.description[locale()]}</p>
                  <p class="small">
                    <span class="muted">{m().levelEvidence}</span>
                    {current().evidence}
                  </p>
                  <p class="muted small">
                    {m().levelSetBy(
                      personName(current().setBy.name, t()),
                      formatDate(locale(), current().setAt),
                    )}
                  </p>
                </div>
              )}
            </Show>
            <Show when={saved()}>
              <p class="muted small" role="status">
                {m().saved}
              </p>
            </Show>
            <Show when={canSet() && !props.project.archived}>
              <Show
                when={editing()}
                fallback={
                  <button type="button" class="button" onClick={open}>
                    {m().levelChange}
                  </button>
                }
              >
                <form class="project-level-form" onSubmit={(e) => void submit(e)}>
                  <div class="field">
                    <label for="project-level-select">{m().levelLabel}</label>
                    <select
                      id="project-level-select"
                      class="select"
                      required
                      value={level()}
                      onChange={(e) => setLevel(e.currentTarget.value)}
                    >
                      <option value="">{m().levelChoose}</option>
                      <For each={levels()}>
                        {(l) => (
                          <option value={String(l.level)}>
                            {n(l.level)} — {l.title[locale()]}
                          </option>
                        )}
                      </For>
                    </select>
                  </div>
                  <div class="field">
                    <label for="project-level-evidence">{m().evidenceLabel}</label>
                    <textarea
                      id="project-level-evidence"
                      rows={3}
                      required
                      maxLength={LEVEL_EVIDENCE_MAX}
                      aria-describedby="project-level-evidence-hint"
                      value={evidence()}
                      onInput={(e) => setEvidence(e.currentTarget.value)}
                    />
                    <span id="project-level-evidence-hint" class="muted small">
                      {m().evidenceHint}
                    </span>
                  </div>
                  <Show when={error()}>
                    <p class="form-error" role="alert">
                      {describeError(error(), t())}
                    </p>
                  </Show>
                  <div class="gate-actions">
                    <button
                      type="submit"
                      class="button button-primary"
                      disabled={busy() || level() === '' || evidence().trim() === ''}
                    >
                      {busy() ? m().saving : m().save}
                    </button>
                    <button type="button" class="button" onClick={() => setEditing(false)}>
                      {m().cancel}
                    </button>
                  </div>
                </form>
              </Show>
            </Show>
            <h3 class="panel-title panel-title-spaced">{m().historyTitle}</h3>
            <Show when={h().changes.length > 0} fallback={<p class="muted small">{m().historyNone}</p>}>
              <ol class="project-level-history">
                <For each={[...h().changes].reverse()}>
                  {(c) => (
                    <li>
                      <strong>
                        {m().historyLine(c.from === null ? m().unrecorded : n(c.from), n(c.level))}
                      </strong>{' '}
                      <span class="muted small">
                        {m().levelSetBy(personName(c.setBy.name, t()), formatDate(locale(), c.setAt))}
                      </span>
                      <p class="small">{c.evidence}</p>
                    </li>
                  )}
                </For>
              </ol>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
