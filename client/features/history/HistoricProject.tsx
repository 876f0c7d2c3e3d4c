import { createMemo, For, Show } from 'solid-js';
import type { Milestone } from '../../../shared/doc/shape.ts';
import type { DimensionId } from '../../../shared/domain.ts';
import type { FieldChange, HistoryView } from '../../../shared/history.ts';
import { dimensionIds } from '../../../shared/vocabularies.ts';
import { useI18n } from '../../app-context.tsx';
import { StatusIcon } from '../../components/StatusIcon.tsx';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format.ts';
import { useRoom } from '../project/room/room-context.tsx';

/**
 * The project as it stood (read-only): its milestones, readiness and gate criteria then, each
 * marked where it differs from now, and what was added since.
 */
export function HistoricProject(props: {
  view: HistoryView;
  gateName: (stageIndex: number) => string;
  onClear: () => void;
}) {
  const room = useRoom();
  const { t, locale } = useI18n();
  const h = () => t().history;
  const n = (x: number) => formatNumber(locale(), x);
  const diff = () => props.view.diff;
  const changedById = createMemo(() => new Map(diff().milestones.changed.map((c) => [c.id, c.changes])));
  const removedIds = createMemo(() => new Set(diff().milestones.removed.map((m) => m.id)));
  const dimensionName = (id: string) => room.dimensions().find((d) => d.id === id)?.name[locale()] ?? id;

  const heading = () => {
    const source = props.view.source;
    const when = formatDateTime(locale(), props.view.at);
    return source.kind === 'gate' ? h().atGate(props.gateName(source.stageIndex), when) : h().asOf(when);
  };
  const summary = () => {
    const d = diff();
    const parts = [
      d.milestones.changed.length &&
        h().summary.changed(d.milestones.changed.length, n(d.milestones.changed.length)),
      d.milestones.added.length && h().summary.added(d.milestones.added.length, n(d.milestones.added.length)),
      d.milestones.removed.length &&
        h().summary.removed(d.milestones.removed.length, n(d.milestones.removed.length)),
      d.readiness.length && h().summary.readiness(d.readiness.length, n(d.readiness.length)),
      d.criteria.length && h().summary.criteria(d.criteria.length, n(d.criteria.length)),
    ].filter((x): x is string => typeof x === 'string');
    return parts;
  };

  return (
    <article class="history-view" aria-labelledby="history-view-title">
      <header class="history-view-head">
        <div>
          <h3 id="history-view-title" class="history-view-title">
            {heading()}
          </h3>
          <p class="history-summary">
            <Show when={summary().length > 0} fallback={h().summary.none}>
              <For each={summary()}>{(part) => <span class="history-chip">{part}</span>}</For>
              <span class="muted">{h().summary.since}</span>
            </Show>
          </p>
        </div>
        <div class="history-view-actions">
          <span class="history-readonly">{h().readOnly}</span>
          <button type="button" class="button button-small" onClick={() => props.onClear()}>
            {h().backToNow}
          </button>
        </div>
      </header>

      <div class="history-sections">
        <section class="panel history-section" aria-labelledby="history-ms-title">
          <h4 id="history-ms-title" class="panel-title">
            {h().milestonesTitle}
          </h4>
          <Show
            when={props.view.state.milestones.length > 0}
            fallback={<p class="muted">{h().noMilestones}</p>}
          >
            <ul class="history-list">
              <For each={props.view.state.milestones}>
                {(m) => (
                  <HistoricMilestone
                    milestone={m}
                    changes={changedById().get(m.id) ?? []}
                    removed={removedIds().has(m.id)}
                    dimensionName={dimensionName}
                  />
                )}
              </For>
            </ul>
          </Show>
          <Show when={diff().milestones.added.length > 0}>
            <h5 class="history-subtitle">{h().addedTitle}</h5>
            <ul class="history-list">
              <For each={diff().milestones.added}>
                {(m) => (
                  <li class="history-item is-added">
                    <div class="history-item-line">
                      <StatusIcon status={m.status} />
                      <span class="history-item-title">{m.title}</span>
                      <span class="history-mark mark-added">{h().marks.added}</span>
                    </div>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </section>

        <div class="history-column">
          <ReadinessThen view={props.view} dimensionName={dimensionName} />
          <CriteriaThen view={props.view} />
        </div>
      </div>
    </article>
  );
}

function HistoricMilestone(props: {
  milestone: Milestone;
  changes: FieldChange[];
  removed: boolean;
  dimensionName: (id: string) => string;
}) {
  const room = useRoom();
  const { t, locale } = useI18n();
  const h = () => t().history;
  const m = () => props.milestone;
  const value = (field: FieldChange['field'], v: unknown): string => {
    if (v === null || v === undefined || v === '') return h().none;
    switch (field) {
      case 'status':
        return t().room.statuses[v as Milestone['status']] ?? String(v);
      case 'owner':
        return room.memberName(String(v)) ?? h().none;
      case 'due':
        return formatDate(locale(), String(v));
      case 'stage':
        return t().stages[v as 0] ?? String(v);
      case 'dimension':
        return props.dimensionName(String(v));
      case 'dependsOn': {
        const count = Array.isArray(v) ? v.length : 0;
        return count ? h().dependencies(count, formatNumber(locale(), count)) : h().none;
      }
      default:
        return String(v);
    }
  };
  const changeText = (c: FieldChange) =>
    c.field === 'description'
      ? `${h().fields.description}: ${h().edited}`
      : h().fieldChange(h().fields[c.field], value(c.field, c.before), value(c.field, c.after));

  return (
    <li
      class="history-item"
      classList={{ 'is-changed': props.changes.length > 0, 'is-removed': props.removed }}
    >
      <div class="history-item-line">
        <StatusIcon status={m().status} />
        <span class="history-item-title">{m().title}</span>
        <Show when={props.removed}>
          <span class="history-mark mark-removed">{h().marks.removed}</span>
        </Show>
        <Show when={props.changes.length > 0}>
          <span class="history-mark mark-changed">{h().marks.changed}</span>
        </Show>
      </div>
      <p class="history-item-meta muted small">
        {value('status', m().status)}
        <Show when={m().due}> · {value('due', m().due)}</Show>
        <Show when={m().owner}> · {value('owner', m().owner)}</Show>
      </p>
      <Show when={props.changes.length > 0}>
        <ul class="history-changes" aria-label={h().marks.changed}>
          <For each={props.changes}>{(c) => <li>{changeText(c)}</li>}</For>
        </ul>
      </Show>
    </li>
  );
}

function ReadinessThen(props: { view: HistoryView; dimensionName: (id: string) => string }) {
  const { t, locale } = useI18n();
  const h = () => t().history;
  const changes = createMemo(() => new Map(props.view.diff.readiness.map((r) => [r.dimension, r])));
  const level = (x: number | null | undefined) => (x ? formatNumber(locale(), x) : h().notScored);
  return (
    <section class="panel history-section" aria-labelledby="history-rd-title">
      <h4 id="history-rd-title" class="panel-title">
        {h().readinessTitle}
      </h4>
      <table class="history-table">
        <thead>
          <tr>
            <th scope="col">{h().dimension}</th>
            <th scope="col">{h().past}</th>
            <th scope="col">{h().now}</th>
          </tr>
        </thead>
        <tbody>
          <For each={dimensionIds as readonly DimensionId[]}>
            {(id) => {
              const change = () => changes().get(id);
              const past = () => props.view.state.readiness[id]?.level ?? null;
              return (
                <tr classList={{ 'is-changed': !!change() }}>
                  <th scope="row">{props.dimensionName(id)}</th>
                  <td>{level(past())}</td>
                  <td>
                    <Show when={change()} fallback={<span class="muted">{level(past())}</span>}>
                      {(c) => (
                        <>
                          <span class="history-mark mark-changed">{level(c().after)}</span>
                          <Show when={c().evidenceChanged}>
                            <span class="muted small history-evidence"> {h().evidenceChanged}</span>
                          </Show>
                        </>
                      )}
                    </Show>
                  </td>
                </tr>
              );
            }}
          </For>
        </tbody>
      </table>
    </section>
  );
}

function CriteriaThen(props: { view: HistoryView }) {
  const room = useRoom();
  const { t, locale } = useI18n();
  const h = () => t().history;
  const names = createMemo(
    () =>
      new Map(
        (room.framework()?.stages ?? []).flatMap((s) =>
          s.criteria.map((c) => [c.id, c.text[locale()]] as const),
        ),
      ),
  );
  const rows = createMemo(() => {
    const changes = new Map(props.view.diff.criteria.map((c) => [c.id, c]));
    const ids = [...new Set([...Object.keys(props.view.state.criteria), ...changes.keys()])];
    return ids.map((id) => ({
      id,
      name: names().get(id) ?? h().unknownCriterion(id),
      past: props.view.state.criteria[id]?.checked ?? null,
      change: changes.get(id) ?? null,
    }));
  });
  const state = (checked: boolean | null) =>
    checked === null ? h().absent : checked ? h().checked : h().unchecked;
  return (
    <section class="panel history-section" aria-labelledby="history-cr-title">
      <h4 id="history-cr-title" class="panel-title">
        {h().criteriaTitle}
      </h4>
      <Show when={rows().length > 0} fallback={<p class="muted">{h().noCriteria}</p>}>
        <ul class="history-list">
          <For each={rows()}>
            {(row) => (
              <li class="history-item" classList={{ 'is-changed': !!row.change }}>
                <div class="history-item-line">
                  <span
                    class="history-check"
                    classList={{ 'is-checked': row.past === true }}
                    aria-hidden="true"
                  >
                    {row.past ? '✓' : ''}
                  </span>
                  <span class="history-item-title">{row.name}</span>
                </div>
                <p class="history-item-meta muted small">
                  {state(row.past)}
                  <Show when={row.change}>
                    {(c) => (
                      <>
                        {' · '}
                        <span class="history-mark mark-changed">{h().nowValue(state(c().after))}</span>
                        <Show when={c().evidenceChanged}> · {h().evidenceChanged}</Show>
                      </>
                    )}
                  </Show>
                </p>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
