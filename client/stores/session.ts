/**
 * Who is signed in. `loading` until the first /api/me answers; `unreachable` if the server
 * could not be reached then (the app offers a retry rather than a wrong sign-in page).
 */
import { batch } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import type { CredentialsEndedReason } from '../../shared/credentials.ts';
import type { Me } from '../../shared/schemas/me.ts';
import type { Api } from '../api.ts';
import { ApiError } from '../errors.ts';

export type SessionStatus = 'loading' | 'signedIn' | 'signedOut' | 'unreachable';

export interface SessionState {
  status: SessionStatus;
  me: Me | null;
  /** why the server ended the session while the app was open, for the sign-in page to say */
  ended: CredentialsEndedReason | null;
}

export function createSessionStore(
  api: Pick<Api, 'me' | 'signIn' | 'signOut'>,
  /** before signing out: close what the session holds open (the live connection) */
  beforeSignOut: () => void = () => undefined,
) {
  const [state, setState] = createStore<SessionState>({ status: 'loading', me: null, ended: null });

  const actions = {
    async load(): Promise<void> {
      try {
        actions.setMe(await api.me());
      } catch (err) {
        // 401 is the ordinary "signed out"; anything else (offline, server down) is not a reason
        // to show the sign-in page to someone who may well be signed in.
        const signedOut = err instanceof ApiError && err.status === 401;
        if (!signedOut) console.warn('session check failed', err);
        setState({ status: signedOut ? 'signedOut' : 'unreachable', me: null, ended: null });
      }
    },
    /**
     * throws the ApiError (wrong password, rate limited, offline) for the form to show; answers
     * 'twoFactor' when the password was right and the account's second step is still to come
     * (no session yet: `secondStepDone` once a code is accepted)
     */
    async signIn(email: string, password: string): Promise<'signedIn' | 'twoFactor'> {
      const reply = await api.signIn(email, password);
      if ((reply as { twoFactorRedirect?: unknown } | null)?.twoFactorRedirect === true) return 'twoFactor';
      actions.setMe(await api.me());
      return 'signedIn';
    },
    async secondStepDone(): Promise<void> {
      actions.setMe(await api.me());
    },
    async signOut(): Promise<void> {
      // Closed first: the server ends this session's connections, and this tab, which asked
      // for it, needs no notice that it happened.
      beforeSignOut();
      await api.signOut();
      actions.signedOut();
    },
    setMe(me: Me) {
      batch(() => {
        setState('me', reconcile(me));
        setState('status', 'signedIn');
        setState('ended', null);
      });
    },
    /** the server says the session is gone; `ended`: it ended it while the app was open, and why */
    signedOut(ended: CredentialsEndedReason | null = null) {
      // A 401 that follows the socket's notice must not wipe out why.
      const why = ended ?? (state.status === 'signedOut' ? state.ended : null);
      setState({ status: 'signedOut', me: null, ended: why });
    },
  };
  return [state, actions] as const;
}

export type SessionStore = ReturnType<typeof createSessionStore>;
