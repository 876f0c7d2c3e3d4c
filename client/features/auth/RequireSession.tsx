import { Navigate, useLocation } from '@solidjs/router';
import { type ParentProps, Show } from 'solid-js';
import { useApp } from '../../app-context.tsx';
import { signInHref } from './next-path.ts';

/** Renders its page for a signed-in user; sends anyone else to sign in, and back here after. */
export function RequireSession(props: ParentProps) {
  const { session } = useApp();
  const location = useLocation();
  return (
    <Show
      when={session[0].status === 'signedIn'}
      fallback={<Navigate href={signInHref(`${location.pathname}${location.search}`)} />}
    >
      {props.children}
    </Show>
  );
}
