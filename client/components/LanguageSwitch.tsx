import { For } from 'solid-js';
import type { Locale } from '../../shared/domain.ts';
import { useApp, useI18n } from '../app-context.tsx';
import { en } from '../i18n/en.ts';
import { fr } from '../i18n/fr.ts';
import { LOCALES } from '../i18n/i18n.ts';

// Each language names itself in itself, whatever the current one.
const names: Record<Locale, string> = { en: en.meta.languageName, fr: fr.meta.languageName };

/** Two pressed/unpressed buttons: the language is one click away on every screen. */
export function LanguageSwitch() {
  const { locale } = useApp();
  const { t, locale: current } = useI18n();
  return (
    <fieldset class="lang-switch">
      <legend class="visually-hidden">{t().language.label}</legend>
      <For each={LOCALES}>
        {(code) => (
          <button
            type="button"
            lang={code}
            // The spoken name starts with the code shown ("FR — Français"), so that someone who
            // says what they see (voice control) names the button (WCAG 2.5.3, label in name).
            aria-label={`${code.toUpperCase()} — ${names[code]}`}
            aria-pressed={current() === code}
            title={names[code]}
            onClick={() => locale.chooseLocale(code)}
          >
            {code.toUpperCase()}
          </button>
        )}
      </For>
    </fieldset>
  );
}
