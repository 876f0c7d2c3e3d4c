/**
 * The files attached to one criterion, readiness dimension or milestone: each with its versions
 * (newest first, every one downloadable), the team-only switch, and "Attach file" (a plain file
 * input, so it works by keyboard and screen reader). Who may upload and who sees team-only files
 * is the server's to say; this shows what it answers.
 */
import { createResource, createSignal, createUniqueId, For, Show } from 'solid-js';
import type { EvidenceItem, EvidenceTargetKind } from '../../../shared/schemas/evidence.ts';
import { useI18n } from '../../app-context.tsx';
import { ApiError, describeError } from '../../errors.ts';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import type { Messages } from '../../i18n/messages.ts';
import { evidenceApi } from './evidence-api.ts';
import './evidence.css';

export interface EvidenceFilesProps {
  projectId: string;
  kind: EvidenceTargetKind;
  targetId: string;
  /** what the files are for, in words (for labels read aloud) */
  targetLabel: string;
  canUpload: boolean;
}

export function fileSize(locale: 'en' | 'fr', bytes: number): string {
  const unit = locale === 'fr' ? ['o', 'Ko', 'Mo'] : ['B', 'KB', 'MB'];
  if (bytes < 1024) return `${formatNumber(locale, bytes)} ${unit[0]}`;
  if (bytes < 1024 * 1024) return `${formatNumber(locale, Math.round(bytes / 1024))} ${unit[1]}`;
  return `${formatNumber(locale, Math.round((bytes / (1024 * 1024)) * 10) / 10)} ${unit[2]}`;
}

function uploadError(err: unknown, t: Messages): string {
  if (err instanceof ApiError && err.code === 'too_large') return t.evidence.tooLarge;
  if (err instanceof ApiError && err.code === 'unsupported_media_type') return t.evidence.wrongType;
  return `${t.evidence.uploadFailed} ${describeError(err, t)}`;
}

