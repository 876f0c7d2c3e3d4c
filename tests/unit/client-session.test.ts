/** The session store: why the server ended a session survives until the next sign-in. */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../client/errors.ts';
import { signInErrorMessage } from '../../client/features/auth/sign-in-error.ts';
import { en } from '../../client/i18n/en.ts';
import { fr } from '../../client/i18n/fr.ts';
import { createSessionStore } from '../../client/stores/session.ts';
import type { Me } from '../../shared/schemas/me.ts';

const me: Me = {
  user: {
    id: 'u1',
    name: 'Karim Benali',
    email: 'researcher@demo.jalon',
    locale: null,
    title: null,
    timeZone: null,
  },
  organisations: [],
  clusterManager: false,
  mayStartProject: false,
  twoFactor: { enabled: false, required: false },
  signing: { password: true, organisation: null },
};

function store(calls: string[] = []) {
  return createSessionStore(
    {
      me: async () => me,
      signIn: async () => {
        calls.push('signIn');
        return {};
      },
      signOut: async () => {
        calls.push('signOut');
        return {};
      },
    },
    () => calls.push('closeSocket'),
  );
}

describe('the session store', () => {
  it('keeps why the server ended the session, even when a 401 follows, until the next sign-in', async () => {
    const [state, actions] = store();
    actions.setMe(me);
    actions.signedOut('deactivated');
    expect(state).toMatchObject({ status: 'signedOut', ended: 'deactivated' });
    actions.signedOut();
    expect(state.ended).toBe('deactivated');
    await actions.signIn('researcher@demo.jalon', 'x');
    expect(state).toMatchObject({ status: 'signedIn', ended: null });
  });

  it('signing out closes the live connection first, and says nothing ended it', async () => {
    const calls: string[] = [];
    const [state, actions] = store(calls);
    actions.setMe(me);
    await actions.signOut();
    expect(calls).toEqual(['closeSocket', 'signOut']);
    expect(state).toMatchObject({ status: 'signedOut', ended: null });
  });

  it('a sign-in refused for a deactivated account says so, in both languages', () => {
    const err = new ApiError('ACCOUNT_DEACTIVATED', 'This account has been deactivated', 403);
    expect(signInErrorMessage(err, en, 'en')).toBe(en.sessionEnded.deactivated);
    expect(signInErrorMessage(err, fr, 'fr')).toMatch(/désactivé/);
  });
});
