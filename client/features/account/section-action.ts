/**
 * An account section's one action at a time: busy while it runs, then what it did or why it
 * failed (in the section's status line), and the section's list read again after success.
 */
import { createSignal } from 'solid-js';
import { useI18n } from '../../app-context.tsx';
import { describeError } from '../../errors.ts';

export interface Outcome {
  ok: boolean;
  text: string;
}

export function createSectionAction(refetch: () => unknown) {
  const { t } = useI18n();
  const [busy, setBusy] = createSignal(false);
  const [outcome, setOutcome] = createSignal<Outcome | null>(null);
  /** Runs `action`, which answers what it did; a failure reads as `failed` and the reason. */
  async function run(action: () => Promise<string>, failed: string): Promise<boolean> {
    setBusy(true);
    try {
      setOutcome({ ok: true, text: await action() });
      await refetch();
      return true;
    } catch (err) {
      setOutcome({ ok: false, text: `${failed} ${describeError(err, t())}` });
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { busy, outcome, setOutcome, run };
}
