import { A, useSearchParams } from '@solidjs/router';
import { createSignal, For, type JSX, Show } from 'solid-js';
import type { Locale } from '../../../../shared/domain.ts';
import type { Framework } from '../../../../shared/schemas/frameworks.ts';
import { useI18n } from '../../../app-context.tsx';
import { StatePanel } from '../../../components/StatePanel.tsx';
import { useDocumentTitle } from '../../../components/use-document-title.ts';
import { formatDateTime, formatNumber } from '../../../i18n/format.ts';
import { BackToFrameworks } from './BackLink.tsx';
import type { AdminFrameworks } from './frameworks-admin-api.ts';

type Shown = 'both' | Locale;

/**
 * One track: a version's levels, stages and gate criteria in English, French or both side by
 * side; the readiness dimensions; the version history; the ways to edit and to copy it. Edits
 * start from the current version only, so an older one offers the way to it instead.
 */
export function TrackPage(props: { data: AdminFrameworks; lineage: string }) {
  const { t, locale } = useI18n();
  const a = () => t().frameworksAdmin;
  const n = (x: number) => formatNumber(locale(), x);
  const [params] = useSearchParams();
  const track = () => props.data.tracks.find((tr) => tr.lineage === props.lineage);
  const current = () => track()?.versions[0];
  const framework = (): Framework | undefined => {
    const wanted = typeof params.version === 'string' ? params.version : current()?.id;
    return props.data.catalogue.frameworks.find((f) => f.id === wanted && f.lineage === props.lineage);
  };
  const [shown, setShown] = createSignal<Shown>('both');
  const langs = (): Locale[] => (shown() === 'both' ? ['en', 'fr'] : [shown() as Locale]);
  useDocumentTitle(() => `${framework()?.name[locale()] ?? a().notFoundTitle} · ${a().pageTitle}`);

  /** A text in the languages chosen; each marked with its language for screen readers. */
  const texts = (value: { en: string; fr: string }, tag: 'p' | 'span' = 'span'): JSX.Element => (
    <span class="fw-texts" classList={{ 'fw-texts-both': shown() === 'both' }}>
      <For each={langs()}>
        {(lang) =>
          tag === 'p' ? (
            <p lang={lang} class="fw-text">
              {value[lang]}
            </p>
          ) : (
            <span lang={lang} class="fw-text">
              {value[lang]}
            </span>
          )
        }
      </For>
    </span>
  );

  return (
    <>
      <BackToFrameworks />
      <Show
        when={framework()}
        fallback={<StatePanel title={a().notFoundTitle} body={a().notFoundBody} icon="search" level={1} />}
      >
        {(f) => (
          <div class="fw-page">
            <div class="page-head fw-head">
              <h1 class="page-title">{f().name[locale()]}</h1>
              <span class="tag" classList={{ 'tag-warning': !f().current }}>
                {a().versionOf(n(f().version))} · {f().current ? a().currentTag : a().olderTag}
              </span>
              <div class="fw-head-actions">
                <Show when={f().current}>
                  <A href={`/admin/frameworks/${props.lineage}/edit`} class="button button-primary">
                    {a().edit}
                  </A>
                </Show>
                <A href={`/admin/frameworks/${props.lineage}/copy?from=${f().id}`} class="button">
                  {a().copy}
                </A>
              </div>
            </div>
            <Show when={!f().current && current()}>
              {(c) => (
                <p class="notice fw-notice">
                  {a().olderNotice(n(f().version), n(c().version))}{' '}
                  <A href={`/admin/frameworks/${props.lineage}`}>{a().view(n(c().version))}</A>
                </p>
              )}
            </Show>
            <Show when={typeof params.saved === 'string' && params.saved}>
              {(v) => (
                <p class="fw-saved" role="status">
                  {params.saved === '1' ? a().copied : a().saved(n(Number(v())))}
                </p>
              )}
            </Show>
            {texts(f().description, 'p')}
            <fieldset class="segmented fw-lang-switch">
              <legend class="fw-lang-legend">{a().languages}</legend>
              <For each={['both', 'en', 'fr'] as Shown[]}>
                {(s) => (
                  <label class="fw-segment" classList={{ 'fw-segment-on': shown() === s }}>
                    <input
                      type="radio"
                      name="fw-languages"
                      value={s}
                      checked={shown() === s}
                      onChange={() => setShown(s)}
                      class="visually-hidden"
                    />
                    {s === 'both' ? a().both : s === 'en' ? a().english : a().french}
                  </label>
                )}
              </For>
            </fieldset>

            <section class="fw-section" aria-labelledby="fw-stages-title">
              <h2 id="fw-stages-title" class="fw-section-title">
                {a().stages}
              </h2>
              <ol class="fw-stage-list">
                <For each={f().stages}>
                  {(s) => (
                    <li class="card fw-stage">
                      <h3 class="fw-stage-name">{texts(s.name)}</h3>
                      <p class="muted small">
                        {a().stageRange(n(s.minLevel), n(s.maxLevel))} · {a().gate(s.gateName[locale()])}
                      </p>
                      <Show
                        when={s.criteria.length > 0}
                        fallback={<p class="muted small">{a().noCriteria}</p>}
                      >
                        <For each={['must', 'should'] as const}>
                          {(kind) => (
                            <Show when={s.criteria.some((c) => c.kind === kind)}>
                              <h4 class="fw-kind">{kind === 'must' ? a().must : a().should}</h4>
                              <ul class="fw-criteria">
                                <For each={s.criteria.filter((c) => c.kind === kind)}>
                                  {(c) => <li>{texts(c.text)}</li>}
                                </For>
                              </ul>
                            </Show>
                          )}
                        </For>
                      </Show>
                    </li>
                  )}
                </For>
              </ol>
            </section>

            <section class="fw-section" aria-labelledby="fw-levels-title">
              <h2 id="fw-levels-title" class="fw-section-title">
                {a().levels}
              </h2>
              <ol class="card fw-level-list">
                <For each={f().levels}>
                  {(l) => (
                    <li class="fw-level">
                      <span class="fw-level-number">{a().level(n(l.level))}</span>
                      <div>
                        <strong>{texts(l.title)}</strong>
                        <div class="muted small">{texts(l.description)}</div>
                      </div>
                    </li>
                  )}
                </For>
              </ol>
            </section>

            <section class="fw-section" aria-labelledby="fw-dims-title">
              <h2 id="fw-dims-title" class="fw-section-title">
                {a().dimensions}
              </h2>
              <p class="muted fw-note">{a().dimensionsNote}</p>
              <ul class="card fw-dimension-list">
                <For each={props.data.catalogue.dimensions}>
                  {(d) => (
                    <li class="fw-dimension-row">
                      <div>
                        <span class="fw-dimension-name">{texts(d.name)}</span>
                        <div class="muted small">{texts(d.description)}</div>
                      </div>
                      <A
                        href={`/admin/frameworks/dimensions/${d.id}`}
                        class="button button-small"
                        aria-label={a().editDimension(d.name[locale()])}
                      >
                        {a().edit}
                      </A>
                    </li>
                  )}
                </For>
              </ul>
            </section>

            <section class="fw-section" aria-labelledby="fw-history-title">
              <h2 id="fw-history-title" class="fw-section-title">
                {a().history}
              </h2>
              <ol class="card fw-history">
                <For each={track()?.versions ?? []}>
                  {(v) => (
                    <li class="fw-history-row" aria-current={v.id === f().id ? 'true' : undefined}>
                      <div class="fw-history-main">
                        <Show
                          when={v.id !== f().id}
                          fallback={
                            <strong>
                              {a().versionOf(n(v.version))} · {a().viewing}
                            </strong>
                          }
                        >
                          <A href={`/admin/frameworks/${props.lineage}?version=${v.id}`}>
                            {a().versionOf(n(v.version))}
                          </A>
                        </Show>
                        <Show when={v.current}>
                          <span class="tag">{a().currentTag}</span>
                        </Show>
                      </div>
                      <p class="small">{v.changeNote || a().seeded}</p>
                      <p class="muted small">
                        {formatDateTime(locale(), v.createdAt)}
                        {v.createdBy ? ` · ${v.createdBy.name}` : ''} ·{' '}
                        {a().projects(v.projectCount, n(v.projectCount))}
                      </p>
                    </li>
                  )}
                </For>
              </ol>
            </section>
          </div>
        )}
      </Show>
    </>
  );
}
