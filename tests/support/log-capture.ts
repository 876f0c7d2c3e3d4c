/** A logger whose lines are kept in memory, to assert what a server logs (and never logs). */
import { createLogger, type Logger } from '../../server/log.ts';

export interface CapturedLog {
  log: Logger;
  /** every line so far, as written (JSON, one per line) */
  text(): string;
  lines(): Record<string, unknown>[];
}

export function captureLog(level = 'trace'): CapturedLog {
  const written: string[] = [];
  const log = createLogger(level, { write: (line: string) => void written.push(line) });
  return {
    log,
    text: () => written.join(''),
    lines: () => written.map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}
