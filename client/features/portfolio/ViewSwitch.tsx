import { createUniqueId, For } from 'solid-js';
import { useI18n } from '../../app-context.tsx';
import type { PortfolioView } from './view-preference.ts';

const VIEWS: readonly PortfolioView[] = ['table', 'cards'];

/** Table or cards: two radio buttons drawn as a segmented control. */
export function ViewSwitch(props: { view: PortfolioView; onChange: (view: PortfolioView) => void }) {
  const { t } = useI18n();
  const v = () => t().portfolioExtra.view;
  const name = createUniqueId();
  return (
    <fieldset class="view-switch">
      <legend class="visually-hidden">{v().label}</legend>
      <For each={VIEWS}>
        {(view) => (
          <label class="view-option" title={v()[view]}>
            <input
              type="radio"
              name={name}
              value={view}
              checked={props.view === view}
              onChange={() => props.onChange(view)}
            />
            <span>
              <svg viewBox="0 0 16 16" aria-hidden="true" class="view-icon">
                {view === 'table' ? (
                  <path d="M2 3.5h12M2 8h12M2 12.5h12" fill="none" stroke="currentColor" stroke-width="1.5" />
                ) : (
                  <path
                    d="M2.5 2.5h4.5v4.5H2.5zM9 2.5h4.5v4.5H9zM2.5 9h4.5v4.5H2.5zM9 9h4.5v4.5H9z"
                    fill="none"
                    stroke="currentColor"
                    stroke-width="1.4"
                  />
                )}
              </svg>
              <span class="view-label">{v()[view]}</span>
            </span>
          </label>
        )}
      </For>
    </fieldset>
  );
}
