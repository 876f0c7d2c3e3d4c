import { createMemo, For, Show } from 'solid-js';
import type { Milestone } from '../../../shared/doc/shape.ts';
import { useI18n } from '../../app-context.tsx';
import { StatusIcon } from '../../components/StatusIcon.tsx';
import { useRoom } from '../project/room/room-context.tsx';
import { DueDate } from './MilestoneBits.tsx';
import { dependentsOf } from './milestones-model.ts';

/**
 * What this milestone waits for: each dependency links to it and can be removed; a new one is
 * picked from the milestones that would not close a cycle.
 */
export function DependenciesField(props: { milestone: Milestone }) {
  const room = useRoom();
  const { t } = useI18n();
  const d = () => t().room.detail;
  const m = () => props.milestone;
  const deps = createMemo(() =>
    m()
      .dependsOn.map((id) => room.byId().get(id))
      .filter((x): x is Milestone => x !== undefined),
  );
  const candidates = createMemo(() => {
    if (!room.canEdit()) return [];
    const excluded = dependentsOf(room.state.milestones, m().id);
    for (const id of m().dependsOn) excluded.add(id);
    return room.state.milestones.filter((x) => !excluded.has(x.id));
  });
  const set = (ids: string[]) => room.actions.updateMilestone(m().id, { dependsOn: ids });

  return (
    <div class="ms-field">
      <h3 id="ms-deps-label" class="ms-prop-label">
        {d().dependencies}
      </h3>
      <Show when={deps().length > 0} fallback={<p class="muted small">{d().noDependencies}</p>}>
        <ul class="dep-list" aria-labelledby="ms-deps-label">
          <For each={deps()}>
            {(dep) => (
              <li class="dep" data-status={dep.status}>
                <StatusIcon status={dep.status} />
                <span class="visually-hidden">{t().room.statuses[dep.status]}: </span>
                <button type="button" class="link-button dep-title" onClick={() => room.select(dep.id)}>
                  {dep.title}
                </button>
                <DueDate milestone={dep} compact />
                <Show when={room.canEdit()}>
                  <button
                    type="button"
                    class="icon-button icon-button-small"
                    aria-label={d().removeDependency(dep.title)}
                    title={d().removeDependency(dep.title)}
                    onClick={() => set(deps().flatMap((x) => (x.id === dep.id ? [] : [x.id])))}
                  >
                    <svg viewBox="0 0 16 16" aria-hidden="true">
                      <path d="M4.5 4.5l7 7M11.5 4.5l-7 7" stroke="currentColor" stroke-width="1.5" />
                    </svg>
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={room.canEdit() && candidates().length > 0}>
        <label for="ms-dep-add" class="visually-hidden">
          {d().addDependency}
        </label>
        <select
          id="ms-dep-add"
          class="select select-compact dep-add"
          onChange={(e) => {
            const id = e.currentTarget.value;
            e.currentTarget.value = '';
            if (id) set([...deps().map((x) => x.id), id]);
          }}
        >
          <option value="" selected>
            {d().chooseDependency}
          </option>
          <For each={candidates()}>{(c) => <option value={c.id}>{c.title}</option>}</For>
        </select>
      </Show>
    </div>
  );
}
