import { A, useNavigate } from '@solidjs/router';
import { createSignal, Index, Show } from 'solid-js';
import { NewFrameworkVersionBody } from '../../../../shared/schemas/frameworks.ts';
import { useApp, useI18n } from '../../../app-context.tsx';
import { StatePanel } from '../../../components/StatePanel.tsx';
import { useDocumentTitle } from '../../../components/use-document-title.ts';
import { ApiError, describeError } from '../../../errors.ts';
import { formatNumber } from '../../../i18n/format.ts';
import { BackToFrameworks } from './BackLink.tsx';
import { BilingualField } from './BilingualField.tsx';
import { ConfirmSave } from './ConfirmSave.tsx';
import { CriteriaEditor } from './CriteriaEditor.tsx';
import { createFormState, fieldId } from './form-state.ts';
import { bodyOf, draftOf, type FrameworkDraft, unchanged } from './framework-edit.ts';
import { type AdminFrameworks, frameworksAdminApi } from './frameworks-admin-api.ts';

/**
 * The editor of a track's current version: its texts in both languages, each gate's criteria,
 * and the change note; saved, after a confirmation, as the next version. A refusal keeps all
 * that was typed; a newer version saved meanwhile is explained, with the way to it.
 */
export function FrameworkEditor(props: { data: AdminFrameworks; lineage: string; onSaved: () => unknown }) {
  const { t, locale } = useI18n();
  const a = () => t().frameworksAdmin;
  const current = () => props.data.catalogue.frameworks.find((f) => f.lineage === props.lineage && f.current);
  return (
    <>
      <BackToFrameworks
        href={`/admin/frameworks/${props.lineage}`}
        label={current()?.name[locale()] ?? a().back}
      />
      <Show
        when={current()}
        fallback={<StatePanel title={a().notFoundTitle} body={a().notFoundBody} icon="search" level={1} />}
      >
        {(base) => (
          <EditorForm
            base={base()}
            lineage={props.lineage}
            projects={props.data.tracks
              .find((tr) => tr.lineage === props.lineage)!
              .versions.reduce((s, v) => s + v.projectCount, 0)}
            onSaved={props.onSaved}
          />
        )}
      </Show>
    </>
  );
}

