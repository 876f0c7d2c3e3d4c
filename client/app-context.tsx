/**
 * The app's shared stores, created once and handed down by context: language, session,
 * frameworks, connectivity. The API hooks are wired here so that a dead network or an ended
 * session shows up everywhere at once.
 */
import { createContext, createEffect, on, type ParentProps, useContext } from 'solid-js';
import type { CredentialsEndedReason } from '../shared/credentials.ts';
import { api, setApiHooks } from './api.ts';
import { ApiError } from './errors.ts';
import { setDisplayTimeZone } from './i18n/format.ts';
import { createI18nStore } from './i18n/i18n.ts';
import { closeAppSocket, setCredentialsEndedHandler } from './realtime/socket.ts';
import { createConnectivityStore } from './stores/connectivity.ts';
import { createFrameworksStore } from './stores/frameworks.ts';
import { createLocaleSync } from './stores/locale-sync.ts';
import { createProjectsStore } from './stores/projects.ts';
import { createSessionStore, type SessionStore } from './stores/session.ts';

/**
 * A refusal or the socket says this browser's session ended. Unless it already holds the session
 * that replaced it: better-auth swaps the session when two-factor authentication is turned on or
 * the password changes, and a request or socket still on the old one is refused. /api/me tells:
 * the same person still signed in keeps the page they are on (backup codes shown once).
 */
function sessionEndedCheck(session: SessionStore) {
  let checking: Promise<void> | null = null;
  return (reason: CredentialsEndedReason | null) => {
    const before = session[0].me?.user.id;
    if (!before) return session[1].signedOut(reason);
    if (checking) return;
    checking = api
      .me()
      .then(
        (me) => (me.user.id === before ? session[1].setMe(me) : session[1].signedOut(reason)),
        (err) => {
          // Offline is no news about the session, unless the socket said it ended.
          if (reason || (err instanceof ApiError && err.status === 401)) session[1].signedOut(reason);
        },
      )
      .finally(() => {
        checking = null;
      });
  };
}

function createAppStores() {
  const i18n = createI18nStore();
  const session = createSessionStore(api, closeAppSocket);
  const sessionMayHaveEnded = sessionEndedCheck(session);
  const frameworks = createFrameworksStore(api);
  const connectivity = createConnectivityStore();
  const locale = createLocaleSync(i18n, session, api);
  const projects = createProjectsStore(api);

  setApiHooks({
    onNetworkFailure: connectivity[1].reportNetworkFailure,
    onNetworkSuccess: connectivity[1].reportNetworkSuccess,
    onUnauthenticated: () => sessionMayHaveEnded(null),
    // /api/me says so: the pages send the person to /account to turn it on (RequireSession).
    // Once it says so, each further refusal is expected and asks nothing more: a call in flight
    // while turning it on would carry the session that better-auth replaces.
    onTwoFactorRequired: () => {
      const twoFactor = session[0].me?.twoFactor;
      if (!twoFactor?.required || twoFactor.enabled) void session[1].load();
    },
  });
  // Signed out elsewhere, revoked, expired or deactivated: the sign-in page says so.
  setCredentialsEndedHandler((reason) => sessionMayHaveEnded(reason));
  createEffect(() => {
    if (session[0].status === 'signedIn') void frameworks[1].load();
  });
  // Dates and times read in the zone of the profile (the browser's while signed out or unset).
  createEffect(() => setDisplayTimeZone(session[0].me?.user.timeZone));
  // One user's projects must never show, even for a moment, to the next one on this browser.
  createEffect(
    on(
      () => session[0].me?.user.id,
      () => projects[1].reset(),
      { defer: true },
    ),
  );
  return { i18n, session, frameworks, connectivity, locale, projects };
}

export type AppStores = ReturnType<typeof createAppStores>;

const AppContext = createContext<AppStores>();

export function AppProvider(props: ParentProps) {
  const stores = createAppStores();
  return <AppContext.Provider value={stores}>{props.children}</AppContext.Provider>;
}

export function useApp(): AppStores {
  const stores = useContext(AppContext);
  if (!stores) throw new Error('useApp outside <AppProvider>');
  return stores;
}

/** The dictionary, the language and the Intl helpers, which is what most components need. */
export function useI18n() {
  const { i18n } = useApp();
  const [state, actions] = i18n;
  return { t: actions.t, locale: () => state.locale };
}
