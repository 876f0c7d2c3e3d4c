import { useI18n } from '../../app-context.tsx';

/**
 * The reasons behind a recommendation or a decision: a labelled text area that says when it
 * is missing, and otherwise shows `hint` (if any) under it.
 */
export function RationaleField(props: {
  id: string;
  value: string;
  missing: boolean;
  hint?: string;
  onInput: (value: string) => void;
}) {
  const { t } = useI18n();
  const g = () => t().gates;
  return (
    <div class="field">
      <label for={props.id}>{g().rationaleLabel}</label>
      <textarea
        id={props.id}
        class="textarea"
        rows={4}
        maxLength={5000}
        value={props.value}
        aria-invalid={props.missing ? 'true' : undefined}
        aria-describedby={`${props.id}-note`}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      <p id={`${props.id}-note`} class={props.missing || !props.hint ? 'field-error' : 'muted small'}>
        {props.missing ? g().rationaleRequired : (props.hint ?? '')}
      </p>
    </div>
  );
}
