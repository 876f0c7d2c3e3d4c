import { Show } from 'solid-js';
import { useApp, useI18n } from '../app-context.tsx';

/**
 * Says so, politely, while the browser is offline or the server cannot be reached, and when
 * the language could not be saved on the account. The live region is always in the page so
 * that screen readers announce what appears in it.
 */
export function OfflineBanner() {
  const { connectivity, locale } = useApp();
  const { t } = useI18n();
  return (
    <div class="banner-region" role="status">
      <Show when={!connectivity[0].online}>
        <p class="banner banner-warning">
          <svg viewBox="0 0 16 16" aria-hidden="true" class="banner-icon">
            <path d="M8 1.5 15 14H1L8 1.5Z" fill="none" stroke="currentColor" stroke-width="1.5" />
            <path d="M8 6v3.5M8 11.2v.3" stroke="currentColor" stroke-width="1.5" />
          </svg>
          <span>{t().offline.banner}</span>
        </p>
      </Show>
      <Show when={locale.saveFailed()}>
        <p class="banner banner-info">{t().language.saveFailed}</p>
      </Show>
    </div>
  );
}
