import { For, Show } from 'solid-js';
import { useApp, useI18n } from '../../app-context.tsx';
import { useStageName } from '../../components/StageBadge.tsx';
import { STAGE_INDEXES } from '../../domain.ts';
import { formatNumber } from '../../i18n/format.ts';

/** The six stages of the project's track, the current one marked, each with its TRL range. */
export function StageStepper(props: { track: string; stage: number; labelledBy: string }) {
  const { frameworks } = useApp();
  const { t, locale } = useI18n();
  const stageName = useStageName();
  const n = (x: number) => formatNumber(locale(), x);
  return (
    <ol class="stepper" aria-labelledby={props.labelledBy}>
      <For each={STAGE_INDEXES}>
        {(i) => {
          const stage = () => frameworks[1].stage(props.track, i);
          return (
            <li
              class="step"
              classList={{ done: i < props.stage, current: i === props.stage }}
              aria-current={i === props.stage ? 'step' : undefined}
            >
              <span class="step-index" aria-hidden="true">
                {n(i)}
              </span>
              <span class="step-text">
                <span class="step-name">{stageName(props.track, i)}</span>
                <Show when={stage()}>
                  {(s) => (
                    <span class="step-levels">{t().project.levels(n(s().minLevel), n(s().maxLevel))}</span>
                  )}
                </Show>
                <Show when={i === props.stage}>
                  <span class="visually-hidden"> ({t().project.currentStep})</span>
                </Show>
              </span>
            </li>
          );
        }}
      </For>
    </ol>
  );
}
