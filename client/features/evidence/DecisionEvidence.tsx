import { For, Show } from 'solid-js';
import type { GateDecision } from '../../../shared/schemas/gates.ts';
import { useI18n } from '../../app-context.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { evidenceApi } from './evidence-api.ts';

/**
 * The exact evidence versions a gate decision was signed on, each downloadable as it was then,
 * with the start of its content hash (the full hash is in the title, for comparing with a copy).
 */
export function DecisionEvidence(props: { projectId: string; evidence: GateDecision['evidence'] }) {
  const { t, locale } = useI18n();
  const e = () => t().evidence;
  return (
    <Show when={props.evidence.length > 0}>
      <h5 class="gate-block-title">{e().decisionFiles}</h5>
      <ul class="evidence-log">
        <For each={props.evidence}>
          {(file) => (
            <li class="small">
              <a href={evidenceApi.fileUrl(props.projectId, file.versionId)} download={file.fileName}>
                {e().decisionFile(file.fileName, formatNumber(locale(), file.version))}
              </a>{' '}
              <code class="muted" title={`SHA-256 ${file.sha256}`}>
                {file.sha256.slice(0, 12)}
              </code>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