export function EvidenceFiles(props: EvidenceFilesProps) {
  const { t, locale } = useI18n();
  const e = () => t().evidence;
  const [list, { refetch, mutate }] = createResource(
    () => [props.projectId, props.kind, props.targetId] as const,
    ([project, kind, target]) => evidenceApi.list(project, kind, target),
  );
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [notice, setNotice] = createSignal('');
  const [teamOnly, setTeamOnly] = createSignal(false);
  const id = createUniqueId();

  const replace = (item: EvidenceItem) => {
    const items = list.latest?.items ?? [];
    mutate({
      items: items.some((i) => i.id === item.id)
        ? items.map((i) => (i.id === item.id ? item : i))
        : [...items, item],
    });
  };

  const send = async (input: HTMLInputElement, upload: (file: File) => Promise<EvidenceItem>) => {
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const item = await upload(file);
      replace(item);
      setNotice(e().uploaded(item.versions[0]?.fileName ?? file.name));
    } catch (err) {
      setError(uploadError(err, t()));
    } finally {
      setBusy(false);
      input.value = '';
    }
  };

  const toggle = async (item: EvidenceItem, value: boolean) => {
    setError(null);
    try {
      replace(await evidenceApi.setTeamOnly(props.projectId, item.id, value));
    } catch (err) {
      setError(`${e().settingFailed} ${describeError(err, t())}`);
    }
  };

  return (
    <section class="evidence-files" aria-label={e().filesFor(props.targetLabel)}>
      <h4 class="evidence-title">{e().files}</h4>
      <Show
        when={!list.error}
        fallback={
          <p class="form-error" role="alert">
            {e().loadError} {describeError(list.error, t())}{' '}
            <button type="button" class="button button-small" onClick={() => refetch()}>
              {t().app.retry}
            </button>
          </p>
        }
      >
        <Show
          when={list.latest}
          fallback={
            <p class="muted small" role="status">
              {e().loading}
            </p>
          }
        >
          {(loaded) => (
            <Show when={loaded().items.length > 0} fallback={<p class="muted small">{e().empty}</p>}>
              <ul class="evidence-list">
                <For each={loaded().items}>
                  {(item) => (
                    <EvidenceRow
                      item={item}
                      projectId={props.projectId}
                      canUpload={props.canUpload}
                      busy={busy()}
                      onVersion={(input) =>
                        send(input, (file) => evidenceApi.addVersion(props.projectId, item.id, file))
                      }
                      onTeamOnly={(value) => toggle(item, value)}
                    />
                  )}
                </For>
              </ul>
            </Show>
          )}
        </Show>
      </Show>
      <Show when={props.canUpload}>
        <div class="evidence-attach">
          <input
            id={`${id}-file`}
            type="file"
            class="evidence-file-input"
            aria-label={e().attachFor(props.targetLabel)}
            aria-describedby={`${id}-accepted`}
            accept=".pdf,.docx,.xlsx,.pptx,.odt,.ods,.png,.jpg,.jpeg,.csv"
            disabled={busy()}
            onChange={(ev) =>
              send(ev.currentTarget, (file) =>
                evidenceApi.attach(props.projectId, props.kind, props.targetId, file, teamOnly()),
              )
            }
          />
          <label for={`${id}-file`} class="button button-small evidence-attach-button">
            {busy() ? e().uploading : e().attach}
          </label>
          <label class="evidence-team-new small">
            <input
              type="checkbox"
              checked={teamOnly()}
              onChange={(ev) => setTeamOnly(ev.currentTarget.checked)}
            />{' '}
            {e().teamOnlyNew}
          </label>
          <p id={`${id}-accepted`} class="muted small evidence-accepted">
            {e().accepted}
          </p>
        </div>
      </Show>
      <Show when={error()}>
        <p class="form-error" role="alert">
          {error()}
        </p>
      </Show>
      <p class="visually-hidden" role="status">
        {notice()}
      </p>
    </section>
  );

  function EvidenceRow(row: {
    item: EvidenceItem;
    projectId: string;
    canUpload: boolean;
    busy: boolean;
    onVersion: (input: HTMLInputElement) => void;
    onTeamOnly: (value: boolean) => void;
  }) {
    const latest = () => row.item.versions[0]!;
    const older = () => row.item.versions.slice(1);
    const rowId = createUniqueId();
    return (
      <li class="evidence-item">
        <div class="evidence-item-line">
          <VersionLink projectId={row.projectId} version={latest()} />
          <Show when={row.item.teamOnly}>
            <span class="evidence-badge">{e().teamOnlyBadge}</span>
          </Show>
        </div>
        <Show when={older().length > 0}>
          <details class="evidence-older">
            <summary class="small">
              {e().olderVersions(older().length, formatNumber(locale(), older().length))}
            </summary>
            <ul class="evidence-versions">
              <For each={older()}>
                {(v) => (
                  <li>
                    <VersionLink projectId={row.projectId} version={v} />
                  </li>
                )}
              </For>
            </ul>
          </details>
        </Show>
        <Show when={row.canUpload}>
          <div class="evidence-item-actions">
            <input
              id={`${rowId}-v`}
              type="file"
              class="evidence-file-input"
              aria-label={e().newVersionOf(latest().fileName)}
              disabled={row.busy}
              onChange={(ev) => row.onVersion(ev.currentTarget)}
            />
            <label for={`${rowId}-v`} class="button button-small">
              {e().newVersion}
            </label>
            <label class="small evidence-team-toggle">
              <input
                type="checkbox"
                checked={row.item.teamOnly}
                aria-label={e().teamOnlyFor(latest().fileName)}
                onChange={(ev) => row.onTeamOnly(ev.currentTarget.checked)}
              />{' '}
              {e().teamOnly}
            </label>
          </div>
        </Show>
      </li>
    );
  }

  function VersionLink(link: { projectId: string; version: EvidenceItem['versions'][number] }) {
    const v = () => link.version;
    const n = () => formatNumber(locale(), v().version);
    return (
      <span class="evidence-version">
        <a
          href={evidenceApi.fileUrl(link.projectId, v().id)}
          download={v().fileName}
          class="evidence-link"
          aria-label={e().download(v().fileName, n())}
        >
          {v().fileName}
        </a>{' '}
        <span class="muted small">
          {e().version(n())} · {fileSize(locale(), v().size)} ·{' '}
          {e().uploadedBy(v().uploadedBy.name, formatDateTime(locale(), v().uploadedAt))}
        </span>
      </span>
    );
  }
}
