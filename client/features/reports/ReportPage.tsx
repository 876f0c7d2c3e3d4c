import '../gates/gates.css';
import './report.css';
import { A, useParams } from '@solidjs/router';
import { createMemo, createResource, For, Show } from 'solid-js';
import { SIGNATURE_MEANING } from '../../../shared/constants.ts';
import type { ProjectReport } from '../../../shared/reports.ts';
import { useApp, useI18n } from '../../app-context.tsx';
import { COMPACT_RADAR, RadarChart, type RadarLayout } from '../../components/charts/RadarChart.tsx';
import { LoadedPage } from '../../components/LoadedPage.tsx';
import { Shell } from '../../components/Shell.tsx';
import { useStageName } from '../../components/StageBadge.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format.ts';
import { ConditionList } from '../gates/ConditionList.tsx';
import { SignatureProof } from '../gates/SignatureProof.tsx';
import { reportApi } from './report-api.ts';

/** Room beside the radar for the dimension names, wrapped on short lines, at print size. */
const PRINT_RADAR: RadarLayout = { radius: 120, side: 110, top: 50, fontSize: 11 };

/**
 * On a phone the print layout would shrink its names below reading size: the readiness tab's
 * compact radar keeps them at about 11 px on a 390 px screen.
 */
const radarLayout = (): RadarLayout =>
  typeof matchMedia !== 'undefined' && matchMedia('screen and (max-width: 600px)').matches
    ? COMPACT_RADAR
    : PRINT_RADAR;

/**
 * A project's report for paper or PDF (the browser's print): summary, stage history with the
 * signed gate decisions, readiness now and at the last gate, and the milestones by stage, in
 * the reader's language. The screen shows it as it will print, with a print button above it.
 */
export function ReportPage() {
  const params = useParams();
  const { t } = useI18n();
  const [report, { refetch }] = createResource(() => params.id, reportApi.project);
  const loaded = () => (report.error ? undefined : report.latest);
  useDocumentTitle(() =>
    loaded() ? `${loaded()!.project.title} — ${t().report.title}` : t().report.loading,
  );

  return (
    <Shell>
      <LoadedPage
        resource={report}
        onRetry={() => void refetch()}
        notFound={{ title: t().project.notFoundTitle, body: t().project.notFoundBody }}
        homeLink
        errorTitle={t().report.errorTitle}
        loading={t().report.loading}
      >
        {(r) => <Report report={r()} />}
      </LoadedPage>
    </Shell>
  );
}

