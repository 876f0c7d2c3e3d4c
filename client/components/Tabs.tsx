/**
 * Tabs, as the WAI-ARIA Authoring Practices' "tabs with automatic activation": a tab list whose
 * tabs take the arrow keys (wrapping), Home and End, the tab that gets focus being selected;
 * only the selected tab is in the Tab order, and only its panel is mounted, labelled by it.
 *
 * Not Kobalte's Tabs: on the room's first render those cost
 * about 31 ms of the browser's main thread, 15 of them a layout forced while rendering (the
 * selected tab scrolled into view at mount, docs/performance.md), and they watched the shown
 * panel's whole subtree for changes (a tree walk of the board after every card that changed).
 * These read no layout while rendering: a selected tab that starts out of view in a narrow
 * window is scrolled to after the first paint, and focus moves bring a tab into view natively.
 */
import { createContext, createUniqueId, type JSX, onMount, Show, useContext } from 'solid-js';

interface TabsContext {
  value: () => string;
  select: (value: string) => void;
  tabId: (value: string) => string;
  panelId: (value: string) => string;
}

const Context = createContext<TabsContext>();

function useTabs(): TabsContext {
  const context = useContext(Context);
  if (!context) throw new Error('A tab or tab panel must be inside <Tabs>');
  return context;
}

/** Holds the selected tab: `value` is the caller's, changed through `onChange`. */
export function Tabs(props: {
  value: string;
  onChange: (value: string) => void;
  class?: string;
  children: JSX.Element;
}) {
  const id = `tabs-${createUniqueId()}`;
  const context: TabsContext = {
    value: () => props.value,
    select: (value) => {
      if (value !== props.value) props.onChange(value);
    },
    tabId: (value) => `${id}-tab-${value}`,
    panelId: (value) => `${id}-panel-${value}`,
  };
  return (
    <Context.Provider value={context}>
      <div class={props.class}>{props.children}</div>
    </Context.Provider>
  );
}

/** The tabs, in the order they show; named by `label` for screen readers. */
export function TabList(props: { label: string; class?: string; children: JSX.Element }) {
  const tabs = useTabs();
  let list!: HTMLDivElement;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const all = [...list.querySelectorAll<HTMLButtonElement>('[role="tab"]:not(:disabled)')];
    const at = all.indexOf(e.target as HTMLButtonElement);
    if (at < 0) return;
    const last = all.length - 1;
    const moves: Record<string, number> = {
      ArrowRight: at === last ? 0 : at + 1,
      ArrowLeft: at === 0 ? last : at - 1,
      Home: 0,
      End: last,
    };
    const to = moves[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const tab = all[to]!;
    tab.focus();
    const value = tab.dataset.value;
    if (value !== undefined) tabs.select(value);
  };
  onMount(() => {
    // After the first paint, so that nothing reads layout while the page renders.
    requestAnimationFrame(() => {
      const selected = list.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]');
      if (selected && selected !== list.firstElementChild && list.scrollWidth > list.clientWidth)
        selected.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    });
  });
  return (
    <div ref={list} role="tablist" aria-label={props.label} class={props.class} onKeyDown={onKeyDown}>
      {props.children}
    </div>
  );
}

/** One tab: selected on click, or when focus comes to it from the keyboard. */
export function Tab(props: { value: string; class?: string; children: JSX.Element }) {
  const tabs = useTabs();
  const selected = () => tabs.value() === props.value;
  return (
    <button
      type="button"
      role="tab"
      id={tabs.tabId(props.value)}
      class={props.class}
      data-value={props.value}
      data-selected={selected() ? '' : undefined}
      aria-selected={selected()}
      aria-controls={selected() ? tabs.panelId(props.value) : undefined}
      tabIndex={selected() ? 0 : -1}
      onClick={() => tabs.select(props.value)}
    >
      {props.children}
    </button>
  );
}

/** The panel of the tab with the same `value`: mounted while that tab is selected. */
export function TabPanel(props: { value: string; class?: string; children: JSX.Element }) {
  const tabs = useTabs();
  return (
    <Show when={tabs.value() === props.value}>
      <div
        role="tabpanel"
        id={tabs.panelId(props.value)}
        aria-labelledby={tabs.tabId(props.value)}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the APG's tab panel is the Tab stop after its tab, whatever it holds
        tabIndex={0}
        class={props.class}
      >
        {props.children}
      </div>
    </Show>
  );
}
