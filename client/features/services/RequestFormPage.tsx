import { A, useNavigate, useParams, useSearchParams } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import type { ProjectSummary } from '../../../shared/schemas/projects.ts';
import type { Service } from '../../../shared/services.ts';
import { api } from '../../api.ts';
import { useI18n } from '../../app-context.tsx';
import { Loading } from '../../components/LoadStates.tsx';
import { Shell } from '../../components/Shell.tsx';
import { StatePanel } from '../../components/StatePanel.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { ApiError, describeError } from '../../errors.ts';
import { FormFieldInput } from './FormFieldInput.tsx';
import { emptyValue, type RawValue, toAnswers, validateAnswers } from './form-validation.ts';
import { servicesApi } from './services-api.ts';
import './services.css';
import './requests.css';

/** Asking a service for a project: the form generated from the service's definition. */
export function RequestFormPage() {
  const params = useParams();
  const { t, locale } = useI18n();
  const f = () => t().services.form;
  const [service] = createResource(() => params.slug, servicesApi.service);
  const [mine] = createResource(() => api.projects({ mine: true }));
  useDocumentTitle(() => f().pageTitle(service.latest?.name[locale()] ?? ''));
  const projects = createMemo(() =>
    (mine.error ? [] : (mine.latest?.projects ?? [])).filter(
      (p) => (p.myRole === 'lead' || p.myRole === 'contributor') && !p.archived,
    ),
  );

  return (
    <Shell>
      <nav class="breadcrumb" aria-label={t().services.nav}>
        <A href="/services" class="back-link">
          <span aria-hidden="true">←</span> {f().back}
        </A>
      </nav>
      <Switch>
        <Match when={service.error instanceof ApiError && service.error.status === 404}>
          <StatePanel title={f().notFound} body={t().errors.notFound} icon="search" level={1} />
        </Match>
        <Match when={service.error}>
          <StatePanel
            title={t().services.loadError}
            body={describeError(service.error, t())}
            tone="error"
            icon="error"
            level={1}
          />
        </Match>
        <Match when={service.latest && mine.state === 'ready'}>
          <RequestForm service={service.latest!} projects={projects()} />
        </Match>
        <Match when={true}>
          <Loading label={t().services.loading} />
        </Match>
      </Switch>
    </Shell>
  );
}

function RequestForm(props: { service: Service; projects: ProjectSummary[] }) {
  const { t, locale } = useI18n();
  const f = () => t().services.form;
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const wanted = typeof search.project === 'string' ? search.project : '';
  const [projectId, setProjectId] = createSignal(
    props.projects.some((p) => p.id === wanted) ? wanted : (props.projects[0]?.id ?? ''),
  );
  const [values, setValues] = createSignal<Record<string, RawValue>>(
    Object.fromEntries(props.service.form.map((field) => [field.key, emptyValue(field)])),
  );
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [submitted, setSubmitted] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal('');
  const errorCount = () => Object.keys(errors()).length;

  function change(key: string, value: RawValue) {
    const next = { ...values(), [key]: value };
    setValues(next);
    // Once the user tried to send, errors follow their corrections as they type.
    if (submitted()) setErrors(validateAnswers(props.service.form, next, f().errors));
  }

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setSubmitted(true);
    setFailure('');
    const found = validateAnswers(props.service.form, values(), f().errors);
    setErrors(found);
    const first = props.service.form.find((field) => found[field.key]);
    if (first) {
      focusField(first.key);
      return;
    }
    setBusy(true);
    try {
      const filed = await servicesApi.file(
        projectId(),
        props.service.id,
        toAnswers(props.service.form, values()),
      );
      navigate(`/projects/${encodeURIComponent(projectId())}/services#request-${filed.id}`);
    } catch (err) {
      const fromServer: Record<string, string> = {};
      if (err instanceof ApiError)
        for (const issue of err.issues) {
          const key = issue.path.replace(/^answers\.?/, '');
          if (props.service.form.some((field) => field.key === key))
            fromServer[key] = f().errors.server(issue.message);
        }
      if (Object.keys(fromServer).length) {
        setErrors(fromServer);
        focusField(Object.keys(fromServer)[0]!);
      } else
        setFailure(
          `${f().sendFailed} ${err instanceof ApiError && err.status === 403 ? err.message : describeError(err, t())}`,
        );
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card card-roomy request-form" onSubmit={submit} novalidate>
      <span class={`tag service-kind service-kind-${props.service.kind}`}>
        {t().services.kinds[props.service.kind]}
      </span>
      <h1 class="page-title">{props.service.name[locale()]}</h1>
      <p class="muted">{props.service.description[locale()]}</p>
      <Show
        when={props.projects.length}
        fallback={<StatePanel title={f().chooseProject} body={f().noProjects} icon="lock" />}
      >
        <div class="field">
          <label for="request-project">{f().project}</label>
          <select id="request-project" class="select" onChange={(e) => setProjectId(e.currentTarget.value)}>
            <For each={props.projects}>
              {(p) => (
                <option value={p.id} selected={p.id === projectId()}>
                  {p.title}
                </option>
              )}
            </For>
          </select>
        </div>
        <For each={props.service.form}>
          {(field) => (
            <FormFieldInput
              field={field}
              value={values()[field.key] ?? emptyValue(field)}
              error={errors()[field.key] ?? null}
              onChange={(v) => change(field.key, v)}
            />
          )}
        </For>
        <div class="form-error-slot" role="alert">
          <Show when={submitted() && errorCount() > 0}>
            <p class="form-error">{f().fixErrors(errorCount())}</p>
          </Show>
          <Show when={failure()}>
            <p class="form-error">{failure()}</p>
          </Show>
        </div>
        <div class="form-actions">
          <A href="/services" class="button">
            {f().cancel}
          </A>
          <button type="submit" class="button button-primary" disabled={busy()}>
            {busy() ? f().submitting : f().submit}
          </button>
        </div>
      </Show>
    </form>
  );
}

function focusField(key: string) {
  const el =
    document.getElementById(`field-${key}`) ?? document.querySelector<HTMLElement>(`[name="${key}"]`);
  el?.focus();
}
