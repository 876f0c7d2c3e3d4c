import { createSignal, Match, Switch } from 'solid-js';
import { request } from '../../api.ts';
import { useI18n } from '../../app-context.tsx';
import { describeError } from '../../errors.ts';
import { formatNumber } from '../../i18n/format.ts';

interface ChainReport {
  ok: boolean;
  entries: number;
  firstBrokenAt: number | null;
}

/**
 * For the programme office: walk the audit trail's hash chain now and say whether it is
 * intact, and if not, the first entry that does not match (GET /api/audit/verify).
 */
export function AuditCheck() {
  const { t, locale } = useI18n();
  const a = () => t().auditCheck;
  const n = (x: number) => formatNumber(locale(), x);
  const [state, setState] = createSignal<
    | { kind: 'idle' }
    | { kind: 'busy' }
    | { kind: 'done'; report: ChainReport }
    | { kind: 'error'; error: unknown }
  >({ kind: 'idle' });
  const verify = async () => {
    setState({ kind: 'busy' });
    try {
      setState({ kind: 'done', report: await request<ChainReport>('GET', '/api/audit/verify') });
    } catch (error) {
      setState({ kind: 'error', error });
    }
  };
  const current = () => state();
  return (
    <section class="audit-check" aria-labelledby="audit-check-title">
      <h3 id="audit-check-title" class="audit-check-title">
        {a().title}
      </h3>
      <p class="muted small">{a().intro}</p>
      <div class="audit-check-row">
        <button
          type="button"
          class="button button-small"
          disabled={current().kind === 'busy'}
          onClick={() => void verify()}
        >
          {current().kind === 'busy' ? a().verifying : a().verify}
        </button>
        <p class="audit-check-result" role="status">
          <Switch>
            <Match when={current().kind === 'done' && (current() as { report: ChainReport }).report}>
              {(report) => (
                <span classList={{ 'audit-ok': report().ok, 'audit-broken': !report().ok }}>
                  {report().ok
                    ? a().intact(report().entries, n(report().entries))
                    : a().broken(n(report().firstBrokenAt ?? 0), n(report().entries))}
                </span>
              )}
            </Match>
            <Match when={current().kind === 'error'}>
              <span class="audit-broken">{describeError((current() as { error: unknown }).error, t())}</span>
            </Match>
          </Switch>
        </p>
      </div>
    </section>
  );
}
