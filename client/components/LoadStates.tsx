import { useI18n } from '../app-context.tsx';
import { describeError } from '../errors.ts';
import { StatePanel } from './StatePanel.tsx';

/** Something could not be loaded: what, why (from the error), and the retry. */
export function LoadFailed(props: { title: string; error: unknown; onRetry: () => void; level?: 1 | 2 }) {
  const { t } = useI18n();
  return (
    <StatePanel
      title={props.title}
      body={describeError(props.error, t())}
      tone="error"
      icon="error"
      level={props.level}
    >
      <button type="button" class="button button-primary" onClick={() => props.onRetry()}>
        {t().app.retry}
      </button>
    </StatePanel>
  );
}

/** Something is loading: a spinner and what it is, announced politely. */
export function Loading(props: { label: string }) {
  return (
    <div class="page-loading" role="status">
      <span class="spinner" aria-hidden="true" />
      {props.label}
    </div>
  );
}

/** The same inside a panel: one line saying what failed and why, with the retry. */
export function InlineLoadFailed(props: { message: string; error: unknown; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <p class="form-error" role="alert">
      {props.message} {describeError(props.error, t())}{' '}
      <button type="button" class="button button-small" onClick={() => props.onRetry()}>
        {t().app.retry}
      </button>
    </p>
  );
}
