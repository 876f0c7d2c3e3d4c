import { Show } from 'solid-js';
import type { ProjectHealth } from '../../../shared/schemas/projects.ts';
import { useI18n } from '../../app-context.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { doneShare, healthTone } from './maturity.ts';

/**
 * A project's milestone health: overdue (the one that must stand out), at risk, blocked, done
 * this month, and a progress bar of done over all. Zero counts are left out.
 */
export function MilestoneHealth(props: { health: ProjectHealth }) {
  const { t, locale } = useI18n();
  const h = () => t().portfolioExtra.health;
  const n = (x: number) => formatNumber(locale(), x);
  const tone = () => healthTone(props.health);
  return (
    <span class="health" data-tone={tone()}>
      <Show when={tone() !== 'empty'} fallback={<span class="health-none">{h().none}</span>}>
        <span class="health-chips">
          <Show when={props.health.overdue > 0}>
            <span class="chip chip-overdue">
              <svg viewBox="0 0 16 16" aria-hidden="true" class="chip-icon">
                <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" stroke-width="1.6" />
                <path d="M8 4.8V8.4l2.2 1.4" fill="none" stroke="currentColor" stroke-width="1.6" />
              </svg>
              {h().overdue(props.health.overdue, n(props.health.overdue))}
            </span>
          </Show>
          <Show when={props.health.atRisk > 0}>
            <span class="chip chip-risk">{h().atRisk(props.health.atRisk, n(props.health.atRisk))}</span>
          </Show>
          <Show when={props.health.blocked > 0}>
            <span class="chip chip-blocked">
              {h().blocked(props.health.blocked, n(props.health.blocked))}
            </span>
          </Show>
          <Show when={tone() === 'on_track'}>
            <span class="chip chip-ok">{h().onTrack}</span>
          </Show>
        </span>
        <span class="health-progress">
          <span class="progress" aria-hidden="true">
            <span class="progress-done" style={{ width: `${Math.round(doneShare(props.health) * 100)}%` }} />
          </span>
          <span class="health-numbers">
            {h().progress(n(props.health.done), n(props.health.total))}
            <Show when={props.health.doneThisMonth > 0}>
              {' · '}
              {h().doneThisMonth(props.health.doneThisMonth, n(props.health.doneThisMonth))}
            </Show>
          </span>
        </span>
      </Show>
    </span>
  );
}
