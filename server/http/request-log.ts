/**
 * One log line per API request: method, path, status, time, who. Never headers, bodies, query
 * strings or the secret tokens some paths carry (log-safe-path.ts).
 */
import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../log.ts';
import type { AppEnv } from './context.ts';
import { logSafePath } from './log-safe-path.ts';

export function requestLog(log: Logger): MiddlewareHandler<AppEnv> {
  return async function logRequest(c, next) {
    const started = performance.now();
    await next();
    const status = c.res.status;
    const line = {
      method: c.req.method,
      path: logSafePath(c.req.path),
      status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      userId: c.get('actor')?.id,
      ip: c.get('clientIp'),
    };
    if (status >= 500) log.error(line, 'request');
    else if (status === 401 || status === 403 || status === 404 || status === 429)
      log.warn(line, 'request refused');
    else log.debug(line, 'request');
  };
}
