import { A, useNavigate } from '@solidjs/router';
import { createSignal, createUniqueId, onCleanup, onMount, Show } from 'solid-js';
import { canInCluster } from '../../shared/permissions.ts';
import { useApp, useI18n } from '../app-context.tsx';
import { NotificationBell } from '../features/notifications/NotificationBell.tsx';
import { Brand } from './Brand.tsx';
import { handlesServices } from './handles-services.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import './app-header.css';

/**
 * The signed-in header: product, the main links, who you are and for which organisation,
 * notifications, language, sign out.
 *
 * On a phone or a tablet (1240 px and narrower, app-header.css) the links, who you are and
 * signing out move into a menu that the Menu button opens below the bar (a disclosure, not a
 * dialog: the page stays usable). Opening it puts the focus on its first link; Escape closes it
 * and gives the focus back to the button; choosing a link, tapping outside or tabbing out of it
 * closes it.
 * The bell and the language stay on the bar, one tap away.
 */
export function AppHeader() {
  const { session } = useApp();
  const { t } = useI18n();
  const navigate = useNavigate();
  const [busy, setBusy] = createSignal(false);
  const [open, setOpen] = createSignal(false);
  const menuId = `app-menu-${createUniqueId()}`;
  const me = () => session[0].me;
  const organisation = () =>
    me()
      ?.organisations.map((o) => o.name)
      .join(', ');
  const handler = () => handlesServices(me()?.user.id);

  let header: HTMLElement | undefined;
  let menu: HTMLDivElement | undefined;
  let menuButton: HTMLButtonElement | undefined;

  function openMenu() {
    setOpen(true);
    menu?.querySelector<HTMLElement>('a[href]')?.focus();
    document.addEventListener('pointerdown', closeOnOutsidePointer);
  }
  function closeMenu(returnFocus: boolean) {
    if (!open()) return;
    setOpen(false);
    document.removeEventListener('pointerdown', closeOnOutsidePointer);
    if (returnFocus) menuButton?.focus();
  }
  function closeOnOutsidePointer(event: PointerEvent) {
    if (!header?.contains(event.target as Node)) closeMenu(false);
  }
  onCleanup(() => document.removeEventListener('pointerdown', closeOnOutsidePointer));
  function closeOnEscape(event: KeyboardEvent) {
    if (event.key !== 'Escape' || !open()) return;
    event.preventDefault();
    closeMenu(true);
  }
  // The menu follows the focus: once it leaves the menu and its button (Tab past the last
  // entry, or a click on the page), the menu is no longer in the way.
  function closeOnFocusLeaving(event: FocusEvent) {
    const next = event.relatedTarget as Node | null;
    if (next && !menu?.contains(next) && next !== menuButton) closeMenu(false);
  }
  function closeOnLink(event: MouseEvent) {
    if ((event.target as Element).closest('a[href]')) closeMenu(false);
  }
  // Listened to on the containers, for whichever of their links and buttons has the focus.
  onMount(() => {
    header?.addEventListener('keydown', closeOnEscape);
    menu?.addEventListener('focusout', closeOnFocusLeaving);
    menu?.addEventListener('click', closeOnLink);
  });

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

  // Rendered twice, in the bar for wide screens and in the phone's menu: only one is shown.
  const links = () => (
    <>
      <A href="/" class="app-nav-link" end>
        {t().header.portfolio}
      </A>
      <A href="/directory" class="app-nav-link">
        {t().directory.nav}
      </A>
      {/* with the queue beside it, Services stops lighting up on the queue's address */}
      <A href="/services" class="app-nav-link" end={handler()}>
        {t().services.nav}
      </A>
      <Show when={handler()}>
        <A href="/services/queue" class="app-nav-link">
          {t().header.queue}
        </A>
      </Show>
      <A href="/mentors" class="app-nav-link">
        {t().directory.mentorsNav}
      </A>
      <Show when={canInCluster(me(), 'portfolio.analytics')}>
        <A href="/analytics" class="app-nav-link">
          {t().analytics.nav}
        </A>
      </Show>
      <Show when={canInCluster(me(), 'people.view')}>
        <A href="/admin" class="app-nav-link">
          {t().admin.nav}
        </A>
      </Show>
      <A href="/account" class="app-nav-link">
        {t().admin.accountNav}
      </A>
    </>
  );
  const signOutButton = (extra: string) => (
    <button type="button" class={`button button-ghost ${extra}`} onClick={signOut} disabled={busy()}>
      {busy() ? t().header.signingOut : t().header.signOut}
    </button>
  );
  const who = (extra: string) => (
    <Show when={me()}>
      {(user) => (
        <p class={`who ${extra}`}>
          <span class="who-name">{user().user.name}</span>
          <Show when={organisation()}>
            <span class="who-org" title={organisation()}>
              {organisation()}
            </span>
          </Show>
        </p>
      )}
    </Show>
  );

  return (
    <header class="app-header" ref={header}>
      <div class="app-header-inner">
        <Brand href="/" />
        <nav aria-label={t().header.mainNav} class="app-nav app-nav-bar">
          {links()}
        </nav>
        <div class="app-header-end">
          {who('app-bar-only')}
          <Show when={me()}>{(user) => <NotificationBell userId={user().user.id} />}</Show>
          <LanguageSwitch />
          {signOutButton('app-bar-only')}
          <button
            ref={menuButton}
            type="button"
            class="button button-ghost app-menu-button"
            aria-expanded={open()}
            aria-controls={menuId}
            onClick={() => (open() ? closeMenu(true) : openMenu())}
            onFocusOut={closeOnFocusLeaving}
          >
            <svg viewBox="0 0 20 20" aria-hidden="true" class="app-menu-icon">
              <path
                d={open() ? 'M5 5l10 10M15 5L5 15' : 'M3 5.5h14M3 10h14M3 14.5h14'}
                stroke="currentColor"
                stroke-width="1.7"
                stroke-linecap="round"
              />
            </svg>
            {t().header.menu}
          </button>
        </div>
      </div>
      <div ref={menu} id={menuId} class="app-menu" hidden={!open()}>
        {/* built only while open: the page holds one copy of the links and of who is signed in */}
        <Show when={open()}>
          {who('app-menu-who')}
          <nav aria-label={t().header.mainNav} class="app-menu-nav">
            {links()}
          </nav>
          {signOutButton('app-menu-sign-out')}
        </Show>
      </div>
    </header>
  );
}
