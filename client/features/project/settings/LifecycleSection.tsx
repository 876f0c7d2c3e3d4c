import { createSignal, Match, Switch } from 'solid-js';
import type { ProjectDetail } from '../../../../shared/schemas/projects.ts';
import { useI18n } from '../../../app-context.tsx';
import { describeError } from '../../../errors.ts';
import { ConfirmDialog } from '../../admin/organisations/ConfirmDialog.tsx';
import '../../admin/organisations/admin-organisations.css';
import { lifecycleApi } from './settings-api.ts';

/**
 * Archive (leads and managers) and restore (managers), each after a confirmation that says
 * what it means. `onChanged` hands back the project as the server now has it.
 */
export function LifecycleSection(props: { project: ProjectDetail; onChanged: (p: ProjectDetail) => void }) {
  const { t } = useI18n();
  const s = () => t().projectSettings.settings;
  const can = (a: string) => props.project.permissions.includes(a);
  return (
    <section class="card card-roomy project-settings-section" aria-labelledby="lifecycle-title">
      <h2 id="lifecycle-title" class="panel-title panel-title-spaced">
        {s().lifecycle}
      </h2>
      <Switch>
        <Match when={!props.project.archived && can('project.archive')}>
          <p class="muted">{s().archiveIntro}</p>
          <Confirmed
            open={s().archive}
            title={s().archiveTitle}
            body={s().archiveBody(props.project.title)}
            confirm={s().archiveConfirm}
            busy={s().archiving}
            run={() => lifecycleApi.setArchived(props.project.id, true)}
            onDone={props.onChanged}
          />
        </Match>
        <Match when={props.project.archived && can('project.restore')}>
          <p class="muted">{s().restoreIntro}</p>
          <RestoreButton project={props.project} onDone={props.onChanged} />
        </Match>
        <Match when={props.project.archived}>
          <p class="muted">{s().archivedNoRestore}</p>
        </Match>
      </Switch>
    </section>
  );
}

/** The programme office's restore, asked for confirmation, for the archived room's banner too. */
export function RestoreButton(props: { project: ProjectDetail; onDone?: (p: ProjectDetail) => void }) {
  const { t } = useI18n();
  const s = () => t().projectSettings.settings;
  return (
    <Confirmed
      open={s().restore}
      title={s().restoreTitle}
      body={s().restoreBody(props.project.title)}
      confirm={s().restoreConfirm}
      busy={s().restoring}
      run={() => lifecycleApi.setArchived(props.project.id, false)}
      onDone={(p) => props.onDone?.(p)}
    />
  );
}

function Confirmed(props: {
  open: string;
  title: string;
  body: string;
  confirm: string;
  busy: string;
  run: () => Promise<ProjectDetail>;
  onDone: (p: ProjectDetail) => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal('');
  async function confirm() {
    setBusy(true);
    setError('');
    try {
      const project = await props.run();
      setOpen(false);
      props.onDone(project);
    } catch (err) {
      setError(describeError(err, t()));
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <button type="button" class="button org-admin-danger" onClick={() => setOpen(true)}>
        {props.open}
      </button>
      <ConfirmDialog
        open={open()}
        onOpenChange={(o) => {
          setOpen(o);
          if (!o) setError('');
        }}
        title={props.title}
        body={props.body}
        confirm={props.confirm}
        busyLabel={props.busy}
        cancel={t().projectSettings.form.cancel}
        busy={busy()}
        error={error()}
        onConfirm={() => void confirm()}
      />
    </>
  );
}
