import { A, useSearchParams } from '@solidjs/router';
import { createResource, Match, Show, Switch } from 'solid-js';
import { isoWeekOf, shiftWeek } from '../../../shared/notifications-week.ts';
import { useI18n } from '../../app-context.tsx';
import { LoadFailed, Loading } from '../../components/LoadStates.tsx';
import { Shell } from '../../components/Shell.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { notificationsApi } from './notifications-api.ts';
import './notifications.css';

/**
 * The weekly digest, week by week (`?week=2026-W48`, this week by default). The server renders
 * it (the same HTML as the e-mail, every value escaped); it is shown in a sandboxed frame that
 * runs no script (same origin only so that the frame can be sized to its content).
 */
export function DigestPage() {
  const { t } = useI18n();
  useDocumentTitle(() => t().notifications.digest.pageTitle);
  const [params, setParams] = useSearchParams();
  const thisWeek = isoWeekOf(new Date());
  const week = () =>
    typeof params.week === 'string' && /^\d{4}-W\d{2}$/.test(params.week) ? params.week : thisWeek;
  const [digest, { refetch }] = createResource(week, (w) => notificationsApi.digest(w));
  const loaded = () => (digest.error ? undefined : digest.latest);
  const go = (w: string) => setParams({ week: w === thisWeek ? undefined : w });

  return (
    <Shell>
      <div class="nt-page">
        <div class="page-head">
          <h1 class="page-title">{t().notifications.digest.title}</h1>
        </div>
        <p class="nt-page-intro">{t().notifications.digest.intro}</p>
        <nav class="nt-week-nav" aria-label={t().notifications.digest.title}>
          <button type="button" class="button button-small" onClick={() => go(shiftWeek(week(), -1))}>
            ← {t().notifications.digest.previous}
          </button>
          <span class="nt-week-label" aria-live="polite">
            {t().notifications.digest.week(week())}
          </span>
          <button
            type="button"
            class="button button-small"
            disabled={week() >= thisWeek}
            onClick={() => go(shiftWeek(week(), 1))}
          >
            {t().notifications.digest.next} →
          </button>
          <Show when={week() !== thisWeek}>
            <button type="button" class="button button-ghost button-small" onClick={() => go(thisWeek)}>
              {t().notifications.digest.thisWeek}
            </button>
          </Show>
          <A href="/notifications/preferences" class="button button-ghost button-small">
            {t().notifications.preferencesLink}
          </A>
        </nav>
        <Switch>
          <Match when={digest.error}>
            <LoadFailed
              title={t().notifications.digest.errorTitle}
              error={digest.error}
              onRetry={() => void refetch()}
            />
          </Match>
          <Match when={digest.loading && !loaded()}>
            <Loading label={t().notifications.digest.loading} />
          </Match>
          <Match when={loaded()}>
            {(d) => (
              <>
                <p class="nt-digest-summary">
                  {t().notifications.digest.summary(d().changes, d().projects)}
                  <Show when={d().audience === 'observer'}> {t().notifications.digest.observerNote}</Show>
                </p>
                <iframe
                  class="nt-digest-frame"
                  title={t().notifications.digest.frameTitle(d().week)}
                  sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation"
                  srcdoc={d().html}
                  aria-busy={digest.loading}
                  onLoad={(e) => fitFrame(e.currentTarget)}
                />
              </>
            )}
          </Match>
        </Switch>
      </div>
    </Shell>
  );
}

/** Grows the frame to its document's height, so the page scrolls once, not twice. */
function fitFrame(frame: HTMLIFrameElement) {
  try {
    const height = frame.contentDocument?.documentElement.scrollHeight;
    if (height) frame.style.height = `${height + 4}px`;
  } catch (err) {
    // Unreadable frame: it keeps its CSS height and scrolls inside.
    console.warn('digest frame could not be sized', err);
  }
}
