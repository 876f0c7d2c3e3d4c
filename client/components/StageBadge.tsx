import { For } from 'solid-js';
import { useApp, useI18n } from '../app-context.tsx';
import { STAGE_INDEXES } from '../domain.ts';
import { formatNumber } from '../i18n/format.ts';

/** The stage name in the project's own track, in the current language. */
export function useStageName() {
  const { frameworks } = useApp();
  const { t, locale } = useI18n();
  return (track: string | null, index: number): string =>
    (track && frameworks[1].stage(track, index)?.name[locale()]) ||
    t().stages[index as keyof ReturnType<typeof t>['stages']] ||
    formatNumber(locale(), index);
}

/** "3 · IND/CTA-enabling studies" with a six-step progress line drawn beside it. */
export function StageBadge(props: { track: string; stage: number }) {
  const { t, locale } = useI18n();
  const stageName = useStageName();
  return (
    <span class="stage">
      <span class="stage-steps" aria-hidden="true">
        <For each={STAGE_INDEXES}>
          {(i) => (
            <span class="stage-step" classList={{ done: i < props.stage, current: i === props.stage }} />
          )}
        </For>
      </span>
      <span class="stage-label">
        {t().portfolio.stageLabel(formatNumber(locale(), props.stage), stageName(props.track, props.stage))}
      </span>
    </span>
  );
}
