import { A, useNavigate, useParams } from '@solidjs/router';
import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import type { OrganisationKind } from '../../../shared/domain.ts';
import { canInCluster } from '../../../shared/permissions.ts';
import type { Service, ServiceKind } from '../../../shared/services.ts';
import { organisationKinds, serviceKinds } from '../../../shared/vocabularies.ts';
import { useApp, useI18n } from '../../app-context.tsx';
import { Loading } from '../../components/LoadStates.tsx';
import { Shell } from '../../components/Shell.tsx';
import { StatePanel } from '../../components/StatePanel.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { ApiError, type ApiIssue, describeError } from '../../errors.ts';
import { servicesApi } from './services-api.ts';
import './services.css';
import './requests.css';

/**
 * Cluster managers add an offer to the catalogue or change one, its request form included (as
 * JSON: the server validates the definition and names what is wrong).
 */
export function ServiceEditorPage() {
  const params = useParams();
  const { t, locale } = useI18n();
  const { session } = useApp();
  const e = () => t().services.editor;
  const isNew = () => !params.slug;
  const [service] = createResource(() => params.slug, servicesApi.service);
  const [orgs] = createResource(servicesApi.organisations);
  useDocumentTitle(() =>
    isNew() ? e().pageTitleNew : e().pageTitleEdit(service.latest?.name[locale()] ?? ''),
  );

  return (
    <Shell>
      <nav class="breadcrumb" aria-label={t().services.nav}>
        <A href="/services" class="back-link">
          <span aria-hidden="true">←</span> {e().back}
        </A>
      </nav>
      <Switch>
        <Match when={!canInCluster(session[0].me, 'service.manage')}>
          <StatePanel title={e().managersOnly} body={t().errors.forbidden} icon="lock" level={1} />
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
        <Match when={orgs.latest && (isNew() || service.latest)}>
          <ServiceEditor
            service={isNew() ? null : service.latest!}
            organisations={orgs.latest!.organisations}
          />
        </Match>
        <Match when={true}>
          <Loading label={t().services.loading} />
        </Match>
      </Switch>
    </Shell>
  );
}

