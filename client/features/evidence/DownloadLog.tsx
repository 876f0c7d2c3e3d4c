import { createResource, For, Show } from 'solid-js';
import { useI18n } from '../../app-context.tsx';
import { InlineLoadFailed } from '../../components/LoadStates.tsx';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import { evidenceApi } from './evidence-api.ts';
import './evidence.css';

/** Who downloaded which evidence version, when: the project lead's and the programme office's. */
export function DownloadLog(props: { projectId: string }) {
  const { t, locale } = useI18n();
  const e = () => t().evidence;
  const [log, { refetch }] = createResource(() => props.projectId, evidenceApi.downloads);
  return (
    <section class="panel criteria-group" aria-labelledby="evidence-downloads-title">
      <h3 id="evidence-downloads-title" class="panel-title">
        {e().downloadLog}
      </h3>
      <p class="muted small">{e().downloadLogIntro}</p>
      <Show
        when={!log.error}
        fallback={<InlineLoadFailed message={e().downloadLogError} error={log.error} onRetry={refetch} />}
      >
        <Show
          when={log.latest}
          fallback={
            <p class="muted small" role="status">
              {e().downloadLogLoading}
            </p>
          }
        >
          {(loaded) => (
            <Show
              when={loaded().downloads.length > 0}
              fallback={<p class="muted small">{e().downloadLogEmpty}</p>}
            >
              <ul class="evidence-log">
                <For each={loaded().downloads}>
                  {(d) => (
                    <li class="small">
                      {e().downloadLogLine(
                        d.reader.name,
                        d.fileName,
                        formatNumber(locale(), d.version),
                        formatDateTime(locale(), d.at),
                      )}
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          )}
        </Show>
      </Show>
    </section>
  );
}
