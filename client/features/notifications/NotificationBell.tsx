import { createSignal, Show } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { useI18n } from '../../app-context.tsx';
import { notificationsOf } from './bell-state.ts';
import { notificationText } from './notification-text.ts';
import './notifications.css';

/**
 * The bell in the header: the unread count on its badge and in its accessible name, and a
 * panel with the newest notifications (each a link to its subject), mark read one by one or
 * all at once, and the ways to the preferences and the weekly digest. The panel is a Kobalte
 * popover: it opens with Enter or Space, keeps the focus inside, closes with Escape and gives
 * the focus back to the bell.
 *
 * Every page's header has the bell, and setting up the popover cost about 8 ms of each page's
 * first render (docs/performance.md); most visits never open it. So the bell starts as a plain
 * button that looks and reads the same, and its first press (a click, Enter or Space) mounts
 * the popover, open. Its code (Kobalte's popover, the panel) is fetched on that press too, so no
 * page's first script carries it.
 */
type PopoverComponent = typeof import('./NotificationPopover.tsx').NotificationPopover;

const loadNotificationPopover = () => import('./NotificationPopover.tsx').then((m) => m.NotificationPopover);

export function NotificationBell(props: { userId: string }) {
  const { t, locale } = useI18n();
  const [state, actions] = notificationsOf(props.userId);
  const [open, setOpen] = createSignal(false);
  const [popover, setPopover] = createSignal<PopoverComponent | null>(null);
  let loading = false;
  const mount = () => {
    if (loading) return;
    loading = true;
    loadNotificationPopover().then(
      (component) => {
        setOpen(true);
        setPopover(() => component);
      },
      (err: unknown) => {
        // The bell stays a button: the next press tries again.
        loading = false;
        console.warn('notifications panel not loaded', err);
      },
    );
  };
  const label = () => t().notifications.bellLabel(state.unread);
  const face = () => (
    <>
      <svg viewBox="0 0 24 24" aria-hidden="true" class="nt-bell-icon">
        <path
          d="M6 16V11a6 6 0 1 1 12 0v5l1.5 2h-15L6 16ZM10 20.5a2 2 0 0 0 4 0"
          fill="none"
          stroke="currentColor"
          stroke-width="1.6"
          stroke-linejoin="round"
          stroke-linecap="round"
        />
      </svg>
      <Show when={state.unread > 0}>
        <span class="nt-badge" aria-hidden="true">
          {t().notifications.badge(state.unread)}
        </span>
      </Show>
    </>
  );
  return (
    <>
      <span class="visually-hidden" role="status" aria-live="polite">
        {state.latest ? notificationText(state.latest, t(), locale()) : ''}
      </span>
      <Show
        when={popover()}
        fallback={
          <button
            type="button"
            class="nt-bell"
            aria-label={label()}
            aria-haspopup="dialog"
            aria-expanded="false"
            onClick={mount}
          >
            {face()}
          </button>
        }
      >
        {(Popover) => (
          <Dynamic
            component={Popover()}
            open={open()}
            setOpen={setOpen}
            label={label()}
            face={face}
            state={state}
            actions={actions}
          />
        )}
      </Show>
    </>
  );
}
