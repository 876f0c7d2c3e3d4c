/** Picks a message by the language's plural rules (French says "0 projet", English "0 projects"). */
import type { Locale } from '../../shared/domain.ts';

const rules = new Map<Locale, Intl.PluralRules>();

export function plural(locale: Locale, n: number, forms: { one: string; other: string }): string {
  let rule = rules.get(locale);
  if (!rule) {
    rule = new Intl.PluralRules(locale);
    rules.set(locale, rule);
  }
  return rule.select(n) === 'one' ? forms.one : forms.other;
}
