import { A, useNavigate } from '@solidjs/router';
import { createSignal, onMount, Show } from 'solid-js';
import { canInCluster } from '../../shared/permissions.ts';
import { useApp, useI18n } from '../app-context.tsx';
import { NotificationBell } from '../features/notifications/NotificationBell.tsx';
import { Brand } from './Brand.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import './app-header.css';

/** The signed-in header: product, who you are and for which organisation, language, sign out. */
export function AppHeader() {
  const { session } = useApp();
  const { t } = useI18n();
  const navigate = useNavigate();
  const [busy, setBusy] = createSignal(false);
  const me = () => session[0].me;
  const organisation = () =>
    me()
      ?.organisations.map((o) => o.name)
      .join(', ');

  // On a phone the links scroll sideways: the current one is brought into view, and the fade
  // that says more links follow goes once the row is scrolled to its end.
  let nav: HTMLElement | undefined;
  const noteEnd = () => {
    if (nav) nav.classList.toggle('scrolled-to-end', nav.scrollLeft + nav.clientWidth >= nav.scrollWidth - 1);
  };
  onMount(() =>
    requestAnimationFrame(() => {
      const current = nav?.querySelector<HTMLElement>('.app-nav-link.active');
      if (nav && current && nav.scrollWidth > nav.clientWidth)
        nav.scrollLeft = current.offsetLeft - (nav.clientWidth - current.offsetWidth) / 2;
      noteEnd();
    }),
  );

  async function signOut() {
    setBusy(true);
    try {
      await session[1].signOut();
      navigate('/sign-in', { replace: true });
    } catch (err) {
      // Offline: the banner already says so and the session is still valid; stay put.
      console.warn('sign-out failed', err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <header class="app-header">
      <div class="app-header-inner">
        <Brand href="/" />
        <nav ref={nav} aria-label={t().header.mainNav} class="app-nav" onScroll={noteEnd}>
          <A href="/" class="app-nav-link" end>
            {t().header.portfolio}
          </A>
          <A href="/directory" class="app-nav-link">
            {t().directory.nav}
          </A>
          <A href="/services" class="app-nav-link">
            {t().services.nav}
          </A>
          <A href="/mentors" class="app-nav-link">
            {t().directory.mentorsNav}
          </A>
          <Show when={canInCluster(me(), 'people.view')}>
            <A href="/admin" class="app-nav-link">
              {t().admin.nav}
            </A>
          </Show>
          <A href="/account" class="app-nav-link">
            {t().admin.accountNav}
          </A>
        </nav>
        <div class="app-header-end">
          <Show when={me()}>
            {(user) => (
              <p class="who">
                <span class="who-name">{user().user.name}</span>
                <Show when={organisation()}>
                  <span class="who-org" title={organisation()}>
                    {organisation()}
                  </span>
                </Show>
              </p>
            )}
          </Show>
          <Show when={me()}>{(user) => <NotificationBell userId={user().user.id} />}</Show>
          <LanguageSwitch />
          <button type="button" class="button button-ghost" onClick={signOut} disabled={busy()}>
            {busy() ? t().header.signingOut : t().header.signOut}
          </button>
        </div>
      </div>
    </header>
  );
}
