/** The REST call of the portfolio analytics. Types come from shared/ as types only. */
import type { PortfolioAnalytics } from '../../../shared/schemas/analytics.ts';
import { request } from '../../api.ts';

export const analyticsApi = {
  portfolio: (track: string) =>
    request<PortfolioAnalytics>(
      'GET',
      `/api/portfolio/analytics${track ? `?track=${encodeURIComponent(track)}` : ''}`,
    ),
};
