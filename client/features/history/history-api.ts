/** The REST calls of time travel. Types come from shared/ as types only. */
import type { HistoryView, ReadinessSeries, StagesOverTime } from '../../../shared/history.ts';
import { request } from '../../api.ts';

const enc = encodeURIComponent;

/** What to show: a moment (ISO date-time) or a gate review. */
export type HistoryPick = { kind: 'time'; at: string } | { kind: 'gate'; reviewId: string };

const query = (pick: HistoryPick) =>
  pick.kind === 'time' ? `at=${enc(pick.at)}` : `gate=${enc(pick.reviewId)}`;

export const historyApi = {
  at: (projectId: string, pick: HistoryPick) =>
    request<HistoryView>('GET', `/api/projects/${enc(projectId)}/history?${query(pick)}`),
  readiness: (projectId: string) =>
    request<ReadinessSeries>('GET', `/api/projects/${enc(projectId)}/history/readiness`),
  stagesOverTime: () => request<StagesOverTime>('GET', '/api/portfolio/stages-over-time'),
};
