/** The printable report's one request. */
import type { ProjectReport } from '../../../shared/reports.ts';
import { request } from '../../api.ts';

export const reportApi = {
  project: (id: string) => request<ProjectReport>('GET', `/api/projects/${encodeURIComponent(id)}/report`),
  /** the portfolio CSV's address for the given filters (a plain link downloads it) */
  portfolioCsvUrl(params: Record<string, string | undefined>): string {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
    const query = search.toString();
    return `/api/reports/portfolio.csv${query ? `?${query}` : ''}`;
  },
};