function EditorForm(props: {
  base: NonNullable<ReturnType<AdminFrameworks['catalogue']['frameworks']['find']>>;
  lineage: string;
  projects: number;
  onSaved: () => unknown;
}) {
  const { t, locale } = useI18n();
  const { connectivity, frameworks } = useApp();
  const navigate = useNavigate();
  const a = () => t().frameworksAdmin;
  const f = () => a().form;
  const n = (x: number) => formatNumber(locale(), x);
  // The base is read once: a reload of the catalogue under the form must not wipe what is typed.
  const base = props.base;
  const next = () => n(base.version + 1);
  useDocumentTitle(() => `${f().editTitle(base.name[locale()])} · ${a().pageTitle}`);
  const form = createFormState<FrameworkDraft>(
    NewFrameworkVersionBody,
    draftOf(base),
    () => f().errors,
    bodyOf,
  );
  const [message, setMessage] = createSignal('');
  const [stale, setStale] = createSignal(false);
  const [confirming, setConfirming] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const offline = () => !connectivity[0].online;
  const v = () => form.values();
  const patch = (change: Partial<FrameworkDraft>, path?: string) => form.set({ ...v(), ...change }, path);

  function submit(ev: SubmitEvent) {
    ev.preventDefault();
    setMessage('');
    if (!form.check()) {
      setMessage(f().fixFields);
      return;
    }
    if (unchanged(v(), base)) {
      setMessage(f().nothingChanged);
      return;
    }
    setConfirming(true);
  }

  async function save() {
    setBusy(true);
    setStale(false);
    try {
      const created = await frameworksAdminApi.newVersion(base.id, bodyOf(v()));
      setConfirming(false);
      await Promise.all([props.onSaved(), frameworks[1].reload()]);
      navigate(`/admin/frameworks/${props.lineage}?saved=${created.version}`);
    } catch (err) {
      setConfirming(false);
      if (err instanceof ApiError && err.status === 409) setStale(true);
      else if (err instanceof ApiError && !err.isNetwork && err.issues.length > 0) {
        form.setServerErrors(err.issues);
        setMessage(`${f().refused} ${err.message}`);
        document.getElementById(fieldId(err.issues[0]!.path))?.focus();
      } else setMessage(`${f().refused} ${describeError(err, t())}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="fw-editor" onSubmit={submit} novalidate>
      <h1 class="page-title">{f().editTitle(base.name[locale()])}</h1>
      <p class="muted fw-intro">{f().editIntro(next())}</p>

      <section class="card card-roomy fw-edit-section">
        <BilingualField
          path="name"
          label={f().name}
          value={v().name}
          error={form.shown}
          onLeave={form.leave}
          onInput={(name, path) => patch({ name }, path)}
        />
        <BilingualField
          path="description"
          label={f().description}
          value={v().description}
          multiline
          error={form.shown}
          onLeave={form.leave}
          onInput={(description, path) => patch({ description }, path)}
        />
      </section>

      <h2 class="fw-section-title">{a().stages}</h2>
      <Index each={v().stages}>
        {(stage, si) => (
          <section class="card card-roomy fw-edit-section" aria-labelledby={`fw-stage-${si}`}>
            <h3 id={`fw-stage-${si}`} class="fw-stage-name">
              {stage().name[locale()] || `#${n(stage().index)}`}{' '}
              <span class="muted small">{a().stageRange(n(stage().minLevel), n(stage().maxLevel))}</span>
            </h3>
            <BilingualField
              path={`stages.${si}.name`}
              label={f().stageName}
              value={stage().name}
              error={form.shown}
              onLeave={form.leave}
              onInput={(name, path) =>
                patch({ stages: v().stages.map((s, i) => (i === si ? { ...s, name } : s)) }, path)
              }
            />
            <BilingualField
              path={`stages.${si}.gateName`}
              label={f().gateName}
              value={stage().gateName}
              error={form.shown}
              onLeave={form.leave}
              onInput={(gateName, path) =>
                patch({ stages: v().stages.map((s, i) => (i === si ? { ...s, gateName } : s)) }, path)
              }
            />
            <CriteriaEditor
              stage={stage()}
              stagePos={si}
              error={form.shown}
              onLeave={form.leave}
              onChange={(changed, path) =>
                patch({ stages: v().stages.map((s, i) => (i === si ? changed : s)) }, path)
              }
            />
          </section>
        )}
      </Index>

      <h2 class="fw-section-title">{a().levels}</h2>
      <section class="card card-roomy fw-edit-section">
        <Index each={v().levels}>
          {(level, li) => (
            <fieldset class="fw-level-edit">
              <legend class="fw-legend">{a().level(n(level().level))}</legend>
              <BilingualField
                path={`levels.${li}.title`}
                label={f().levelTitle}
                value={level().title}
                error={form.shown}
                onLeave={form.leave}
                onInput={(title, path) =>
                  patch({ levels: v().levels.map((l, i) => (i === li ? { ...l, title } : l)) }, path)
                }
              />
              <BilingualField
                path={`levels.${li}.description`}
                label={f().levelDescription}
                value={level().description}
                multiline
                error={form.shown}
                onLeave={form.leave}
                onInput={(description, path) =>
                  patch({ levels: v().levels.map((l, i) => (i === li ? { ...l, description } : l)) }, path)
                }
              />
            </fieldset>
          )}
        </Index>
      </section>

      <section class="card card-roomy fw-edit-section">
        <div class="field">
          <label for={fieldId('changeNote')}>{f().changeNote}</label>
          <textarea
            id={fieldId('changeNote')}
            rows={3}
            value={v().changeNote}
            aria-invalid={Boolean(form.shown('changeNote'))}
            aria-describedby={`fw-changeNote-hint${form.shown('changeNote') ? ' fw-changeNote-error' : ''}`}
            onInput={(e) => patch({ changeNote: e.currentTarget.value }, 'changeNote')}
            onBlur={(e) => form.leave('changeNote', e)}
          />
          <span id="fw-changeNote-hint" class="muted small">
            {f().changeNoteHint}
          </span>
          <Show when={form.shown('changeNote')}>
            <span id="fw-changeNote-error" class="field-error">
              {form.shown('changeNote')}
            </span>
          </Show>
        </div>
      </section>

      <div class="form-error-slot" role="alert">
        <Show when={message()}>
          <p class="form-error">{message()}</p>
        </Show>
        <Show when={stale()}>
          <div class="form-error">
            <p>{f().stale}</p>
            <A href={`/admin/frameworks/${props.lineage}`} target="_blank" class="button button-small">
              {f().openCurrent}
            </A>
          </div>
        </Show>
      </div>
      <div class="form-actions fw-actions">
        <Show when={offline()}>
          <span class="muted small" role="status">
            {f().offline}
          </span>
        </Show>
        <A href={`/admin/frameworks/${props.lineage}`} class="button">
          {f().cancel}
        </A>
        <button type="submit" class="button button-primary" disabled={busy() || offline()}>
          {f().saveAs(next())}
        </button>
      </div>
      <ConfirmSave
        open={confirming()}
        onOpenChange={(open) => !busy() && setConfirming(open)}
        title={f().confirmTitle(next())}
        body={f().confirmBody(next(), a().projects(props.projects, n(props.projects)))}
        confirm={f().confirm}
        busyLabel={f().saving}
        cancel={f().cancel}
        busy={busy()}
        error=""
        onConfirm={() => void save()}
      />
    </form>
  );
}
