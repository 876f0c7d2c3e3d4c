import { createResource, For, Show } from 'solid-js';
import { api } from '../../api.ts';
import { useI18n } from '../../app-context.tsx';
import type { Messages } from '../../i18n/messages.ts';

const DEMO_PASSWORD = 'jalon-demo-2026';

const accounts: { email: string; role: keyof Messages['signIn']['demoRoles'] }[] = [
  { email: 'manager@demo.jalon', role: 'manager' },
  { email: 'lead@demo.jalon', role: 'lead' },
  { email: 'researcher@demo.jalon', role: 'researcher' },
  { email: 'mentor@demo.jalon', role: 'mentor' },
  { email: 'partner@demo.jalon', role: 'partner' },
  { email: 'platform@demo.jalon', role: 'platform' },
];

/**
 * Whether this server runs the demo cluster. The health check does not say yet, so the list
 * shows unless the server explicitly answers `demo: false` (the production setting).
 */
async function demoEnabled(): Promise<boolean> {
  try {
    return (await api.health())?.demo !== false;
  } catch (err) {
    console.warn('health check failed', err);
    return true;
  }
}

/** The demo accounts, discreetly below the form: a click fills in the email. */
export function DemoAccounts(props: { onPick: (email: string) => void }) {
  const { t } = useI18n();
  const [enabled] = createResource(demoEnabled);
  return (
    <Show when={enabled()}>
      <section class="demo-accounts" aria-labelledby="demo-accounts-title">
        <h2 id="demo-accounts-title" class="demo-title">
          {t().signIn.demoTitle}
        </h2>
        <p class="demo-hint">
          {t().signIn.demoHint} {t().signIn.demoPassword} <code>{DEMO_PASSWORD}</code>
        </p>
        <ul class="demo-list">
          <For each={accounts}>
            {(account) => (
              <li>
                <button
                  type="button"
                  class="demo-account"
                  // The spoken name holds the text shown, in its order (WCAG 2.5.3, label in name).
                  aria-label={`${t().signIn.demoUse(account.email)} ${t().signIn.demoRoles[account.role]}`}
                  onClick={() => props.onPick(account.email)}
                >
                  <span class="demo-email">{account.email}</span>{' '}
                  <span class="demo-role">{t().signIn.demoRoles[account.role]}</span>
                </button>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}
