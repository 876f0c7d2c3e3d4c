/** Structured logs (pino). Cookies, tokens and passwords never reach a log line. */
import { pino } from 'pino';

export type Logger = pino.Logger;

/** `destination`: where the JSON lines go (stdout by default; tests capture them). */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
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
        'newPassword',
        '*.newPassword',
        'currentPassword',
        '*.currentPassword',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
