import { For, Show } from 'solid-js';
import { effectOf } from '../../../shared/gate-effect.ts';
import type { GateOutcome } from '../../../shared/schemas/gates.ts';
import { STAGE_COUNT } from '../../../shared/vocabularies.ts';
import { useI18n } from '../../app-context.tsx';
import { useStageName } from '../../components/StageBadge.tsx';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { useRoom } from '../project/room/room-context.tsx';

/**
 * What a decision will do once signed, shown to the signer before they sign: the outcome, the
 * stage it leaves the project in (the rule the server applies, shared/gate-effect.ts), the
 * milestones its conditions become (titles, due dates, owner), the rationale, and who signs and
 * how. Nothing here can be changed once signed.
 */
export function DecisionSummary(props: {
  id: string;
  outcome: GateOutcome;
  rationale: string;
  conditions: { title: string; due: string }[];
  /** "Hélène Marchand, with your password" */
  signer: string;
}) {
  const room = useRoom();
  const { t, locale } = useI18n();
  const g = () => t().gates;
  const s = () => g().summary;
  const stageName = useStageName();
  const before = () => room.project().stage;
  const effect = () => effectOf(props.outcome, before());
  const label = (index: number) =>
    s().stageLabel(formatNumber(locale(), index), stageName(room.project().track, index));
  /** the lead the server will make the milestones' owner, when there is exactly one */
  const lead = () => {
    const leads = room.members().filter((m) => m.role === 'lead');
    return leads.length === 1 ? leads[0]!.name : null;
  };
  const stageText = () => {
    const e = effect();
    if (e.archive) return s().stopped(label(before()));
    if (e.stage !== before()) return s().moves(label(before()), label(e.stage));
    return before() === STAGE_COUNT - 1 && props.outcome !== 'hold' && props.outcome !== 'recycle'
      ? s().staysLast(label(before()))
      : s().stays(label(before()));
  };

  return (
    <section class="gate-summary" aria-labelledby={`${props.id}-title`}>
      <h5 id={`${props.id}-title`} class="gate-summary-title" tabIndex={-1}>
        {s().title}
      </h5>
      <p class="muted small">{s().intro}</p>
      <dl class="gate-summary-list">
        <dt>{s().outcome}</dt>
        <dd>
          <span class={`gate-outcome gate-outcome-${props.outcome}`}>{g().outcomes[props.outcome]}</span>
        </dd>
        <dt>{s().stage}</dt>
        <dd>{stageText()}</dd>
        <dt>{s().milestones}</dt>
        <dd>
          <Show when={props.conditions.length > 0} fallback={s().noMilestones}>
            <p>{s().milestonesFrom(props.conditions.length, label(effect().stage), lead())}</p>
            <ul class="gate-summary-milestones">
              <For each={props.conditions}>
                {(c) => (
                  <li>
                    <span class="gate-summary-milestone">{c.title}</span>
                    {' — '}
                    <span class="muted">
                      {c.due ? g().conditionDueOn(formatDate(locale(), c.due)) : g().noDue}
                    </span>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </dd>
        <dt>{s().rationale}</dt>
        <dd class="gate-text">{props.rationale}</dd>
        <dt>{s().signer}</dt>
        <dd>{props.signer}</dd>
      </dl>
    </section>
  );
}
