/**
 * The language of the interface: which one is in use, how the first one is picked, where the
 * choice is remembered on this device, and the dictionary and Intl formatters that follow it.
 * The account side of remembering (PATCH /api/me) is in stores/locale-sync.ts.
 */
import { createStore } from 'solid-js/store';
import type { Locale } from '../../shared/domain.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';
import type { Messages } from './messages.ts';

export const LOCALES: readonly Locale[] = ['en', 'fr'];
export const STORAGE_KEY = 'jalon.locale';

const dictionaries: Record<Locale, Messages> = { en, fr };

export function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'fr';
}

/** The remembered choice if any, else the browser's first language we speak, else English. */
export function detectLocale(stored: string | null, languages: readonly string[]): Locale {
  if (isLocale(stored)) return stored;
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'en';
}

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage can be disabled (private mode, policy): the choice then lasts for the visit.
    return null;
  }
}

function store(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // As above: nothing to keep it in; the account still remembers it when signed in.
  }
}

export interface I18nState {
  locale: Locale;
  /** the user picked the language during this visit, so it beats the one on their account */
  chosenThisVisit: boolean;
}

export function createI18nStore() {
  const initial = detectLocale(readStored(), navigator.languages ?? [navigator.language]);
  const [state, setState] = createStore<I18nState>({ locale: initial, chosenThisVisit: false });
  document.documentElement.lang = initial;

  const actions = {
    /** `explicit`: the user chose it (remembered on the device); otherwise it was adopted. */
    setLocale(locale: Locale, options: { explicit: boolean }) {
      setState({ locale, chosenThisVisit: state.chosenThisVisit || options.explicit });
      document.documentElement.lang = locale;
      store(locale);
    },
    /** the dictionary in the current language; read it inside JSX or a memo to stay reactive */
    t: (): Messages => dictionaries[state.locale],
  };
  return [state, actions] as const;
}

export type I18nStore = ReturnType<typeof createI18nStore>;
