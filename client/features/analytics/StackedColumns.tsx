import { For, Show } from 'solid-js';

export interface ColumnKey {
  key: string;
  label: string;
  /** a CSS colour */
  color: string;
}

/**
 * Columns of stacked counts drawn with CSS, so they follow the page's width and print as they
 * show. Decorative: the table beside them carries the same numbers for screen readers and for
 * anyone who wants the figures.
 */
export function StackedColumns(props: {
  keys: ColumnKey[];
  columns: { label: string; values: Record<string, number> }[];
}) {
  const total = (values: Record<string, number>) =>
    props.keys.reduce((sum, k) => sum + (values[k.key] ?? 0), 0);
  const peak = () => Math.max(1, ...props.columns.map((c) => total(c.values)));
  return (
    <div class="stacked" aria-hidden="true">
      <ul class="stacked-legend">
        <For each={props.keys}>
          {(k) => (
            <li>
              <span class="stacked-swatch" style={{ background: k.color }} />
              {k.label}
            </li>
          )}
        </For>
      </ul>
      <div class="stacked-plot">
        <For each={props.columns}>
          {(c) => (
            <div class="stacked-column">
              <div class="stacked-bar" style={{ height: `${(total(c.values) / peak()) * 100}%` }}>
                <For each={[...props.keys].reverse()}>
                  {(k) => (
                    <Show when={(c.values[k.key] ?? 0) > 0}>
                      <span
                        class="stacked-segment"
                        style={{ background: k.color, flex: `${c.values[k.key]} 0 0` }}
                        title={`${k.label}: ${c.values[k.key]}`}
                      />
                    </Show>
                  )}
                </For>
              </div>
              <span class="stacked-label">{c.label}</span>
            </div>
          )}
        </For>
      </div>
    </div>
  );
}
