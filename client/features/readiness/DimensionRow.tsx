import { createEffect, createMemo, For, on, onCleanup, Show } from 'solid-js';
import { readinessEvidence } from '../../../shared/doc/index.ts';
import { LIMITS } from '../../../shared/doc/shape.ts';
import type { DimensionId } from '../../../shared/domain.ts';
import type { FrameworkCatalogue } from '../../../shared/schemas/frameworks.ts';
import { useI18n } from '../../app-context.tsx';
import { formatNumber, formatRelative } from '../../i18n/format.ts';
import { EvidenceFiles } from '../evidence/EvidenceFiles.tsx';
import { useRoom } from '../project/room/room-context.tsx';
import { bindTextarea } from './evidence-binding.ts';

type DimensionInfo = FrameworkCatalogue['dimensions'][number];
const LEVELS = [1, 2, 3, 4, 5, 6, 7, 8, 9];

/** One readiness dimension: its level (1–9) and what it means, its evidence, who scored it. */
export function DimensionRow(props: { id: DimensionId; info: DimensionInfo | undefined }) {
  const room = useRoom();
  const { t, locale } = useI18n();
  const r = () => t().room.readiness;
  const entry = () => room.state.readiness[props.id];
  const name = () => props.info?.name[locale()] ?? props.id;
  const levelText = (level: number) =>
    props.info?.levels.find((l) => l.level === level)?.text[locale()] ?? '';
  const n = (x: number) => formatNumber(locale(), x);
  const headingId = `dimension-${props.id}`;

  return (
    <li class="dimension" aria-labelledby={headingId}>
      <div class="dimension-head">
        <h3 id={headingId} class="dimension-name" title={props.info?.description[locale()]}>
          {name()}
        </h3>
        <span class="dimension-value" classList={{ muted: !entry() }}>
          {entry() ? r().levelValue(n(entry()!.level)) : r().notScored}
        </span>
      </div>
      <Show
        when={room.canEdit()}
        fallback={
          <div class="level-meter" aria-hidden="true">
            <For each={LEVELS}>{(l) => <span classList={{ on: (entry()?.level ?? 0) >= l }} />}</For>
          </div>
        }
      >
        <fieldset class="level-picker">
          <legend class="visually-hidden">
            {name()} — {r().level}
          </legend>
          <For each={LEVELS}>
            {(l) => (
              <label
                class="level-option"
                title={levelText(l)}
                classList={{ below: (entry()?.level ?? 0) > l }}
              >
                <input
                  type="radio"
                  name={`level-${props.id}`}
                  value={l}
                  checked={entry()?.level === l}
                  aria-label={r().levelOf(n(l))}
                  onChange={() => room.actions.setLevel(props.id, l)}
                />
                <span aria-hidden="true">{n(l)}</span>
              </label>
            )}
          </For>
        </fieldset>
      </Show>
      <p class="dimension-text">
        <Show when={entry()} fallback={<span class="muted">{room.canEdit() ? r().notScoredHint : ''}</span>}>
          {(e) => levelText(e().level)}
        </Show>
      </p>
      <Evidence id={props.id} name={name()} />
      <EvidenceFiles
        projectId={room.project().id}
        kind="readiness"
        targetId={props.id}
        targetLabel={name()}
        canUpload={room.canEdit()}
      />
      <Show when={entry()?.updatedAt}>
        {(at) => (
          <p class="dimension-updated">
            {r().updated(
              room.memberName(entry()!.updatedBy) ?? t().room.detail.someone,
              formatRelative(locale(), new Date(at()).toISOString(), new Date(), t().time.justNow),
            )}
          </p>
        )}
      </Show>
    </li>
  );
}

/** Evidence: co-edited for edit access (bound to the Y.Text), read as text by everyone else. */
function Evidence(props: { id: DimensionId; name: string }) {
  const room = useRoom();
  const { t } = useI18n();
  const r = () => t().room.readiness;
  const fieldId = `evidence-${props.id}`;
  const entry = () => room.state.readiness[props.id];
  // The Y.Text to bind; re-read when the entry changes, as a concurrent creation may replace it.
  const text = createMemo(() => {
    entry()?.updatedAt;
    return entry() ? readinessEvidence(room.session.doc, props.id) : null;
  });
  let textarea: HTMLTextAreaElement | undefined;
  let unbind: (() => void) | null = null;
  createEffect(
    on([text, () => room.canEdit()], ([current, editable]) => {
      unbind?.();
      unbind = null;
      if (current && editable && textarea)
        unbind = bindTextarea(textarea, current, (value) => room.actions.setEvidence(props.id, value));
    }),
  );
  onCleanup(() => unbind?.());

  return (
    <div class="evidence">
      <Show
        when={room.canEdit()}
        fallback={
          <p class="evidence-text" classList={{ muted: !entry()?.evidence }}>
            <span class="visually-hidden">{r().evidence}: </span>
            {entry()?.evidence || r().noEvidence}
          </p>
        }
      >
        <label for={fieldId} class="visually-hidden">
          {r().evidence} — {props.name}
        </label>
        <textarea
          ref={textarea}
          id={fieldId}
          class="evidence-input"
          rows={2}
          maxLength={LIMITS.readinessEvidence}
          disabled={!entry()}
          placeholder={entry() ? r().evidencePlaceholder : r().evidenceNeedsLevel}
          data-yjs=""
        />
      </Show>
    </div>
  );
}
