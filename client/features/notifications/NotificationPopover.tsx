import { Popover } from '@kobalte/core/popover';
import { A } from '@solidjs/router';
import { createSignal, For, type JSX, Match, Show, Switch } from 'solid-js';
import { useApp, useI18n } from '../../app-context.tsx';
import { describeError } from '../../errors.ts';
import { formatRelative } from '../../i18n/format.ts';
import { useNow } from '../comments/use-now.ts';
import type { notificationsOf } from './bell-state.ts';
import { notificationHref, notificationText } from './notification-text.ts';
import type { Notification } from './notifications-api.ts';

type NotificationsState = ReturnType<typeof notificationsOf>[0];
type NotificationsActions = ReturnType<typeof notificationsOf>[1];

/**
 * The bell's panel as a Kobalte popover, in a chunk of its own: NotificationBell.tsx fetches it
 * on the bell's first press and mounts it open.
 */
export function NotificationPopover(props: {
  open: boolean;
  setOpen: (open: boolean) => void;
  label: string;
  face: () => JSX.Element;
  state: NotificationsState;
  actions: NotificationsActions;
}) {
  return (
    <Popover open={props.open} onOpenChange={props.setOpen} placement="bottom-end" gutter={8}>
      <Popover.Trigger class="nt-bell" aria-label={props.label}>
        {props.face()}
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          class="nt-panel"
          onOpenAutoFocus={(event) => {
            // Start on the newest notification (the reason one opens the panel), not on "mark all".
            const first = (event.currentTarget as HTMLElement | null)?.querySelector<HTMLElement>('.nt-link');
            if (!first) return;
            event.preventDefault();
            first.focus();
          }}
        >
          <NotificationPanel close={() => props.setOpen(false)} state={props.state} actions={props.actions} />
        </Popover.Content>
      </Popover.Portal>
    </Popover>
  );
}

function NotificationPanel(props: {
  close: () => void;
  state: ReturnType<typeof notificationsOf>[0];
  actions: ReturnType<typeof notificationsOf>[1];
}) {
  const { t, locale } = useI18n();
  const { connectivity } = useApp();
  const now = useNow();
  const [failure, setFailure] = createSignal<string | null>(null);
  const attempt = (action: () => Promise<void>) => {
    setFailure(null);
    action().catch(() => setFailure(t().notifications.markFailed));
  };

  return (
    <>
      <div class="nt-panel-head">
        <Popover.Title as="h2" class="nt-panel-title">
          {t().notifications.title}
        </Popover.Title>
        <Show when={props.state.unread > 0}>
          <button
            type="button"
            class="button button-ghost button-small"
            onClick={() => attempt(props.actions.markAllRead)}
          >
            {t().notifications.markAllRead}
          </button>
        </Show>
      </div>
      <Show when={!connectivity[0].online}>
        <p class="nt-offline" role="status">
          {t().notifications.offline}
        </p>
      </Show>
      <Show when={failure()}>
        <p class="nt-failure" role="alert">
          {failure()}
        </p>
      </Show>
      <div class="nt-body">
        <Switch>
          <Match when={props.state.status === 'error'}>
            <div class="nt-state" role="alert">
              <p class="nt-state-title">{t().notifications.errorTitle}</p>
              <p class="nt-state-body">{describeError(props.state.error, t())}</p>
              <button type="button" class="button button-small" onClick={() => void props.actions.load()}>
                {t().app.retry}
              </button>
            </div>
          </Match>
          <Match when={props.state.status !== 'ready'}>
            <p class="nt-loading" role="status">
              <span class="spinner" aria-hidden="true" />
              {t().notifications.loading}
            </p>
          </Match>
          <Match when={props.state.items.length === 0}>
            <div class="nt-state">
              <p class="nt-state-title">{t().notifications.emptyTitle}</p>
              <p class="nt-state-body">{t().notifications.emptyBody}</p>
            </div>
          </Match>
          <Match when={true}>
            <ul class="nt-list">
              <For each={props.state.items}>
                {(n) => (
                  <NotificationItem
                    notification={n}
                    now={now()}
                    locale={locale()}
                    onOpen={() => {
                      if (!n.readAt) attempt(() => props.actions.markRead(n.id));
                      props.close();
                    }}
                    onMarkRead={() => attempt(() => props.actions.markRead(n.id))}
                  />
                )}
              </For>
            </ul>
            <Show when={props.state.nextBefore}>
              <button
                type="button"
                class="button button-ghost button-small nt-more"
                disabled={props.state.loadingMore}
                onClick={() => void props.actions.loadMore().catch(() => setFailure(t().errors.network))}
              >
                {props.state.loadingMore ? t().notifications.loadingMore : t().notifications.loadMore}
              </button>
            </Show>
          </Match>
        </Switch>
      </div>
      <div class="nt-panel-foot">
        <A href="/notifications/preferences" onClick={props.close}>
          {t().notifications.preferencesLink}
        </A>
        <A href="/notifications/digest" onClick={props.close}>
          {t().notifications.digestLink}
        </A>
      </div>
    </>
  );
}

function NotificationItem(props: {
  notification: Notification;
  now: Date;
  locale: 'en' | 'fr';
  onOpen: () => void;
  onMarkRead: () => void;
}) {
  const { t } = useI18n();
  const n = () => props.notification;
  const text = () => notificationText(n(), t(), props.locale);
  return (
    <li class="nt-item" classList={{ 'nt-unread': !n().readAt }}>
      <A href={notificationHref(n())} class="nt-link" onClick={() => props.onOpen()}>
        <span class="nt-dot" aria-hidden="true" />
        <span class="nt-content">
          <span class="nt-text">
            <Show when={!n().readAt}>
              <span class="visually-hidden">{t().notifications.unread}: </span>
            </Show>
            {text()}
          </span>
          <Show when={n().payload.excerpt}>
            <span class="nt-excerpt">{n().payload.excerpt}</span>
          </Show>
          <span class="nt-meta">
            <time datetime={n().createdAt}>
              {formatRelative(props.locale, n().createdAt, props.now, t().time.justNow)}
            </time>
            <Show when={n().payload.projectTitle}>
              {' · '}
              <span class="nt-project">{n().payload.projectTitle}</span>
            </Show>
          </span>
        </span>
      </A>
      <Show when={!n().readAt}>
        <button
          type="button"
          class="nt-mark"
          aria-label={t().notifications.markReadOf(text())}
          title={t().notifications.markRead}
          onClick={() => props.onMarkRead()}
        >
          <svg viewBox="0 0 16 16" aria-hidden="true">
            <path
              d="m3.5 8.5 3 3 6-7"
              fill="none"
              stroke="currentColor"
              stroke-width="1.6"
              stroke-linecap="round"
              stroke-linejoin="round"
            />
          </svg>
        </button>
      </Show>
    </li>
  );
}