function Report(props: { report: ProjectReport }) {
  const { frameworks } = useApp();
  const { t, locale } = useI18n();
  const r = () => t().report;
  const g = () => t().gates;
  const n = (x: number) => formatNumber(locale(), x);
  const p = () => props.report.project;
  const stageName = useStageName();
  const dimensions = () => frameworks[0].catalogue?.dimensions ?? [];
  const dimensionName = (id: string) => dimensions().find((d) => d.id === id)?.name[locale()] ?? id;
  const gateName = (stage: number) => frameworks[1].stage(p().track, stage)?.gateName[locale()] ?? '';
  const byStage = createMemo(() => {
    const groups = new Map<number, ProjectReport['milestones']>();
    for (const m of props.report.milestones) groups.set(m.stage, [...(groups.get(m.stage) ?? []), m]);
    return [...groups.entries()].sort(([a], [b]) => a - b);
  });
  const radarIds = () => props.report.readiness.map((x) => x.dimension);
  const outcomeOf = (reviewId: string | null) =>
    props.report.gates.find((gate) => gate.id === reviewId)?.decision?.outcome;

  return (
    <article class="report">
      <div class="report-toolbar">
        <A href={`/projects/${p().id}`} class="back-link">
          <span aria-hidden="true">←</span> {r().back}
        </A>
        <button type="button" class="button button-primary" onClick={() => window.print()}>
          {r().print}
        </button>
      </div>

      <header class="report-head">
        <p class="report-kind">Jalon · {r().title}</p>
        <h1 class="report-title">{p().title}</h1>
        <p class="muted small">
          {r().generated(formatDateTime(locale(), props.report.generatedAt))} · {r().confidential}
        </p>
      </header>

      <section class="report-section" aria-labelledby="report-summary">
        <h2 id="report-summary">{r().summary}</h2>
        <p class="report-summary">{p().summary || r().noSummary}</p>
        <dl class="report-facts">
          <dt>{r().facts.lead}</dt>
          <dd>{p().leadOrganisation.name}</dd>
          <Show when={p().partners.length > 0}>
            <dt>{r().facts.partners}</dt>
            <dd>
              {p()
                .partners.map((x) => x.organisation.name)
                .join(', ')}
            </dd>
          </Show>
          <dt>{r().facts.track}</dt>
          <dd>{frameworks[1].trackName(p().track, locale())}</dd>
          <dt>{r().facts.stage}</dt>
          <dd>
            {n(p().stage)} · {stageName(p().track, p().stage)}
            <Show when={p().archived}> ({r().facts.archived})</Show>
          </dd>
          <dt>{r().facts.milestones}</dt>
          <dd>
            {r().milestoneCounts(
              props.report.health.done,
              n(props.report.health.done),
              n(props.report.health.total),
              n(props.report.health.overdue),
            )}
          </dd>
          <dt>{r().facts.started}</dt>
          <dd>{formatDate(locale(), p().createdAt)}</dd>
        </dl>
      </section>

      <section class="report-section" aria-labelledby="report-history">
        <h2 id="report-history">{r().history}</h2>
        <table class="report-table">
          <thead>
            <tr>
              <th scope="col">{r().historyDate}</th>
              <th scope="col">{r().historyStage}</th>
              <th scope="col">{r().historyHow}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.report.stageHistory}>
              {(step) => (
                <tr>
                  <td>{formatDate(locale(), step.at)}</td>
                  <td>
                    {n(step.stage)} · {stageName(p().track, step.stage)}
                  </td>
                  <td>
                    {step.reviewId
                      ? r().byGate(g().outcomes[outcomeOf(step.reviewId) ?? 'go'])
                      : r().startedAt}
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </section>

      <section class="report-section" aria-labelledby="report-gates">
        <h2 id="report-gates">{r().gates}</h2>
        <Show when={props.report.gates.length > 0} fallback={<p class="muted">{r().noGates}</p>}>
          <For each={props.report.gates}>
            {(gate) => (
              <Show when={gate.decision}>
                {(d) => (
                  <div class="report-gate">
                    <h3>
                      {gateName(gate.stageIndex)} —{' '}
                      <span class={`gate-outcome gate-outcome-${d().outcome}`}>
                        {g().outcomes[d().outcome]}
                      </span>
                    </h3>
                    <p class="report-text">{d().rationale}</p>
                    <Show when={d().conditions.length > 0}>
                      <p class="report-label">{g().conditions}</p>
                      <ConditionList conditions={d().conditions} />
                    </Show>
                    <Show when={gate.recommendations.length > 0}>
                      <p class="report-label">{g().recommendations}</p>
                      <ul>
                        <For each={gate.recommendations}>
                          {(rec) => (
                            <li>
                              {rec.reviewer.name}: {g().outcomes[rec.recommendation]}
                              <Show when={rec.conflictOfInterest}>
                                {' '}
                                <strong>({g().conflict})</strong>
                              </Show>
                            </li>
                          )}
                        </For>
                      </ul>
                    </Show>
                    <div class="report-signature">
                      <p>
                        <strong>
                          {g().signedBy(
                            d().signature.signer.name,
                            formatDateTime(locale(), d().signature.signedAt),
                          )}
                        </strong>
                      </p>
                      <SignatureProof signature={d().signature} />
                      <p>
                        {g().meaning(
                          d().signature.meaning === SIGNATURE_MEANING
                            ? g().approvedMeaning
                            : d().signature.meaning,
                        )}
                      </p>
                    </div>
                  </div>
                )}
              </Show>
            )}
          </For>
        </Show>
      </section>

      <section class="report-section report-readiness" aria-labelledby="report-readiness">
        <h2 id="report-readiness">{r().readiness}</h2>
        <Show when={props.report.readiness.length > 0} fallback={<p class="muted">{r().noReadiness}</p>}>
          <div class="report-readiness-body">
            <figure class="report-figure">
              <RadarChart
                class="report-radar"
                layout={radarLayout()}
                names={radarIds().map(dimensionName)}
                now={props.report.readiness.map((x) => x.level)}
                compare={
                  props.report.readinessAtLastGate
                    ? radarIds().map((id) => props.report.readinessAtLastGate?.[id] ?? null)
                    : null
                }
                label={props.report.readiness
                  .map((x) => `${dimensionName(x.dimension)} ${n(x.level)}`)
                  .join(', ')}
              />
              <figcaption class="report-legend">
                <span class="report-legend-now">{r().readinessNow}</span>
                <Show when={props.report.readinessAtLastGate}>
                  <span class="report-legend-gate">{r().readinessLastGate}</span>
                </Show>
              </figcaption>
            </figure>
            <table class="report-table">
              <thead>
                <tr>
                  <th scope="col">{r().dimension}</th>
                  <th scope="col" class="num">
                    {r().readinessNow}
                  </th>
                  <Show when={props.report.readinessAtLastGate}>
                    <th scope="col" class="num">
                      {r().readinessLastGate}
                    </th>
                  </Show>
                  <th scope="col">{r().evidence}</th>
                </tr>
              </thead>
              <tbody>
                <For each={props.report.readiness}>
                  {(x) => (
                    <tr>
                      <th scope="row">{dimensionName(x.dimension)}</th>
                      <td class="num">{n(x.level)}</td>
                      <Show when={props.report.readinessAtLastGate}>
                        {(levels) => (
                          <td class="num">
                            {levels()[x.dimension] === undefined ? r().none : n(levels()[x.dimension]!)}
                          </td>
                        )}
                      </Show>
                      <td class="report-evidence">{x.evidence || r().none}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </Show>
      </section>

      <section class="report-section" aria-labelledby="report-milestones">
        <h2 id="report-milestones">{r().milestones}</h2>
        <Show when={byStage().length > 0} fallback={<p class="muted">{r().noMilestones}</p>}>
          <For each={byStage()}>
            {([stage, list]) => (
              <>
                <h3 class="report-stage">{r().stageHeading(n(stage), stageName(p().track, stage))}</h3>
                <table class="report-table report-milestones">
                  <colgroup>
                    <col class="report-col-title" />
                    <col class="report-col-status" />
                    <col class="report-col-due" />
                    <col class="report-col-owner" />
                  </colgroup>
                  <thead>
                    <tr>
                      <th scope="col">{r().milestoneTitle}</th>
                      <th scope="col">{r().status}</th>
                      <th scope="col">{r().due}</th>
                      <th scope="col">{r().owner}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={list}>
                      {(m) => (
                        <tr>
                          <td>{m.title}</td>
                          <td>
                            <span class={`report-status report-status-${m.status}`}>
                              {t().room.statuses[m.status]}
                            </span>
                          </td>
                          <td>{m.due ? formatDate(locale(), m.due) : r().none}</td>
                          <td>{m.owner ?? r().none}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </>
            )}
          </For>
        </Show>
      </section>
    </article>
  );
}
