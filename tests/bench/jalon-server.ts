/**
 * The Jalon server as the benchmark runs it: exactly what `server/main.ts` does (environment →
 * startServer → stop cleanly on SIGTERM), except that the built client is served from
 * BENCH_CLIENT_DIR (a copy built for the benchmark, never dist/).
 */
import { loadConfig } from '../../server/config.ts';
import { createLogger } from '../../server/log.ts';
import { defaultClientDir, startServer } from '../../server/server.ts';

const config = loadConfig();
const log = createLogger(config.logLevel);
const server = await startServer(config, {
  log,
  clientDir: process.env.BENCH_CLIENT_DIR ?? defaultClientDir,
});

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close().then(
      () => process.exit(0),
      (err) => {
        log.error({ err }, 'unclean stop');
        process.exit(1);
      },
    );
  });
}
