import { Show } from 'solid-js';
import { useApp, useI18n } from '../../app-context.tsx';

/** The gate that ends the project's current stage, named as its track names it. */
export function NextGate(props: { track: string; stage: number }) {
  const { frameworks } = useApp();
  const { t, locale } = useI18n();
  const name = () => frameworks[1].stage(props.track, props.stage)?.gateName[locale()];
  return (
    <Show when={name()}>
      <span class="next-gate">
        <svg viewBox="0 0 16 16" aria-hidden="true" class="next-gate-icon">
          <path
            d="M4 14V2.5M4 3h8l-2 3 2 3H4"
            fill="none"
            stroke="currentColor"
            stroke-width="1.4"
            stroke-linejoin="round"
          />
        </svg>
        <span class="visually-hidden">{t().portfolioExtra.nextGatePrefix} </span>
        <span>{name()}</span>
      </span>
    </Show>
  );
}
