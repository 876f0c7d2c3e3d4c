import { For, type JSX, Show } from 'solid-js';
import type { Milestone } from '../../../shared/doc/shape.ts';
import type { DimensionId, MilestoneStatus } from '../../../shared/domain.ts';
import { useI18n } from '../../app-context.tsx';
import { useStageName } from '../../components/StageBadge.tsx';
import { STAGE_INDEXES } from '../../domain.ts';
import { formatNumber } from '../../i18n/format.ts';
import { useRoom } from '../project/room/room-context.tsx';
import { formatDay } from './MilestoneBits.tsx';
import { isOverdue, STATUSES } from './milestones-model.ts';

/**
 * Status, owner, due date, stage and readiness dimension: native selects and a date field for
 * edit access (each change is one undoable step), plain values for everyone else.
 */
export function MilestoneProperties(props: { milestone: Milestone }) {
  const room = useRoom();
  const { t, locale } = useI18n();
  const stageName = useStageName();
  const m = () => props.milestone;
  const d = () => t().room.detail;
  const update = (patch: Parameters<typeof room.actions.updateMilestone>[1]) =>
    room.actions.updateMilestone(m().id, patch);
  const ownerKnown = () => m().owner === null || room.members().some((x) => x.userId === m().owner);
  const dimensionName = (id: string | null) => room.dimensionName(id, locale()) ?? d().noDimension;
  const stageLabel = (i: number) => `${formatNumber(locale(), i)} · ${stageName(room.project().track, i)}`;

  return (
    <Show
      when={room.canEdit()}
      fallback={
        <dl class="ms-props">
          <dt>{d().owner}</dt>
          <dd>{room.memberName(m().owner) ?? d().noOwner}</dd>
          <dt>{d().due}</dt>
          <dd>
            <Show when={m().due} fallback={t().room.milestones.noDue}>
              {(due) => formatDay(locale(), due(), true)}
            </Show>
            <Show when={isOverdue(m(), room.today())}>
              {' '}
              <span class="ms-due is-overdue">{t().room.milestones.overdue}</span>
            </Show>
          </dd>
          <dt>{d().stage}</dt>
          <dd>{stageLabel(m().stage)}</dd>
          <dt>{d().dimension}</dt>
          <dd>{dimensionName(m().dimension)}</dd>
        </dl>
      }
    >
      <div class="ms-props">
        <Prop id="ms-status" label={t().room.milestones.status}>
          <select
            id="ms-status"
            class="select select-compact"
            onChange={(e) => room.actions.setStatus(m().id, e.currentTarget.value as MilestoneStatus)}
          >
            <For each={STATUSES}>
              {(s) => (
                <option value={s} selected={s === m().status}>
                  {t().room.statuses[s]}
                </option>
              )}
            </For>
          </select>
        </Prop>
        <Prop id="ms-owner" label={d().owner}>
          <select
            id="ms-owner"
            class="select select-compact"
            onChange={(e) => update({ owner: e.currentTarget.value || null })}
          >
            <option value="" selected={m().owner === null}>
              {d().noOwner}
            </option>
            <Show when={!ownerKnown()}>
              <option value={m().owner!} selected>
                {d().someone}
              </option>
            </Show>
            <For each={room.members()}>
              {(member) => (
                <option value={member.userId} selected={member.userId === m().owner}>
                  {member.name} · {t().roles[member.role]}
                </option>
              )}
            </For>
          </select>
        </Prop>
        <Prop id="ms-due" label={d().due}>
          <input
            id="ms-due"
            type="date"
            class="date-input"
            value={m().due ?? ''}
            onChange={(e) => update({ due: e.currentTarget.value || null })}
          />
        </Prop>
        <Prop id="ms-dimension" label={d().dimension}>
          <select
            id="ms-dimension"
            class="select select-compact"
            onChange={(e) => update({ dimension: (e.currentTarget.value || null) as DimensionId | null })}
          >
            <option value="" selected={m().dimension === null}>
              {d().noDimension}
            </option>
            <For each={room.dimensions()}>
              {(dim) => (
                <option value={dim.id} selected={dim.id === m().dimension}>
                  {dim.name[locale()]}
                </option>
              )}
            </For>
          </select>
        </Prop>
        <Prop id="ms-stage" label={d().stage} wide>
          <select
            id="ms-stage"
            class="select select-compact"
            onChange={(e) => update({ stage: Number(e.currentTarget.value) })}
          >
            <For each={STAGE_INDEXES}>
              {(i) => (
                <option value={i} selected={i === m().stage}>
                  {stageLabel(i)}
                </option>
              )}
            </For>
          </select>
        </Prop>
      </div>
    </Show>
  );
}

function Prop(props: { id: string; label: string; wide?: boolean; children: JSX.Element }) {
  return (
    <div class="ms-prop" classList={{ 'ms-prop-wide': props.wide }}>
      <label for={props.id} class="ms-prop-label">
        {props.label}
      </label>
      {props.children}
    </div>
  );
}
