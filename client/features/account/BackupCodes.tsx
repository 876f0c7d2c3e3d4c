import { For, Show } from 'solid-js';
import { useApp, useI18n } from '../../app-context.tsx';
import { createCopy, downloadText } from './copy-text.ts';

/** Backup codes just made: shown this once, with copy, download, and a way to say they are kept. */
export function BackupCodes(props: { codes: string[]; onDone: () => void }) {
  const { session } = useApp();
  const { t } = useI18n();
  const w = () => t().twoFactor.section;
  const { state, copy } = createCopy();
  const asText = () =>
    [w().backupFileHeading(session[0].me?.user.email ?? ''), '', ...props.codes, ''].join('\n');

  return (
    <section
      class="ac-secret"
      aria-labelledby="ac-backup-title"
      tabindex="-1"
      ref={(el) => queueMicrotask(() => el.focus())}
    >
      <h3 id="ac-backup-title" class="ac-subtitle">
        {w().backupTitle}
      </h3>
      <p class="notice">{w().backupIntro}</p>
      <ul class="tf-codes" aria-label={w().backupListLabel}>
        <For each={props.codes}>{(code) => <li>{code}</li>}</For>
      </ul>
      <div class="ac-actions">
        <button type="button" class="button" onClick={() => void copy(props.codes.join('\n'))}>
          {w().copyCodes}
        </button>
        <button type="button" class="button" onClick={() => downloadText('jalon-backup-codes.txt', asText())}>
          {w().downloadCodes}
        </button>
      </div>
      <p class="small" role="status" aria-live="polite">
        <Show when={state() !== 'idle'}>{state() === 'copied' ? w().copied : w().copyFailed}</Show>
      </p>
      <button type="button" class="button button-primary" onClick={() => props.onDone()}>
        {w().saved}
      </button>
    </section>
  );
}
