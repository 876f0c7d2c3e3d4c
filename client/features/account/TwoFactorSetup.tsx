import { createSignal, Show } from 'solid-js';
import { renderSVG } from 'uqr';
import { useApp, useI18n } from '../../app-context.tsx';
import { ApiError, describeError } from '../../errors.ts';
import { closeAppSocket } from '../../realtime/socket.ts';
import { isTotpCode, normaliseTotp, secretOf, twoFactorApi } from '../auth/two-factor-api.ts';
import { createCopy } from './copy-text.ts';

/** The otpauth:// address as a QR code image (SVG), drawn here: the key never leaves the page. */
function qrCodeOf(uri: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(renderSVG(uri, { border: 2 }))}`;
}

/**
 * The set-up's middle step: the key to enter in an authenticator app (as text, and as an
 * otpauth:// link a phone opens in its app, and as a QR code to scan from a computer's screen),
 * then a first code from the app to confirm it.
 */
export function TwoFactorSetup(props: { totpUri: string; onConfirmed: () => void; onCancel: () => void }) {
  const { connectivity } = useApp();
  const { t } = useI18n();
  const w = () => t().twoFactor.section;
  const { state, copy } = createCopy();
  const [code, setCode] = createSignal('');
  const [problem, setProblem] = createSignal<string | null>(null);
  const [failure, setFailure] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  let input: HTMLInputElement | undefined;

  async function confirm(e: SubmitEvent) {
    e.preventDefault();
    setFailure(null);
    if (!isTotpCode(code())) {
      setProblem(code().trim() ? w().codeShape : w().codeMissing);
      input?.focus();
      return;
    }
    setBusy(true);
    // Confirming turns it on and better-auth hands this tab a new session: the live connection
    // the old one opened is closed first, so that its ending is not taken for a sign-out.
    closeAppSocket();
    try {
      await twoFactorApi.verifyTotp(normaliseTotp(code()));
      props.onConfirmed();
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        setProblem(w().wrongCode);
        setCode('');
        input?.focus();
      } else setFailure(`${w().failed} ${describeError(err, t())}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section
      class="ac-secret"
      aria-labelledby="ac-tf-setup-title"
      tabindex="-1"
      ref={(el) => queueMicrotask(() => el.focus())}
    >
      <h3 id="ac-tf-setup-title" class="ac-subtitle">
        {w().scanTitle}
      </h3>
      <p>{w().scanSteps}</p>
      <img class="tf-qr" src={qrCodeOf(props.totpUri)} alt={w().qrAlt} width="200" height="200" />
      <p class="ac-label" id="ac-tf-secret-label">
        {w().secretLabel}
      </p>
      <div class="ac-secret-row tf-secret-row">
        <input
          type="text"
          readOnly
          class="tf-secret"
          value={secretOf(props.totpUri)}
          aria-labelledby="ac-tf-secret-label"
          onFocus={(e) => e.currentTarget.select()}
        />
        <button
          type="button"
          class="button"
          onClick={() => void copy(secretOf(props.totpUri).replace(/ /g, ''))}
        >
          {w().copySecret}
        </button>
      </div>
      <p class="small" role="status" aria-live="polite">
        <Show when={state() !== 'idle'}>{state() === 'copied' ? w().copied : w().copyFailed}</Show>
      </p>
      <p>
        <a href={props.totpUri}>{w().openInApp}</a>
      </p>
      <details class="tf-uri">
        <summary>{w().uriLabel}</summary>
        <code>{props.totpUri}</code>
      </details>
      <form onSubmit={confirm} novalidate>
        <div class="field tf-field">
          <label for="ac-tf-code">{w().confirmCode}</label>
          <input
            ref={input}
            id="ac-tf-code"
            class="tf-code"
            type="text"
            inputmode="numeric"
            autocomplete="one-time-code"
            maxlength="9"
            value={code()}
            aria-invalid={problem() ? 'true' : undefined}
            aria-describedby={problem() ? 'ac-tf-code-error ac-tf-code-hint' : 'ac-tf-code-hint'}
            onInput={(e) => {
              setCode(e.currentTarget.value);
              setProblem(null);
            }}
          />
          <p id="ac-tf-code-hint" class="muted small">
            {w().codeHint}
          </p>
          <Show when={problem()}>
            <p id="ac-tf-code-error" class="ac-field-error">
              {problem()}
            </p>
          </Show>
        </div>
        <div class="ac-actions">
          <button type="submit" class="button button-primary" disabled={busy() || !connectivity[0].online}>
            {busy() ? w().confirming : w().confirm}
          </button>
          <button type="button" class="button" onClick={() => props.onCancel()}>
            {w().cancel}
          </button>
        </div>
        <Show when={failure()}>
          <p class="form-error" role="alert">
            {failure()}
          </p>
        </Show>
      </form>
    </section>
  );
}
