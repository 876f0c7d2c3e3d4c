import { A, useNavigate } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import type { Invitation } from '../../../shared/schemas/members.ts';
import type { CreatedProject } from '../../../shared/schemas/projects.ts';
import { useApp, useI18n } from '../../app-context.tsx';
import { Shell } from '../../components/Shell.tsx';
import { StatePanel } from '../../components/StatePanel.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { createProjectFormState } from './form-state.ts';
import { CardFields, FormFooter, MemberFields, type OrgOption, PartnerFields } from './ProjectFields.tsx';
import { createBodyOf, emptyProject, validateNew } from './project-form.ts';
import { projectFormApi } from './projects-new-api.ts';
import './projects-new.css';

const PREFIX = 'new-project';

/**
 * /projects/new: a cluster manager, or a lead where the cluster allows it, starts a project.
 * On success the project room opens, unless invitation links must first be passed on by hand
 * (no mail server): they are shown once, here.
 */
export function NewProjectPage() {
  const { t, locale } = useI18n();
  const { session, frameworks, connectivity } = useApp();
  const navigate = useNavigate();
  const p = () => t().projectSettings;
  useDocumentTitle(() => p().newPage.heading);
  const me = () => session[0].me;
  const [organisations] = createResource(() => projectFormApi.organisations());
  const form = createProjectFormState(emptyProject(), (v) => validateNew(v, p().form.errors), PREFIX);
  const [created, setCreated] = createSignal<{ project: CreatedProject; links: Invitation[] } | null>(null);

  const tracks = () => frameworks[1].tracks().filter((f) => f.current);
  const stages = () => frameworks[1].track(form.values().track)?.stages ?? [];
  const active = (): OrgOption[] =>
    (organisations.error ? [] : (organisations.latest ?? [])).map((o) => ({ id: o.id, name: o.name }));
  // Managers pick any active organisation; others one of their own.
  const leadOptions = createMemo((): OrgOption[] => {
    if (me()?.clusterManager) return active();
    const ids = new Set(active().map((o) => o.id));
    return (me()?.organisations ?? []).filter((o) => organisations.latest === undefined || ids.has(o.id));
  });

  async function submit(ev: SubmitEvent) {
    ev.preventDefault();
    await form.submit(async () => {
      const project = await projectFormApi.create(createBodyOf(form.values()));
      const links = project.firstMembers.flatMap((m) =>
        'invitation' in m && m.invitation.link ? [m.invitation] : [],
      );
      if (links.length) setCreated({ project, links });
      else navigate(`/projects/${project.id}`);
    }, t());
  }

  return (
    <Shell width="form">
      <nav class="breadcrumb" aria-label={t().project.breadcrumb}>
        <A href="/" class="back-link">
          <span aria-hidden="true">←</span> {t().project.backToPortfolio}
        </A>
      </nav>
      <Show
        when={me()?.mayStartProject}
        fallback={
          <StatePanel
            title={p().newPage.notAllowedTitle}
            body={p().newPage.notAllowedBody}
            icon="lock"
            level={1}
          />
        }
      >
        <Show
          when={created()}
          fallback={
            <>
              <div class="page-head">
                <h1 class="page-title">{p().newPage.heading}</h1>
              </div>
              <p class="page-intro">{p().newPage.intro}</p>
              <form class="card card-roomy project-form" onSubmit={submit} novalidate>
                <CardFields form={form} prefix={PREFIX} />
                <div class="project-form-pair">
                  <div class="field">
                    <label for={`${PREFIX}-track`}>{p().form.track}</label>
                    <select
                      id={`${PREFIX}-track`}
                      class="select"
                      aria-invalid={Boolean(form.shown('track'))}
                      aria-describedby={form.shown('track') ? `${PREFIX}-track-error` : undefined}
                      onChange={(e) => form.set({ track: e.currentTarget.value, stage: 0 }, 'track')}
                      onBlur={(e) => form.leave('track', e)}
                    >
                      <option value="" selected={!form.values().track} disabled>
                        {p().form.chooseTrack}
                      </option>
                      <For each={tracks()}>
                        {(f) => (
                          <option value={f.id} selected={form.values().track === f.id}>
                            {f.name[locale()]}
                          </option>
                        )}
                      </For>
                    </select>
                    <Show when={form.shown('track')}>
                      <span id={`${PREFIX}-track-error`} class="field-error">
                        {form.shown('track')}
                      </span>
                    </Show>
                  </div>
                  <div class="field">
                    <label for={`${PREFIX}-stage`}>{p().form.stage}</label>
                    <select
                      id={`${PREFIX}-stage`}
                      class="select"
                      disabled={stages().length === 0}
                      aria-describedby={`${PREFIX}-stage-hint`}
                      onChange={(e) => form.set({ stage: Number(e.currentTarget.value) }, 'stage')}
                    >
                      <For each={stages()}>
                        {(s) => (
                          <option value={s.index} selected={form.values().stage === s.index}>
                            {s.index}. {s.name[locale()]}
                          </option>
                        )}
                      </For>
                    </select>
                    <span id={`${PREFIX}-stage-hint`} class="muted small">
                      {p().form.stageHint}
                    </span>
                  </div>
                </div>
                <div class="field">
                  <label for={`${PREFIX}-leadOrganisationId`}>{p().form.leadOrganisation}</label>
                  <select
                    id={`${PREFIX}-leadOrganisationId`}
                    class="select"
                    aria-invalid={Boolean(form.shown('leadOrganisationId'))}
                    aria-describedby={
                      form.shown('leadOrganisationId') ? `${PREFIX}-leadOrganisationId-error` : undefined
                    }
                    onChange={(e) =>
                      form.set({ leadOrganisationId: e.currentTarget.value }, 'leadOrganisationId')
                    }
                    onBlur={(e) => form.leave('leadOrganisationId', e)}
                  >
                    <option value="" selected={!form.values().leadOrganisationId} disabled>
                      {p().form.chooseOrganisation}
                    </option>
                    <For each={leadOptions()}>
                      {(o) => (
                        <option value={o.id} selected={form.values().leadOrganisationId === o.id}>
                          {o.name}
                        </option>
                      )}
                    </For>
                  </select>
                  <Show when={form.shown('leadOrganisationId')}>
                    <span id={`${PREFIX}-leadOrganisationId-error`} class="field-error">
                      {form.shown('leadOrganisationId')}
                    </span>
                  </Show>
                </div>
                <PartnerFields form={form} prefix={PREFIX} organisations={active()} />
                <MemberFields form={form} prefix={PREFIX} organisations={active()} />
                <FormFooter
                  form={form}
                  label={p().form.create}
                  busyLabel={p().form.creating}
                  offline={!connectivity[0].online}
                />
              </form>
            </>
          }
        >
          {(done) => (
            <section class="card card-roomy project-created">
              <h1 class="page-title">{p().newPage.invitedTitle}</h1>
              <p>{p().newPage.invitedBody}</p>
              <ul class="project-links">
                <For each={done().links}>
                  {(inv) => (
                    <li>
                      <strong>{inv.email}</strong>
                      <input
                        type="text"
                        readonly
                        value={inv.link}
                        aria-label={inv.email}
                        onFocus={(e) => e.currentTarget.select()}
                      />
                    </li>
                  )}
                </For>
              </ul>
              <A href={`/projects/${done().project.id}`} class="button button-primary">
                {p().newPage.openProject}
              </A>
            </section>
          )}
        </Show>
      </Show>
    </Shell>
  );
}
