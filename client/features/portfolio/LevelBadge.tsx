import { Show } from 'solid-js';
import { useApp, useI18n } from '../../app-context.tsx';
import { formatNumber } from '../../i18n/format.ts';

/** A project's level on its track, its title on hover; nothing until a level is recorded. */
export function LevelBadge(props: { track: string; level: number | null }) {
  const { frameworks } = useApp();
  const { t, locale } = useI18n();
  const title = () =>
    frameworks[1].track(props.track)?.levels.find((l) => l.level === props.level)?.title[locale()] ?? '';
  return (
    <Show when={props.level !== null}>
      <span class="tag level-badge" title={title()} data-testid="level-badge">
        {t().maturity.levelBadge(formatNumber(locale(), props.level!))}
        <span class="visually-hidden"> — {title()}</span>
      </span>
    </Show>
  );
}
