import { createMemo, createSignal, For, Show } from 'solid-js';
import { LIMITS } from '../../../shared/doc/shape.ts';
import type { FrameworkCatalogue } from '../../../shared/schemas/frameworks.ts';
import { useApp, useI18n } from '../../app-context.tsx';
import { formatNumber, formatRelative } from '../../i18n/format.ts';
import { DownloadLog } from '../evidence/DownloadLog.tsx';
import { EvidenceFiles } from '../evidence/EvidenceFiles.tsx';
import { useRoom } from '../project/room/room-context.tsx';
import { NewerVersionNote } from './NewerVersionNote.tsx';
import './criteria.css';

type Criterion = FrameworkCatalogue['frameworks'][number]['stages'][number]['criteria'][number];

/**
 * The next gate's criteria, a live checklist: each must-meet criterion is checked with the
 * evidence behind it (a link, a report reference); should-meet ones are scored at the review.
 */
export function CriteriaTab() {
  const room = useRoom();
  const { frameworks } = useApp();
  const { t, locale } = useI18n();
  const c = () => t().room.criteria;
  const n = (x: number) => formatNumber(locale(), x);
  const stage = () => frameworks[1].stage(room.project().track, room.project().stage);
  const must = createMemo(() => stage()?.criteria.filter((x) => x.kind === 'must') ?? []);
  const should = createMemo(() => stage()?.criteria.filter((x) => x.kind === 'should') ?? []);
  const met = () => must().filter((x) => room.state.criteria[x.id]?.checked).length;
  // the lead, or the programme office (who sees a project without a member role)
  const readsDownloadLog = () => room.project().myRole === 'lead' || room.project().myRole === null;

  return (
    <Show
      when={stage()}
      fallback={<p class="room-note">{room.frameworksStatus() === 'error' ? c().unavailable : c().noGate}</p>}
    >
      {(s) => (
        <section class="criteria" aria-labelledby="criteria-title">
          <h2 id="criteria-title" class="room-section-title">
            {s().gateName[locale()]}
          </h2>
          <p class="muted room-section-intro">{c().intro(s().gateName[locale()])}</p>
          <NewerVersionNote />
          <div class="panel criteria-group">
            <h3 class="panel-title criteria-group-title">
              {c().must}
              <span class="criteria-progress">
                <span class="gate-meter" aria-hidden="true">
                  <span style={{ width: `${must().length ? (met() / must().length) * 100 : 0}%` }} />
                </span>
                {c().progress(met(), n(met()), n(must().length))}
              </span>
            </h3>
            <ul class="criteria-list">
              <For each={must()}>{(criterion) => <MustCriterion criterion={criterion} />}</For>
            </ul>
          </div>
          <Show when={should().length > 0}>
            <div class="panel criteria-group">
              <h3 class="panel-title criteria-group-title">
                {c().should}
                <span class="muted criteria-hint">{c().shouldHint}</span>
              </h3>
              <ul class="criteria-list criteria-should">
                <For each={should()}>
                  {(criterion) => <li class="criterion">{criterion.text[locale()]}</li>}
                </For>
              </ul>
            </div>
          </Show>
          <Show when={readsDownloadLog()}>
            <DownloadLog projectId={room.project().id} />
          </Show>
        </section>
      )}
    </Show>
  );
}

function MustCriterion(props: { criterion: Criterion }) {
  const room = useRoom();
  const { t, locale } = useI18n();
  const c = () => t().room.criteria;
  const check = () => room.state.criteria[props.criterion.id];
  const text = () => props.criterion.text[locale()];
  const boxId = `criterion-${props.criterion.key}`;
  const evidenceId = `criterion-evidence-${props.criterion.key}`;
  const [draft, setDraft] = createSignal<string | null>(null);
  const commitEvidence = () => {
    const value = draft();
    setDraft(null);
    if (value === null || value.trim() === (check()?.evidence ?? '')) return;
    room.actions.setCriterion(props.criterion.id, {
      checked: check()?.checked ?? false,
      evidence: value.trim(),
    });
  };

  return (
    <li class="criterion" classList={{ 'is-met': !!check()?.checked }}>
      <Show
        when={room.canEdit()}
        fallback={
          <p class="criterion-line">
            <span class="criterion-state" aria-hidden="true">
              {check()?.checked ? '✓' : ''}
            </span>
            <span>
              <span class="visually-hidden">{check()?.checked ? c().met : c().notMet}: </span>
              {text()}
            </span>
          </p>
        }
      >
        <div class="criterion-line">
          <input
            id={boxId}
            type="checkbox"
            class="criterion-box"
            checked={!!check()?.checked}
            onChange={(e) =>
              room.actions.setCriterion(props.criterion.id, { checked: e.currentTarget.checked })
            }
          />
          <label for={boxId}>{text()}</label>
        </div>
      </Show>
      <div class="criterion-evidence">
        <Show
          when={room.canEdit()}
          fallback={
            <Show when={check()?.evidence}>
              {(ev) => (
                <p class="small">
                  <span class="muted">{c().evidence}: </span>
                  <EvidenceText text={ev()} />
                </p>
              )}
            </Show>
          }
        >
          <label for={evidenceId} class="visually-hidden">
            {c().evidenceFor(text())}
          </label>
          <input
            id={evidenceId}
            type="text"
            class="criterion-evidence-input"
            maxLength={LIMITS.criterionEvidence}
            placeholder={c().evidencePlaceholder}
            value={draft() ?? check()?.evidence ?? ''}
            onInput={(e) => setDraft(e.currentTarget.value)}
            onBlur={commitEvidence}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commitEvidence();
              else if (e.key === 'Escape' && draft() !== null) {
                e.preventDefault();
                setDraft(null);
              }
            }}
          />
          <Show when={check()?.evidence && /^https?:\/\//.test(check()!.evidence)}>
            <EvidenceText text={check()!.evidence} />
          </Show>
        </Show>
        <EvidenceFiles
          projectId={room.project().id}
          kind="criterion"
          targetId={props.criterion.id}
          targetLabel={text()}
          canUpload={room.canEdit()}
        />
        <Show when={check()?.checked && check()?.checkedAt}>
          <p class="criterion-meta">
            {c().checked(
              room.memberName(check()!.checkedBy) ?? t().room.detail.someone,
              formatRelative(
                locale(),
                new Date(check()!.checkedAt!).toISOString(),
                new Date(),
                t().time.justNow,
              ),
            )}
          </p>
        </Show>
      </div>
    </li>
  );
}

/** Evidence as written; a web address becomes a link (opened in a new tab, no referrer). */
function EvidenceText(props: { text: string }) {
  return (
    <Show when={/^https?:\/\/\S+$/.test(props.text)} fallback={<span>{props.text}</span>}>
      <a href={props.text} target="_blank" rel="noopener noreferrer" class="evidence-link">
        {props.text}
      </a>
    </Show>
  );
}
