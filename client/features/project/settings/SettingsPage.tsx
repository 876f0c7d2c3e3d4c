import { A, useParams } from '@solidjs/router';
import { createResource, createSignal, Show } from 'solid-js';
import type { ProjectDetail } from '../../../../shared/schemas/projects.ts';
import { api } from '../../../api.ts';
import { useApp, useI18n } from '../../../app-context.tsx';
import { LoadedPage } from '../../../components/LoadedPage.tsx';
import { Shell } from '../../../components/Shell.tsx';
import { StatePanel } from '../../../components/StatePanel.tsx';
import { useDocumentTitle } from '../../../components/use-document-title.ts';
import { createProjectFormState } from '../../projects-new/form-state.ts';
import { CardFields, FormFooter, type OrgOption, PartnerFields } from '../../projects-new/ProjectFields.tsx';
import { updateBodyOf, validateCard, valuesOfProject } from '../../projects-new/project-form.ts';
import { projectFormApi } from '../../projects-new/projects-new-api.ts';
import '../../projects-new/projects-new.css';
import { LifecycleSection } from './LifecycleSection.tsx';
import { MembersPanel } from './MembersPanel.tsx';
import { maySeeSettings } from './may-see-settings.ts';

const PREFIX = 'project-settings';

/** /projects/:id/settings: the project's card, its members, and archiving or restoring it. */
export function SettingsPage() {
  const params = useParams();
  const { t } = useI18n();
  const { session } = useApp();
  const s = () => t().projectSettings.settings;
  const [project, { mutate, refetch }] = createResource(() => params.id, api.project);
  useDocumentTitle(() => (project.error ? s().notFoundTitle : s().heading(project.latest?.title ?? '…')));
  return (
    <Shell width="form">
      <nav class="breadcrumb" aria-label={t().project.breadcrumb}>
        <A href={`/projects/${params.id}`} class="back-link">
          <span aria-hidden="true">←</span> {s().back}
        </A>
      </nav>
      <LoadedPage
        resource={project}
        onRetry={() => void refetch()}
        notFound={{ title: s().notFoundTitle, body: s().notFoundBody }}
        homeLink
        errorTitle={s().loadFailed}
        loading={s().loading}
      >
        {(p) => (
          <Show
            when={maySeeSettings(p(), Boolean(session[0].me?.clusterManager))}
            fallback={
              <StatePanel title={s().notAllowedTitle} body={s().notAllowedBody} icon="lock" level={1} />
            }
          >
            <div class="page-head">
              <h1 class="page-title">{s().heading(p().title)}</h1>
            </div>
            <Show
              when={p().permissions.includes('project.edit')}
              fallback={<p class="notice project-settings-readonly">{s().readOnly}</p>}
            >
              <CardForm project={p()} onSaved={(next) => mutate(next)} />
            </Show>
            <MembersPanel projectId={p().id} canManage={p().permissions.includes('members.manage')} />
            <LifecycleSection project={p()} onChanged={(next) => mutate(next)} />
          </Show>
        )}
      </LoadedPage>
    </Shell>
  );
}

/** Title, summary, partners and directory listing; saved as one change (last write wins, as in the room). */
function CardForm(props: { project: ProjectDetail; onSaved: (p: ProjectDetail) => void }) {
  const { t } = useI18n();
  const { connectivity } = useApp();
  const f = () => t().projectSettings.form;
  const form = createProjectFormState(
    valuesOfProject(props.project),
    (v) => validateCard(v, f().errors),
    PREFIX,
  );
  const [organisations] = createResource(() => projectFormApi.organisations());
  const [saved, setSaved] = createSignal(false);
  // Current partners stay choosable even once their organisation is deactivated.
  const options = (): OrgOption[] => {
    const active = organisations.error ? [] : (organisations.latest ?? []);
    const list: OrgOption[] = active.map((o) => ({ id: o.id, name: o.name }));
    for (const partner of props.project.partners)
      if (!list.some((o) => o.id === partner.organisation.id))
        list.push({ id: partner.organisation.id, name: partner.organisation.name });
    return list.filter((o) => o.id !== props.project.leadOrganisation.id);
  };
  async function submit(ev: SubmitEvent) {
    ev.preventDefault();
    setSaved(false);
    await form.submit(async () => {
      const next = await projectFormApi.update(props.project.id, updateBodyOf(form.values()));
      form.reset(valuesOfProject(next));
      setSaved(true);
      props.onSaved(next);
    }, t());
  }
  return (
    <form
      class="card card-roomy project-form project-settings-section"
      onSubmit={submit}
      novalidate
      aria-labelledby="card-title"
    >
      <h2 id="card-title" class="panel-title panel-title-spaced">
        {t().projectSettings.settings.card}
      </h2>
      <CardFields form={form} prefix={PREFIX} />
      <PartnerFields form={form} prefix={PREFIX} organisations={options()} />
      <FormFooter
        form={form}
        label={f().save}
        busyLabel={f().saving}
        offline={!connectivity[0].online}
        extra={
          <span class="muted small" role="status">
            {saved() ? f().saved : ''}
          </span>
        }
      />
    </form>
  );
}
