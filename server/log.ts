/** Structured logs (pino). Cookies, tokens and passwords never reach a log line. */
import { pino } from 'pino';

export type Logger = pino.Logger;

export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'headers.cookie',
        'headers.authorization',
        'cookie',
        'token',
        'password',
        '*.password',
        '*.token',
        '*.cookie',
        'auth.token',
      ],
      censor: '[redacted]',
    },
  });
}
