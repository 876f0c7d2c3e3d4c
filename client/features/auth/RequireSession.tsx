import { Navigate, useLocation } from '@solidjs/router';
import { type ParentProps, Show } from 'solid-js';
import { useApp } from '../../app-context.tsx';
import { signInHref } from './next-path.ts';

/**
 * Renders its page for a signed-in user; sends anyone else to sign in, and back here after. One
 * whom the cluster requires to turn two-factor authentication on, and who has not, is sent to
 * /account's section for it (the server answers nothing else to them: two_factor_required).
 */
export function RequireSession(props: ParentProps) {
  const { session } = useApp();
  const location = useLocation();
  const mustEnrol = () => {
    const twoFactor = session[0].me?.twoFactor;
    return !!twoFactor?.required && !twoFactor.enabled && location.pathname !== ACCOUNT_PATH;
  };
  return (
    <Show
      when={session[0].status === 'signedIn'}
      fallback={<Navigate href={signInHref(`${location.pathname}${location.search}`)} />}
    >
      <Show when={!mustEnrol()} fallback={<Navigate href={`${ACCOUNT_PATH}#two-factor`} />}>
        {props.children}
      </Show>
    </Show>
  );
}

const ACCOUNT_PATH = '/account';
