import { For, Show } from 'solid-js';
import { useI18n } from '../../../app-context.tsx';
import { fieldId } from './form-state.ts';

export interface Bilingual {
  en: string;
  fr: string;
}

/**
 * One text in English and in French, side by side (stacked on a phone), each with its label and
 * its error next to it. `path` is the text's place in the body (`stages.0.name`); each
 * language's field is `path.en` and `path.fr`.
 */
export function BilingualField(props: {
  path: string;
  label: string;
  value: Bilingual;
  multiline?: boolean;
  error: (path: string) => string | undefined;
  onInput: (value: Bilingual, path: string) => void;
  onLeave: (path: string, ev: FocusEvent) => void;
}) {
  const { t } = useI18n();
  const f = () => t().frameworksAdmin.form;
  return (
    <div class="fw-bilingual">
      <For each={['en', 'fr'] as const}>
        {(lang) => {
          // Reactive: a criterion moved in its list changes its path, so its fields' ids.
          const path = () => `${props.path}.${lang}`;
          const id = () => fieldId(path());
          const error = () => props.error(path());
          const input = (value: string) => props.onInput({ ...props.value, [lang]: value }, path());
          return (
            <div class="field">
              <label for={id()}>
                {props.label} <span class="fw-lang">({f()[lang]})</span>
              </label>
              <Show
                when={props.multiline}
                fallback={
                  <input
                    type="text"
                    id={id()}
                    lang={lang}
                    aria-invalid={Boolean(error())}
                    aria-describedby={error() ? `${id()}-error` : undefined}
                    onBlur={(ev) => props.onLeave(path(), ev)}
                    value={props.value[lang]}
                    onInput={(e) => input(e.currentTarget.value)}
                  />
                }
              >
                <textarea
                  rows={3}
                  id={id()}
                  lang={lang}
                  aria-invalid={Boolean(error())}
                  aria-describedby={error() ? `${id()}-error` : undefined}
                  onBlur={(ev) => props.onLeave(path(), ev)}
                  value={props.value[lang]}
                  onInput={(e) => input(e.currentTarget.value)}
                />
              </Show>
              <Show when={error()}>
                <span id={`${id()}-error`} class="field-error">
                  {error()}
                </span>
              </Show>
            </div>
          );
        }}
      </For>
    </div>
  );
}
