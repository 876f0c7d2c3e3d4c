import { useNavigate } from '@solidjs/router';
import {
  createEffect,
  createSignal,
  createUniqueId,
  For,
  Match,
  on,
  onCleanup,
  onMount,
  Show,
  Switch,
} from 'solid-js';
import { useI18n } from '../../app-context.tsx';
import { SearchIcon } from '../../components/SearchIcon.tsx';
import { describeError } from '../../errors.ts';
import { formatNumber } from '../../i18n/format.ts';
import { highlightWords } from './highlight.ts';
import { hitHref } from './hit-href.ts';
import { type SearchHit, searchApi } from './search-api.ts';
import { createSearchStore } from './search-store.ts';
import { hasCommandKey, shortcutLabel } from './shortcut.ts';
import './search.css';

/**
 * Search over the projects and milestones the user may see, as a combobox (ARIA 1.2): the
 * input keeps the focus, the arrow keys move through the results (aria-activedescendant),
 * Enter opens the highlighted one, Escape closes the list and then clears the box.
 * Ctrl+K (⌘K) focuses it from anywhere on the page.
 */
export function SearchBox() {
  const { t, locale } = useI18n();
  const s = () => t().search;
  const navigate = useNavigate();
  const id = createUniqueId();
  const [state, actions] = createSearchStore((q, signal) => searchApi.search(q, signal));
  const [open, setOpen] = createSignal(false);
  const [active, setActive] = createSignal(0);
  let input: HTMLInputElement | undefined;
  let root: HTMLDivElement | undefined;

  onCleanup(actions.dispose);

  // New results: the first one is highlighted, so Enter opens the best hit.
  createEffect(
    on(
      () => state.answered + state.hits.length,
      () => setActive(0),
      { defer: true },
    ),
  );

  const onGlobalKey = (e: KeyboardEvent) => {
    if (e.key.toLowerCase() === 'k' && hasCommandKey(e) && !e.altKey && !e.shiftKey) {
      e.preventDefault();
      input?.focus();
      input?.select();
    }
  };
  onMount(() => document.addEventListener('keydown', onGlobalKey));
  onCleanup(() => document.removeEventListener('keydown', onGlobalKey));

  const showList = () => open() && state.status !== 'idle';
  const hasHits = () => state.hits.length > 0 && state.status !== 'short';
  const optionId = (i: number) => `${id}-hit-${i}`;

  function go(hit: SearchHit) {
    setOpen(false);
    navigate(hitHref(hit));
  }

  function onKeyDown(e: KeyboardEvent) {
    const n = hasHits() ? state.hits.length : 0;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!open()) setOpen(true);
        else if (n > 0) setActive((i) => (i + 1) % n);
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (n > 0) setActive((i) => (i - 1 + n) % n);
        break;
      case 'Home':
      case 'End':
        if (showList() && n > 0 && e.ctrlKey) {
          e.preventDefault();
          setActive(e.key === 'Home' ? 0 : n - 1);
        }
        break;
      case 'Enter': {
        const hit = showList() && n > 0 ? state.hits[active()] : undefined;
        if (hit) {
          e.preventDefault();
          go(hit);
        }
        break;
      }
      case 'Escape':
        if (showList()) {
          e.preventDefault();
          setOpen(false);
        } else if (state.query) {
          e.preventDefault();
          actions.clear();
          if (input) input.value = '';
        }
        break;
    }
  }

  const announcement = () => {
    if (!open()) return '';
    switch (state.status) {
      case 'short':
        return s().tooShort;
      case 'ready':
        return state.hits.length === 0
          ? s().noResults(state.answered.trim())
          : s().results(state.hits.length, formatNumber(locale(), state.hits.length));
      case 'error':
        return s().error(describeError(state.error, t()));
      default:
        return '';
    }
  };

  return (
    <search
      class="global-search"
      ref={root}
      onFocusOut={(e) => {
        if (!root?.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <label for={`${id}-input`} class="visually-hidden">
        {s().label}
      </label>
      <div class="global-search-field">
        <SearchIcon />
        <input
          ref={input}
          id={`${id}-input`}
          type="search"
          role="combobox"
          autocomplete="off"
          spellcheck={false}
          placeholder={s().placeholder}
          aria-expanded={showList()}
          aria-controls={`${id}-listbox`}
          aria-autocomplete="list"
          aria-activedescendant={showList() && hasHits() ? optionId(active()) : undefined}
          aria-describedby={`${id}-hint`}
          aria-keyshortcuts="Control+K Meta+K"
          onInput={(e) => {
            actions.setQuery(e.currentTarget.value);
            setOpen(true);
          }}
          onFocus={() => {
            if (state.query) setOpen(true);
          }}
          onKeyDown={onKeyDown}
        />
        <span class="search-kbd global-search-kbd" aria-hidden="true">
          {shortcutLabel('K')}
        </span>
        <span id={`${id}-hint`} class="visually-hidden">
          {s().shortcut(shortcutLabel('K'))}. {s().hint}
        </span>
      </div>

      <div class="search-popup" hidden={!showList()}>
        <Switch>
          <Match when={state.status === 'short'}>
            <p class="search-message">{s().tooShort}</p>
          </Match>
          <Match when={state.status === 'error'}>
            <div class="search-message search-error">
              <span>{s().error(describeError(state.error, t()))}</span>
              <button
                type="button"
                class="button button-small"
                onClick={() => {
                  actions.retry();
                  input?.focus();
                }}
              >
                {s().retry}
              </button>
            </div>
          </Match>
          <Match when={state.status === 'ready' && state.hits.length === 0}>
            <p class="search-message">{s().noResults(state.answered.trim())}</p>
          </Match>
          <Match when={state.status === 'loading' && state.hits.length === 0}>
            <p class="search-message">
              <span class="spinner" aria-hidden="true" />
              {s().searching}
            </p>
          </Match>
        </Switch>
        <div
          id={`${id}-listbox`}
          role="listbox"
          class="search-results"
          aria-label={s().resultsLabel}
          aria-busy={state.status === 'loading'}
          hidden={!hasHits()}
        >
          <For each={hasHits() ? state.hits : []}>
            {(hit, i) => (
              // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard moves through options from the input (aria-activedescendant), as the combobox pattern says
              <div
                id={optionId(i())}
                role="option"
                tabIndex={-1}
                aria-selected={i() === active()}
                class="search-hit"
                onMouseDown={(e) => e.preventDefault()}
                onMouseMove={() => setActive(i())}
                onClick={() => go(hit)}
              >
                <HitIcon kind={hit.kind} />
                <span class="search-hit-text">
                  <span class="search-hit-title">
                    <Highlighted parts={highlightWords(hit.title, state.answered)} />
                  </span>
                  <span class="search-hit-meta">
                    {s().kinds[hit.kind]}
                    <Show when={hit.kind === 'milestone'}> · {s().inProject(hit.projectTitle)}</Show>
                    <Show when={hit.archived}>
                      {' '}
                      <span class="tag tag-warning">{t().projectSettings.archivedTag}</span>
                    </Show>
                  </span>
                  <Show when={hit.snippet.length > 0}>
                    <span class="search-hit-snippet">
                      <Highlighted parts={hit.snippet} />
                    </span>
                  </Show>
                </span>
              </div>
            )}
          </For>
        </div>
      </div>
      <p class="visually-hidden" role="status" aria-live="polite">
        {announcement()}
      </p>
    </search>
  );
}

function Highlighted(props: { parts: readonly { text: string; match: boolean }[] }) {
  return <For each={props.parts}>{(p) => (p.match ? <mark>{p.text}</mark> : p.text)}</For>;
}

function HitIcon(props: { kind: SearchHit['kind'] }) {
  return (
    <svg class="search-hit-icon" viewBox="0 0 16 16" aria-hidden="true">
      {props.kind === 'project' ? (
        <path
          d="M2 4.5h4.5l1.5 1.5H14v7H2z"
          fill="none"
          stroke="currentColor"
          stroke-width="1.4"
          stroke-linejoin="round"
        />
      ) : (
        <path
          d="M8 2.2 13.8 8 8 13.8 2.2 8Z"
          fill="none"
          stroke="currentColor"
          stroke-width="1.4"
          stroke-linejoin="round"
        />
      )}
    </svg>
  );
}
