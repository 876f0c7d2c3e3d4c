import { Show } from 'solid-js';
import type { GateDecision } from '../../../shared/schemas/gates.ts';
import { useI18n } from '../../app-context.tsx';
import { formatDateTime } from '../../i18n/format.ts';

/**
 * How the signer of a decision proved who they were, and when it was checked: "authenticated
 * with password and authenticator code, checked …". Nothing for decisions signed before it was
 * recorded.
 */
export function SignatureProof(props: { signature: GateDecision['signature']; class?: string }) {
  const { t, locale } = useI18n();
  return (
    <Show when={props.signature.method}>
      {(method) => (
        <p class={props.class}>
          {props.signature.authenticatedAt
            ? t().twoFactor.signedWithAt(
                t().twoFactor.signedWith[method()],
                formatDateTime(locale(), props.signature.authenticatedAt),
              )
            : t().twoFactor.signedWith[method()]}
        </p>
      )}
    </Show>
  );
}
