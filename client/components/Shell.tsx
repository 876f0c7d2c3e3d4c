import { type JSX, Show } from 'solid-js';
import { useApp, useI18n } from '../app-context.tsx';
import { AppHeader } from './AppHeader.tsx';
import { Brand } from './Brand.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { OfflineBanner } from './OfflineBanner.tsx';

/**
 * Every page's frame: a skip link, the header (the full one when signed in, the brand and the
 * language switch otherwise), the connectivity banner, and the main landmark.
 */
export function Shell(props: { children: JSX.Element; width?: 'wide' | 'narrow' | 'form' }) {
  const { session } = useApp();
  const { t } = useI18n();
  return (
    <>
      <a class="skip-link" href="#content">
        {t().app.skipToContent}
      </a>
      <Show when={session[0].status === 'signedIn'} fallback={<PublicHeader />}>
        <AppHeader />
      </Show>
      <OfflineBanner />
      <main
        id="content"
        tabindex="-1"
        class="main"
        classList={{ 'main-narrow': props.width === 'narrow', 'main-form': props.width === 'form' }}
      >
        {props.children}
      </main>
    </>
  );
}

function PublicHeader() {
  return (
    <header class="app-header app-header-public">
      <div class="app-header-inner">
        <Brand />
        <div class="app-header-end">
          <LanguageSwitch />
        </div>
      </div>
    </header>
  );
}
