import { A } from '@solidjs/router';
import { type Accessor, type JSX, Match, type Resource, Show, Switch } from 'solid-js';
import { useI18n } from '../app-context.tsx';
import { ApiError } from '../errors.ts';
import { LoadFailed, Loading } from './LoadStates.tsx';
import { StatePanel } from './StatePanel.tsx';

/**
 * The states of a page built on one resource: not found (as the server said: a 404, or what
 * `isNotFound` says), a failure with its retry, the loaded content, and loading. Reading a
 * failed resource throws, so the content reads the value only through `children`.
 */
export function LoadedPage<T>(props: {
  resource: Resource<T>;
  onRetry: () => void;
  notFound: { title: string; body: string };
  isNotFound?: (err: ApiError) => boolean;
  /** offer the way back to the portfolio from the not-found state */
  homeLink?: boolean;
  errorTitle: string;
  loading: string;
  children: (value: Accessor<T>) => JSX.Element;
}) {
  const { t } = useI18n();
  const notFound = () => {
    const err = props.resource.error;
    return err instanceof ApiError && (props.isNotFound ? props.isNotFound(err) : err.status === 404);
  };
  const loaded = () => (props.resource.error ? undefined : props.resource.latest);
  return (
    <Switch>
      <Match when={notFound()}>
        <StatePanel title={props.notFound.title} body={props.notFound.body} icon="lock" level={1}>
          <Show when={props.homeLink}>
            <A href="/" class="button button-primary">
              {t().notFound.home}
            </A>
          </Show>
        </StatePanel>
      </Match>
      <Match when={props.resource.error}>
        <LoadFailed
          title={props.errorTitle}
          error={props.resource.error}
          onRetry={() => props.onRetry()}
          level={1}
        />
      </Match>
      <Match when={loaded()}>{(value) => props.children(value as Accessor<T>)}</Match>
      <Match when={props.resource.loading}>
        <Loading label={props.loading} />
      </Match>
    </Switch>
  );
}
