/** Reports: the portfolio as CSV, a project's printable report. Thin routes. */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { CsvQuery, ProjectReport } from '../../shared/reports.ts';
import type { ServiceDeps } from '../deps.ts';
import { requireActor } from '../http/context.ts';
import { createRouter, errors, IdParam, json } from '../http/router.ts';
import { portfolioCsv } from './portfolio-csv.ts';
import { projectReport } from './project-report.ts';
import { readerPreferences } from './reader-preferences.ts';

export function reportRoutes(deps: ServiceDeps) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/reports/portfolio.csv',
        tags: ['reports'],
        summary: 'The portfolio you may see, as CSV (same filters as GET /projects)',
        request: { query: CsvQuery },
        responses: {
          200: { description: 'CSV, UTF-8 with BOM', content: { 'text/csv': { schema: z.string() } } },
          ...errors,
        },
      }),
      async (c) => {
        const actor = requireActor(c);
        const q = c.req.valid('query');
        const reader = await readerPreferences(deps, actor.id);
        const csv = await portfolioCsv(
          deps,
          actor,
          {
            q: q.q ?? '',
            track: q.track ?? null,
            stage: q.stage ?? null,
            kind: q.kind ?? null,
            mine: q.mine === '1' || q.mine === 'true',
          },
          { locale: q.lang ?? reader.locale, timeZone: reader.timeZone },
        );
        const day = deps.clock().toISOString().slice(0, 10);
        return c.body(csv, 200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="jalon-portfolio-${day}.csv"`,
          'cache-control': 'no-store',
        });
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/projects/{id}/report',
        tags: ['reports'],
        summary:
          "A project's report: summary, stage history with signed gate decisions, readiness, milestones",
        request: { params: IdParam },
        responses: { 200: json(ProjectReport, 'The report'), ...errors },
      }),
      async (c) => c.json(await projectReport(deps, requireActor(c), c.req.valid('param').id), 200),
    );
}
