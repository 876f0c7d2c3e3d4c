import { createSignal, Index, Show } from 'solid-js';
import { UpdateDimensionBody } from '../../../../shared/schemas/frameworks.ts';
import { useApp, useI18n } from '../../../app-context.tsx';
import { StatePanel } from '../../../components/StatePanel.tsx';
import { useDocumentTitle } from '../../../components/use-document-title.ts';
import { ApiError, describeError } from '../../../errors.ts';
import { formatNumber } from '../../../i18n/format.ts';
import { BackToFrameworks } from './BackLink.tsx';
import { BilingualField } from './BilingualField.tsx';
import { createFormState, fieldId } from './form-state.ts';
import { type AdminFrameworks, frameworksAdminApi } from './frameworks-admin-api.ts';

type Dimension = AdminFrameworks['catalogue']['dimensions'][number];

/** A readiness dimension's texts, shared by every track: saved in place, without a version. */
export function DimensionEditor(props: { data: AdminFrameworks; id: string; onSaved: () => unknown }) {
  const { t } = useI18n();
  const a = () => t().frameworksAdmin;
  const dimension = () => props.data.catalogue.dimensions.find((d) => d.id === props.id);
  return (
    <>
      <BackToFrameworks />
      <Show
        when={dimension()}
        fallback={<StatePanel title={a().notFoundTitle} body={a().notFoundBody} icon="search" level={1} />}
      >
        {(d) => <DimensionForm dimension={d()} onSaved={props.onSaved} />}
      </Show>
    </>
  );
}

function DimensionForm(props: { dimension: Dimension; onSaved: () => unknown }) {
  const { t, locale } = useI18n();
  const { connectivity, frameworks } = useApp();
  const a = () => t().frameworksAdmin;
  const f = () => a().form;
  const n = (x: number) => formatNumber(locale(), x);
  const d = props.dimension;
  useDocumentTitle(() => `${f().dimensionTitle(d.name[locale()])} · ${a().pageTitle}`);
  const form = createFormState(
    UpdateDimensionBody,
    {
      name: { ...d.name },
      description: { ...d.description },
      levels: d.levels.map((l) => ({ ...l, text: { ...l.text } })),
    },
    () => f().errors,
  );
  const [message, setMessage] = createSignal('');
  const [saved, setSaved] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const offline = () => !connectivity[0].online;
  const v = () => form.values();

  async function submit(ev: SubmitEvent) {
    ev.preventDefault();
    setMessage('');
    setSaved('');
    if (!form.check()) {
      setMessage(f().fixFields);
      return;
    }
    setBusy(true);
    try {
      await frameworksAdminApi.updateDimension(d.id, v());
      await Promise.all([props.onSaved(), frameworks[1].reload()]);
      setSaved(a().dimensionSaved);
    } catch (err) {
      if (err instanceof ApiError && !err.isNetwork && err.issues.length > 0) {
        form.setServerErrors(err.issues);
        document.getElementById(fieldId(err.issues[0]!.path))?.focus();
      }
      setMessage(`${f().refused} ${describeError(err, t())}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="fw-editor" onSubmit={submit} novalidate>
      <h1 class="page-title">{f().dimensionTitle(d.name[locale()])}</h1>
      <p class="notice fw-notice">{a().dimensionsNote}</p>
      <section class="card card-roomy fw-edit-section">
        <BilingualField
          path="name"
          label={f().name}
          value={v().name}
          error={form.shown}
          onLeave={form.leave}
          onInput={(name, path) => form.set({ ...v(), name }, path)}
        />
        <BilingualField
          path="description"
          label={f().description}
          value={v().description}
          multiline
          error={form.shown}
          onLeave={form.leave}
          onInput={(description, path) => form.set({ ...v(), description }, path)}
        />
        <Index each={v().levels}>
          {(level, li) => (
            <BilingualField
              path={`levels.${li}.text`}
              label={f().levelText(n(level().level))}
              value={level().text}
              multiline
              error={form.shown}
              onLeave={form.leave}
              onInput={(text, path) =>
                form.set({ ...v(), levels: v().levels.map((l, i) => (i === li ? { ...l, text } : l)) }, path)
              }
            />
          )}
        </Index>
      </section>
      <div class="form-error-slot" role="alert">
        <Show when={message()}>
          <p class="form-error">{message()}</p>
        </Show>
      </div>
      <p class="fw-saved" role="status">
        {saved()}
      </p>
      <div class="form-actions fw-actions">
        <Show when={offline()}>
          <span class="muted small" role="status">
            {f().offline}
          </span>
        </Show>
        <button type="submit" class="button button-primary" disabled={busy() || offline()}>
          {busy() ? f().saving : f().saveTexts}
        </button>
      </div>
    </form>
  );
}