function ServiceEditor(props: { service: Service | null; organisations: { id: string; name: string }[] }) {
  const { t, locale } = useI18n();
  const e = () => t().services.editor;
  const navigate = useNavigate();
  const s = props.service;
  const [kind, setKind] = createSignal<ServiceKind>(s?.kind ?? 'platform');
  const [slug, setSlug] = createSignal(s?.slug ?? '');
  const [text, setText] = createSignal({
    nameEn: s?.name.en ?? '',
    nameFr: s?.name.fr ?? '',
    descriptionEn: s?.description.en ?? '',
    descriptionFr: s?.description.fr ?? '',
    audienceEn: s?.audience.en ?? '',
    audienceFr: s?.audience.fr ?? '',
  });
  const [kinds, setKinds] = createSignal<OrganisationKind[]>(s?.requesterKinds ?? []);
  const [org, setOrg] = createSignal(s?.handlingOrganisation?.id ?? '');
  const [active, setActive] = createSignal(s?.active ?? true);
  const [form, setForm] = createSignal(JSON.stringify(s?.form ?? [], null, 2));
  const [busy, setBusy] = createSignal(false);
  const [issues, setIssues] = createSignal<readonly ApiIssue[]>([]);
  const [message, setMessage] = createSignal('');
  const [saved, setSaved] = createSignal(false);

  async function save(ev: SubmitEvent) {
    ev.preventDefault();
    setIssues([]);
    setMessage('');
    setSaved(false);
    let parsedForm: unknown;
    try {
      parsedForm = JSON.parse(form());
    } catch {
      setMessage(e().formInvalidJson);
      document.getElementById('service-form-json')?.focus();
      return;
    }
    const v = text();
    const body = {
      kind: kind(),
      name: { en: v.nameEn, fr: v.nameFr },
      description: { en: v.descriptionEn, fr: v.descriptionFr },
      audience: { en: v.audienceEn, fr: v.audienceFr },
      requesterKinds: kinds(),
      handlingOrganisationId: org() || null,
      active: active(),
      form: parsedForm as Service['form'],
    };
    setBusy(true);
    try {
      if (s) {
        await servicesApi.save(s.id, body);
        setSaved(true);
      } else {
        const created = await servicesApi.create({ ...body, slug: slug(), handlerIds: [] });
        navigate(`/services#service-${created.slug}`);
      }
    } catch (err) {
      setMessage(err instanceof ApiError && err.status !== 0 ? err.message : describeError(err, t()));
      if (err instanceof ApiError) setIssues(err.issues);
    } finally {
      setBusy(false);
    }
  }

  const textField = (key: keyof ReturnType<typeof text>, label: string, area = false) => (
    <div class="field">
      <label for={`service-${key}`}>{label}</label>
      <Show
        when={area}
        fallback={
          <input
            id={`service-${key}`}
            type="text"
            value={text()[key]}
            onInput={(ev) => setText({ ...text(), [key]: ev.currentTarget.value })}
          />
        }
      >
        <textarea
          id={`service-${key}`}
          rows={3}
          value={text()[key]}
          onInput={(ev) => setText({ ...text(), [key]: ev.currentTarget.value })}
        />
      </Show>
    </div>
  );

  return (
    <form class="card card-roomy request-form service-editor" onSubmit={save} novalidate>
      <h1 class="page-title">{s ? e().pageTitleEdit(s.name[locale()]) : e().pageTitleNew}</h1>
      <div class="editor-row">
        <div class="field">
          <label for="service-kind-edit">{e().kind}</label>
          <select
            id="service-kind-edit"
            class="select"
            onChange={(ev) => setKind(ev.currentTarget.value as ServiceKind)}
          >
            <For each={serviceKinds}>
              {(k) => (
                <option value={k} selected={kind() === k}>
                  {t().services.kinds[k]}
                </option>
              )}
            </For>
          </select>
        </div>
        <Show when={!s}>
          <div class="field">
            <label for="service-slug">{e().slug}</label>
            <input
              id="service-slug"
              type="text"
              value={slug()}
              aria-describedby="service-slug-hint"
              onInput={(ev) => setSlug(ev.currentTarget.value)}
            />
            <span id="service-slug-hint" class="muted small">
              {e().slugHint}
            </span>
          </div>
        </Show>
      </div>
      <div class="editor-row">
        {textField('nameEn', e().nameEn)}
        {textField('nameFr', e().nameFr)}
      </div>
      <div class="editor-row">
        {textField('descriptionEn', e().descriptionEn, true)}
        {textField('descriptionFr', e().descriptionFr, true)}
      </div>
      <div class="editor-row">
        {textField('audienceEn', e().audienceEn)}
        {textField('audienceFr', e().audienceFr)}
      </div>
      <fieldset class="choice-set">
        <legend>{e().requesterKinds}</legend>
        <For each={organisationKinds}>
          {(k) => (
            <label class="checkbox">
              <input
                type="checkbox"
                checked={kinds().includes(k)}
                onChange={(ev) =>
                  setKinds(ev.currentTarget.checked ? [...kinds(), k] : kinds().filter((x) => x !== k))
                }
              />
              {t().organisationKinds[k]}
            </label>
          )}
        </For>
      </fieldset>
      <div class="field">
        <label for="service-org">{e().handlingOrganisation}</label>
        <select id="service-org" class="select" onChange={(ev) => setOrg(ev.currentTarget.value)}>
          <option value="" selected={!org()}>
            {e().noOrganisation}
          </option>
          <For each={props.organisations}>
            {(o) => (
              <option value={o.id} selected={org() === o.id}>
                {o.name}
              </option>
            )}
          </For>
        </select>
        <Show when={s?.handlers.length}>
          <span class="muted small">{e().handlersNote(s!.handlers.map((h) => h.name).join(', '))}</span>
        </Show>
      </div>
      <label class="checkbox">
        <input type="checkbox" checked={active()} onChange={(ev) => setActive(ev.currentTarget.checked)} />
        {e().active}
      </label>
      <div class="field">
        <label for="service-form-json">{e().form}</label>
        <span id="service-form-hint" class="muted small">
          {e().formHint}
        </span>
        <textarea
          id="service-form-json"
          class="json-editor"
          rows={14}
          spellcheck={false}
          aria-describedby="service-form-hint"
          value={form()}
          onInput={(ev) => setForm(ev.currentTarget.value)}
        />
      </div>
      <div class="form-error-slot" role="alert">
        <Show when={message()}>
          <div class="form-error">
            <p>
              {e().refused} {message()}
            </p>
            <Show when={issues().length > 1}>
              <ul>
                <For each={issues()}>
                  {(i) => (
                    <li>
                      <code>{i.path}</code>: {i.message}
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </div>
        </Show>
      </div>
      <div class="form-actions">
        <Show when={saved()}>
          <span class="muted" role="status">
            {e().saved}
          </span>
        </Show>
        <button type="submit" class="button button-primary" disabled={busy()}>
          {busy() ? e().saving : e().save}
        </button>
      </div>
    </form>
  );
}
