/**
 * Keeps the interface language and the one remembered on the account in step. When someone
 * signs in, a language they picked during this visit wins and is saved on the account;
 * otherwise the account's language is adopted (it follows them across devices); an account
 * with none yet gets the current one.
 */
import { createEffect, createSignal, on } from 'solid-js';
import type { Locale } from '../../shared/domain.ts';
import type { Api } from '../api.ts';
import type { I18nStore } from '../i18n/i18n.ts';
import type { SessionStore } from './session.ts';

export function createLocaleSync(i18n: I18nStore, session: SessionStore, api: Pick<Api, 'updateMe'>) {
  const [i18nState, i18nActions] = i18n;
  const [sessionState, sessionActions] = session;
  const [saveFailed, setSaveFailed] = createSignal(false);

  function remember(locale: Locale) {
    setSaveFailed(false);
    api.updateMe({ locale }).then(
      (me) => sessionActions.setMe(me),
      (err) => {
        console.warn('language not saved on the account', err);
        setSaveFailed(true);
      },
    );
  }

  createEffect(
    on(
      () => sessionState.me?.user.id,
      (userId) => {
        const account = sessionState.me?.user.locale ?? null;
        if (!userId) return;
        if (i18nState.chosenThisVisit || !account) {
          if (account !== i18nState.locale) remember(i18nState.locale);
        } else if (account !== i18nState.locale) {
          i18nActions.setLocale(account, { explicit: false });
        }
      },
    ),
  );

  return {
    /** the user picked a language with the switch */
    chooseLocale(locale: Locale) {
      i18nActions.setLocale(locale, { explicit: true });
      if (sessionState.status === 'signedIn' && sessionState.me?.user.locale !== locale) remember(locale);
    },
    saveFailed,
  };
}
