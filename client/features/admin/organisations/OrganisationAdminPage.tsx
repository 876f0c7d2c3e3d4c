import { A, useNavigate } from '@solidjs/router';
import { createResource, createSignal, Show } from 'solid-js';
import type { AdminOrganisationDetail } from '../../../../shared/schemas/organisations.ts';
import { useApp, useI18n } from '../../../app-context.tsx';
import { LoadedPage } from '../../../components/LoadedPage.tsx';
import { useDocumentTitle } from '../../../components/use-document-title.ts';
import { ApiError, describeError } from '../../../errors.ts';
import { formatDate } from '../../../i18n/format.ts';
import { adminOrganisationsApi } from './admin-organisations-api.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { OrganisationForm } from './OrganisationForm.tsx';
import { OrganisationPeople, OrganisationProjects } from './OrganisationLists.tsx';
import { OrgBadge } from './OrgBadge.tsx';
import { bodyOf, emptyValues, type FormValues, valuesOf } from './organisation-form.ts';
import { ScimPanel } from './ScimPanel.tsx';

function BackLink() {
  const { t } = useI18n();
  return (
    <nav class="breadcrumb" aria-label={t().adminOrganisations.breadcrumb}>
      <A href="/admin/organisations" class="back-link">
        <span aria-hidden="true">←</span> {t().adminOrganisations.back}
      </A>
    </nav>
  );
}

/** Onboards an organisation, then opens it. */
export function NewOrganisationPage() {
  const { t } = useI18n();
  const a = () => t().adminOrganisations;
  const navigate = useNavigate();
  useDocumentTitle(() => a().newTitle);
  return (
    <>
      <BackLink />
      <h1 class="page-title org-admin-title">{a().newTitle}</h1>
      <OrganisationForm
        initial={emptyValues()}
        badgeId="new"
        editing={false}
        submitLabel={a().form.create}
        busyLabel={a().form.creating}
        onSubmit={async (values) => {
          const created = await adminOrganisationsApi.create(bodyOf(values));
          navigate(`/admin/organisations/${created.id}`);
        }}
      />
    </>
  );
}

/** One organisation: its fields to edit, its status, its people and its projects. */
export function OrganisationAdminPage(props: { id: string }) {
  const { t } = useI18n();
  const a = () => t().adminOrganisations;
  const [detail, { refetch, mutate }] = createResource(() => props.id, adminOrganisationsApi.detail);
  // The form is rebuilt from the server only when asked (a reload), never under what is typed.
  const [formKey, setFormKey] = createSignal(0);
  const [saved, setSaved] = createSignal('');
  useDocumentTitle(() => (detail.latest ? a().editTitle(detail.latest.name) : a().detailLoading));

  const reload = async () => {
    await refetch();
    setFormKey(formKey() + 1);
  };

  async function save(org: AdminOrganisationDetail, values: FormValues) {
    setSaved('');
    const before = JSON.stringify(bodyOf(valuesOf(org)));
    if (JSON.stringify(bodyOf(values)) === before) {
      setSaved(a().form.nothingChanged);
      return;
    }
    const next = await adminOrganisationsApi.update(org.id, { ...bodyOf(values), version: org.version });
    mutate(next);
    setSaved(a().form.saved);
  }

  return (
    <>
      <BackLink />
      <LoadedPage
        resource={detail}
        onRetry={() => void reload()}
        notFound={{ title: a().notFoundTitle, body: a().notFoundBody }}
        errorTitle={a().detailLoadError}
        loading={a().detailLoading}
      >
        {(org) => (
          <div class="org-admin-detail">
            <div class="org-admin-head">
              <OrgBadge id={org().id} name={org().name} size="large" />
              <h1 class="page-title">{org().name}</h1>
              <Show when={org().deactivatedAt}>
                <span class="tag tag-warning">{a().deactivated}</span>
              </Show>
            </div>
            <Show when={formKey() + 1} keyed>
              <OrganisationForm
                initial={valuesOf(org())}
                badgeId={org().id}
                editing={true}
                submitLabel={a().form.save}
                busyLabel={a().form.saving}
                onSubmit={(values) => save(org(), values)}
                onStale={() => (
                  <button type="button" class="button button-small" onClick={() => void reload()}>
                    {a().form.reload}
                  </button>
                )}
              />
            </Show>
            <p class="muted org-saved" role="status">
              {saved()}
            </p>
            <StatusPanel org={org()} onChange={(next) => mutate(next)} />
            <ScimPanel organisationId={org().id} organisationName={org().name} />
            <OrganisationPeople org={org()} />
            <OrganisationProjects org={org()} />
          </div>
        )}
      </LoadedPage>
    </>
  );
}

/** Active or deactivated, and the way to change it (deactivating asks first). */
function StatusPanel(props: {
  org: AdminOrganisationDetail;
  onChange: (next: AdminOrganisationDetail) => void;
}) {
  const { t, locale } = useI18n();
  const { connectivity } = useApp();
  const s = () => t().adminOrganisations.status_;
  const [open, setOpen] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal('');
  /** The projects that stand in the way, from what the page shows; the server's word otherwise. */
  const problem = (err: unknown) => {
    if (!(err instanceof ApiError) || err.isNetwork) return describeError(err, t());
    const led = props.org.projects
      .filter((p) => p.role === 'lead' && !p.archived)
      .map((p) => s().quoted(p.title));
    if (err.status === 409 && led.length > 0) return s().leadsActive(props.org.name, led.join(', '));
    return err.message;
  };

  async function run(action: 'deactivate' | 'reactivate') {
    setBusy(true);
    setError('');
    try {
      props.onChange(await adminOrganisationsApi[action](props.org.id));
      setOpen(false);
    } catch (err) {
      setError(`${s().refused} ${problem(err)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card card-roomy org-admin-section" aria-labelledby="org-status-title">
      <h2 id="org-status-title" class="panel-title">
        {s().title}
      </h2>
      <Show
        when={props.org.deactivatedAt}
        fallback={
          <>
            <p>{s().active}</p>
            <button
              type="button"
              class="button org-admin-danger"
              disabled={!connectivity[0].online}
              onClick={() => {
                setError('');
                setOpen(true);
              }}
            >
              {s().deactivate}
            </button>
          </>
        }
      >
        {(at) => (
          <>
            <p>{s().deactivatedOn(formatDate(locale(), at()))}</p>
            <Show when={error()}>
              <p class="form-error" role="alert">
                {error()}
              </p>
            </Show>
            <button
              type="button"
              class="button"
              disabled={busy() || !connectivity[0].online}
              onClick={() => void run('reactivate')}
            >
              {busy() ? s().reactivating : s().reactivate}
            </button>
          </>
        )}
      </Show>
      <ConfirmDialog
        open={open()}
        onOpenChange={setOpen}
        title={s().confirmTitle(props.org.name)}
        body={s().confirmBody}
        confirm={s().confirm}
        busyLabel={s().deactivating}
        cancel={s().cancel}
        busy={busy()}
        error={error()}
        onConfirm={() => void run('deactivate')}
      />
    </section>
  );
}
