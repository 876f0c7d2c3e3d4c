/**
 * The type every language's dictionary must have: the English dictionary's shape with its
 * literal strings widened to `string`. A key missing, misspelt or extra in a language is a
 * compile error, and a message function must take the same arguments in every language.
 */
import type { en } from './en.ts';

type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => string
    ? (...args: A) => string
    : { readonly [K in keyof T]: Widen<T[K]> };

export type Messages = Widen<typeof en>;
