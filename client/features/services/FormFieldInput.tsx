import { For, Match, Show, Switch } from 'solid-js';
import type { FormField } from '../../../shared/services.ts';
import { useI18n } from '../../app-context.tsx';
import type { RawValue } from './form-validation.ts';

/** One field of a service's request form, rendered from its definition, with its label and error. */
export function FormFieldInput(props: {
  field: FormField;
  value: RawValue;
  error: string | null;
  onChange: (value: RawValue) => void;
}) {
  const { t, locale } = useI18n();
  const id = () => `field-${props.field.key}`;
  const described = () =>
    [props.field.help ? `${id()}-help` : '', props.error ? `${id()}-error` : ''].filter(Boolean).join(' ') ||
    undefined;
  const label = () => props.field.label[locale()];
  const marker = () => (
    <span class="field-marker">
      {props.field.required ? t().services.form.required : t().services.form.optional}
    </span>
  );
  const common = () => ({
    id: id(),
    'aria-invalid': props.error ? ('true' as const) : undefined,
    'aria-describedby': described(),
    'aria-required': props.field.required ? ('true' as const) : undefined,
  });

  return (
    <div class="field request-field" classList={{ 'field-invalid': Boolean(props.error) }}>
      <Switch>
        <Match when={props.field.type === 'confirm'}>
          <label class="confirm-field">
            <input
              type="checkbox"
              {...common()}
              checked={props.value === true}
              onChange={(e) => props.onChange(e.currentTarget.checked)}
            />
            <span>
              {label()} {marker()}
            </span>
          </label>
        </Match>
        <Match when={props.field.type === 'multiselect'}>
          <fieldset
            class="choice-set"
            aria-describedby={described()}
            aria-invalid={props.error ? 'true' : undefined}
          >
            <legend>
              {label()} {marker()}
            </legend>
            <For each={props.field.options ?? []}>
              {(o) => (
                <label class="checkbox">
                  <input
                    type="checkbox"
                    name={props.field.key}
                    value={o.value}
                    checked={(props.value as string[]).includes(o.value)}
                    onChange={(e) => {
                      const current = props.value as string[];
                      props.onChange(
                        e.currentTarget.checked
                          ? [...current, o.value]
                          : current.filter((v) => v !== o.value),
                      );
                    }}
                  />
                  {o.label[locale()]}
                </label>
              )}
            </For>
          </fieldset>
        </Match>
        <Match when={true}>
          <label for={id()}>
            {label()} {marker()}
          </label>
          <Switch>
            <Match when={props.field.type === 'textarea'}>
              <textarea
                {...common()}
                rows={4}
                value={props.value as string}
                onInput={(e) => props.onChange(e.currentTarget.value)}
              />
            </Match>
            <Match when={props.field.type === 'select'}>
              <select {...common()} class="select" onChange={(e) => props.onChange(e.currentTarget.value)}>
                <option value="" selected={props.value === ''}>
                  —
                </option>
                <For each={props.field.options ?? []}>
                  {(o) => (
                    <option value={o.value} selected={props.value === o.value}>
                      {o.label[locale()]}
                    </option>
                  )}
                </For>
              </select>
            </Match>
            <Match when={true}>
              <input
                {...common()}
                type={
                  props.field.type === 'number' ||
                  props.field.type === 'date' ||
                  props.field.type === 'email' ||
                  props.field.type === 'url'
                    ? props.field.type
                    : 'text'
                }
                min={props.field.min}
                max={props.field.type === 'number' ? props.field.max : undefined}
                value={props.value as string}
                onInput={(e) => props.onChange(e.currentTarget.value)}
              />
            </Match>
          </Switch>
        </Match>
      </Switch>
      <Show when={props.field.help}>
        {(help) => (
          <span id={`${id()}-help`} class="muted small">
            {help()[locale()]}
          </span>
        )}
      </Show>
      <Show when={props.error}>
        <span id={`${id()}-error`} class="field-error">
          {props.error}
        </span>
      </Show>
    </div>
  );
}
