import { createSignal, For, Match, Show, Switch } from 'solid-js';
import type { ChainBreak, ChainReport } from '../../../shared/schemas/audit.ts';
import { request } from '../../api.ts';
import { useI18n } from '../../app-context.tsx';
import { describeError } from '../../errors.ts';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import './audit-check.css';

/** The breaks listed on screen; the CLI lists them all. */
const SHOWN = 50;

/**
 * For the programme office: walk the audit trail and its signed checkpoints now, and say
 * whether it is intact, and if not, each entry or range that does not verify and why, with the
 * date of the last good checkpoint (GET /api/audit/verify).
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
  const report = () => {
    const s = state();
    return s.kind === 'done' ? s.report : null;
  };
  const where = (b: ChainBreak) =>
    b.through === undefined ? a().entry(n(b.seq)) : a().entries(n(b.seq), n(b.through));
  const hidden = (r: ChainReport) => r.breaks.length - Math.min(r.breaks.length, SHOWN);
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
          disabled={state().kind === 'busy'}
          onClick={() => void verify()}
        >
          {state().kind === 'busy' ? a().verifying : a().verify}
        </button>
        <p class="audit-check-result" role="status">
          <Switch>
            <Match when={report()}>
              {(r) => (
                <span classList={{ 'audit-ok': r().ok, 'audit-broken': !r().ok }}>
                  {r().ok
                    ? a().intact(r().entries, n(r().entries))
                    : a().broken(
                        r().breaks.length,
                        `${n(r().breaks.length)}${r().moreBreaks ? '+' : ''}`,
                        n(r().firstBrokenAt ?? 0),
                        n(r().entries),
                      )}
                </span>
              )}
            </Match>
            <Match when={state().kind === 'error' && (state() as { error: unknown })}>
              {(s) => <span class="audit-broken">{describeError(s().error, t())}</span>}
            </Match>
          </Switch>
        </p>
      </div>
      <Show when={report()}>
        {(r) => (
          <div class="audit-check-details">
            <p class="small">
              {r().checkpoints.lastGood
                ? a().lastGood(
                    formatDateTime(locale(), r().checkpoints.lastGood!.at),
                    n(r().checkpoints.lastGood!.seq),
                  )
                : a().noCheckpoint}{' '}
              {a().checkpoints(n(r().checkpoints.verified), n(r().checkpoints.total))}
            </p>
            <Show when={r().breaks.length > 0}>
              <h4 id="audit-breaks-title" class="audit-check-subtitle">
                {a().breaksTitle}
              </h4>
              <ul class="audit-breaks" aria-labelledby="audit-breaks-title">
                <For each={r().breaks.slice(0, SHOWN)}>
                  {(b) => (
                    <li class="audit-break">
                      <span class="audit-break-where">{where(b)}</span>
                      <span class="audit-break-kind">{a().kinds[b.kind]}</span>
                    </li>
                  )}
                </For>
              </ul>
              <Show when={hidden(r()) > 0 || r().moreBreaks}>
                <p class="muted small">{a().more(`${n(hidden(r()))}${r().moreBreaks ? '+' : ''}`)}</p>
              </Show>
            </Show>
          </div>
        )}
      </Show>
    </section>
  );
}
