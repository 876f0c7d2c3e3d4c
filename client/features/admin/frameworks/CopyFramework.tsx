import { useNavigate, useSearchParams } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { CopyFrameworkBody, type Framework } from '../../../../shared/schemas/frameworks.ts';
import { useApp, useI18n } from '../../../app-context.tsx';
import { StatePanel } from '../../../components/StatePanel.tsx';
import { useDocumentTitle } from '../../../components/use-document-title.ts';
import { ApiError, describeError } from '../../../errors.ts';
import { BackToFrameworks } from './BackLink.tsx';
import { BilingualField } from './BilingualField.tsx';
import { createFormState, fieldId } from './form-state.ts';
import { type AdminFrameworks, frameworksAdminApi } from './frameworks-admin-api.ts';

/**
 * A new framework made by copying a version of another (`?from=`, the current one otherwise):
 * its names and description; everything else is copied, to be edited afterwards.
 */
export function CopyFramework(props: { data: AdminFrameworks; lineage: string; onSaved: () => unknown }) {
  const { t, locale } = useI18n();
  const a = () => t().frameworksAdmin;
  const [params] = useSearchParams();
  const source = () =>
    props.data.catalogue.frameworks.find((f) =>
      typeof params.from === 'string' ? f.id === params.from : f.lineage === props.lineage && f.current,
    );
  return (
    <>
      <BackToFrameworks
        href={`/admin/frameworks/${props.lineage}`}
        label={source()?.name[locale()] ?? a().back}
      />
      <Show
        when={source()}
        fallback={<StatePanel title={a().notFoundTitle} body={a().notFoundBody} icon="search" level={1} />}
      >
        {(from) => <CopyForm source={from()} onSaved={props.onSaved} />}
      </Show>
    </>
  );
}

function CopyForm(props: { source: Framework; onSaved: () => unknown }) {
  const { t, locale } = useI18n();
  const { connectivity, frameworks } = useApp();
  const navigate = useNavigate();
  const a = () => t().frameworksAdmin;
  const f = () => a().form;
  const source = props.source;
  useDocumentTitle(() => `${f().copyTitle(source.name[locale()])} · ${a().pageTitle}`);
  const form = createFormState(
    CopyFrameworkBody,
    {
      from: source.id,
      name: { en: `${source.name.en} (copy)`, fr: `${source.name.fr} (copie)` },
      description: { ...source.description },
    },
    () => f().errors,
  );
  const [message, setMessage] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const offline = () => !connectivity[0].online;

  async function submit(ev: SubmitEvent) {
    ev.preventDefault();
    setMessage('');
    if (!form.check()) {
      setMessage(f().fixFields);
      return;
    }
    setBusy(true);
    try {
      const created = await frameworksAdminApi.copy(form.values());
      await Promise.all([props.onSaved(), frameworks[1].reload()]);
      navigate(`/admin/frameworks/${created.lineage}?saved=1`);
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
      <h1 class="page-title">{f().copyTitle(source.name[locale()])}</h1>
      <p class="muted fw-intro">{f().copyIntro}</p>
      <section class="card card-roomy fw-edit-section">
        <BilingualField
          path="name"
          label={f().name}
          value={form.values().name}
          error={form.shown}
          onLeave={form.leave}
          onInput={(name, path) => form.set({ ...form.values(), name }, path)}
        />
        <BilingualField
          path="description"
          label={f().description}
          value={form.values().description}
          multiline
          error={form.shown}
          onLeave={form.leave}
          onInput={(description, path) => form.set({ ...form.values(), description }, path)}
        />
      </section>
      <div class="form-error-slot" role="alert">
        <Show when={message()}>
          <p class="form-error">{message()}</p>
        </Show>
      </div>
      <div class="form-actions fw-actions">
        <Show when={offline()}>
          <span class="muted small" role="status">
            {f().offline}
          </span>
        </Show>
        <button type="submit" class="button button-primary" disabled={busy() || offline()}>
          {busy() ? f().creating : f().create}
        </button>
      </div>
    </form>
  );
}
