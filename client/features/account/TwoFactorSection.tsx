import { createSignal, Match, onMount, Show, Switch } from 'solid-js';
import { useApp, useI18n } from '../../app-context.tsx';
import { appSocket, closeAppSocket } from '../../realtime/socket.ts';
import { twoFactorApi } from '../auth/two-factor-api.ts';
import { BackupCodes } from './BackupCodes.tsx';
import { PasswordStep } from './PasswordStep.tsx';
import { TwoFactorSetup } from './TwoFactorSetup.tsx';

type Step =
  | { kind: 'idle' }
  | { kind: 'setup'; totpUri: string; backupCodes: string[] }
  | { kind: 'codes'; backupCodes: string[]; justTurnedOn: boolean }
  | { kind: 'turnOff' }
  | { kind: 'newCodes' };

/**
 * /account › Two-factor authentication: turn it on (password, the key for the app, a first
 * code, the backup codes shown once), turn it off (password), make new backup codes. When the
 * cluster requires it of this person and it is off, the section says so first: it is the one
 * place they can reach until it is on.
 */
export function TwoFactorSection() {
  const { session } = useApp();
  const { t } = useI18n();
  const w = () => t().twoFactor.section;
  const [step, setStep] = createSignal<Step>({ kind: 'idle' });
  const [status, setStatus] = createSignal('');
  const state = () => session[0].me?.twoFactor ?? { enabled: false, required: false };
  const mustTurnOn = () => state().required && !state().enabled;
  let section: HTMLElement | undefined;
  // Sent here to turn it on (RequireSession): the section is what the person came for.
  onMount(() => {
    if (window.location.hash === '#two-factor' || mustTurnOn()) {
      section?.scrollIntoView({ block: 'start' });
      section?.focus({ preventScroll: true });
    }
  });

  async function turnOn(password: string) {
    setStatus('');
    const { totpURI, backupCodes } = await twoFactorApi.enable(password);
    setStep({ kind: 'setup', totpUri: totpURI, backupCodes });
  }

  async function confirmed(backupCodes: string[]) {
    setStep({ kind: 'codes', backupCodes, justTurnedOn: true });
    setStatus(w().turnedOn);
    // The new session's connection; /api/me says it is on (and, where required, opens the app).
    appSocket();
    await session[1].load();
  }

  async function turnOff(password: string) {
    // better-auth hands this tab a new session: see TwoFactorSetup.
    closeAppSocket();
    try {
      await twoFactorApi.disable(password);
      setStep({ kind: 'idle' });
      setStatus(w().turnedOff);
      await session[1].load();
    } finally {
      appSocket();
    }
  }

  async function newCodes(password: string) {
    const { backupCodes } = await twoFactorApi.newBackupCodes(password);
    setStep({ kind: 'codes', backupCodes, justTurnedOn: false });
  }

  return (
    <section
      ref={section}
      class="panel ac-section"
      aria-labelledby="ac-tf-title"
      id="two-factor"
      tabindex="-1"
    >
      <h2 id="ac-tf-title" class="panel-title">
        {w().title}
      </h2>
      <Show when={mustTurnOn()}>
        <p class="notice tf-required" role="alert">
          {w().required}
        </p>
      </Show>
      <p class="muted">{w().intro}</p>
      <p class="tf-state">
        <span class={state().enabled ? 'tf-badge tf-badge-on' : 'tf-badge'} aria-hidden="true" />
        <strong>{state().enabled ? w().on : w().off}</strong>
      </p>
      <Switch>
        <Match when={step().kind === 'setup' && (step() as Extract<Step, { kind: 'setup' }>)}>
          {(s) => (
            <TwoFactorSetup
              totpUri={s().totpUri}
              onConfirmed={() => void confirmed(s().backupCodes)}
              onCancel={() => setStep({ kind: 'idle' })}
            />
          )}
        </Match>
        <Match when={step().kind === 'codes' && (step() as Extract<Step, { kind: 'codes' }>)}>
          {(s) => <BackupCodes codes={s().backupCodes} onDone={() => setStep({ kind: 'idle' })} />}
        </Match>
        <Match when={step().kind === 'turnOff'}>
          <Show when={state().required}>
            <p class="notice">{w().turnOffRequired}</p>
          </Show>
          <PasswordStep
            id="ac-tf-off"
            intro={w().turnOffIntro}
            submit={w().turnOffConfirm}
            submitting={w().turningOff}
            danger
            onCancel={() => setStep({ kind: 'idle' })}
            run={turnOff}
          />
        </Match>
        <Match when={step().kind === 'newCodes'}>
          <PasswordStep
            id="ac-tf-codes"
            intro={w().newCodesIntro}
            submit={w().makeCodes}
            submitting={w().makingCodes}
            onCancel={() => setStep({ kind: 'idle' })}
            run={newCodes}
          />
        </Match>
        <Match when={!state().enabled}>
          <PasswordStep id="ac-tf-on" submit={w().turnOn} submitting={w().turningOn} run={turnOn} />
        </Match>
        <Match when={state().enabled}>
          <div class="ac-actions">
            <button type="button" class="button" onClick={() => setStep({ kind: 'newCodes' })}>
              {w().newCodes}
            </button>
            <button type="button" class="button button-danger" onClick={() => setStep({ kind: 'turnOff' })}>
              {w().turnOff}
            </button>
          </div>
        </Match>
      </Switch>
      <p class="ac-status" role="status" aria-live="polite">
        <Show when={status()}>
          <span class="ac-ok">{status()}</span>
        </Show>
      </p>
    </section>
  );
}
