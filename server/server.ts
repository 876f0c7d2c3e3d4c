/**
 * Starts Jalon: env → db → migrate → seed → app → listen. `main.ts` calls it for `npm start`;
 * tests call it with a fresh database on port 0 and close it afterwards.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { createApp, type Readiness } from './app.ts';
import { anchorAuditTrail, checkpointHead, startPeriodicCheckpoints } from './audit/checkpoints.ts';
import { loadSigningKey } from './audit/signing-key.ts';
import { type Auth, createAuth } from './auth/auth.ts';
import { createPasswordAttempts } from './auth/password-attempts.ts';
import type { Config } from './config.ts';
import { openDatabase, writeConnectionOf } from './db/client.ts';
import { applyMigrations } from './db/migrate.ts';
import { type SeededDemo, seedDemo } from './db/seed/demo.ts';
import { seedFrameworks } from './db/seed/frameworks.ts';
import { historyStart, seedDemoHistory } from './db/seed/history.ts';
import { seedClock } from './db/seed/seed-clock.ts';
import type { ServiceDeps } from './deps.ts';
import { DeferredDocuments } from './documents.ts';
import { createEffectRunner } from './effects/runner.ts';
import { DomainEvents } from './events.ts';
import { createLogger, type Logger } from './log.ts';
import { createMailer } from './mail/mailer.ts';
import { startNotificationJobs } from './notifications/scheduler.ts';
import { connectRedis } from './realtime/cluster.ts';
import { createRealtime, type Realtime, type RealtimeOptions } from './realtime/io.ts';
import { fromRoot } from './runtime-files.ts';
import { createIssuerTrust } from './sso/issuer-trust.ts';

export const defaultClientDir = fromRoot('dist/client');

export interface RunningServer {
  url: string;
  port: number;
  deps: ServiceDeps;
  /** better-auth with its plugins, for what only its server API does (registering SSO connections) */
  auth: Auth;
  realtime: Realtime;
  close(): Promise<void>;
}

export async function startServer(
  config: Config,
  options: { log?: Logger; clientDir?: string; clock?: () => Date; realtime?: Partial<RealtimeOptions> } = {},
): Promise<RunningServer> {
  const log = options.log ?? createLogger(config.logLevel);
  // The demo seed sets it in the past while it writes the demo's history, before we listen.
  const time = seedClock(options.clock ?? (() => new Date()));
  const clock = time.clock;
  const database = await openDatabase(config.databaseUrl, config.databaseAuthToken);
  // The write thread starts while the migrations run (they go through the client).
  await applyMigrations(database.db);
  await database.writable;
  const auditKey = loadSigningKey(config.auditSigningKey);
  anchorAuditTrail(database.db, auditKey, config.auditCheckpointExport, log);
  const adopted = await checkpointHead(database.db, 'adopted', clock().getTime());
  if (adopted)
    log.warn({ seq: adopted.seq }, 'signed the existing audit chain as found (docs/audit.md, "Checkpoints")');
  log.info(
    { keyId: auditKey.publicKey.keyId, publicKey: auditKey.publicKey.raw },
    'audit checkpoints signing key',
  );
  if (await seedFrameworks(database.db)) log.info('seeded the built-in maturation frameworks');
  if (config.demo && config.env === 'production')
    log.warn(
      'JALON_DEMO=1 in production: the demo accounts sign in with a published password. Never on a server with real data.',
    );
  let demo: SeededDemo | null = null;
  const present = clock();
  if (config.demo && config.demoHistory) {
    time.pin(historyStart(present));
    demo = await seedDemo(database.db, clock, { present }).finally(() => time.release());
  } else if (config.demo && (await seedDemo(database.db, clock))) log.info('seeded the demo cluster');

  const documents = new DeferredDocuments();
  const redis = config.redisUrl ? await connectRedis(config.redisUrl, log) : undefined;
  const deps: ServiceDeps = {
    db: database.db,
    log,
    clock,
    events: new DomainEvents(),
    publicUrl: config.publicUrl,
    documents,
    passwordAttempts: createPasswordAttempts({ redis: redis?.client }),
    mailer: createMailer(config.smtp, log),
    effects: createEffectRunner(() => deps, { testCrash: config.testCrash }),
  };
  let stopping = false;
  const readiness = async (): Promise<Readiness> => {
    const checks: Record<string, string> = {};
    checks.database = await database.client.execute('SELECT 1').then(
      () => 'ok',
      (err: Error) => err.message,
    );
    const writes = writeConnectionOf(database.client).problem();
    if (writes) checks.writes = writes;
    if (redis) checks.redis = redis.client.isReady ? 'ok' : 'not connected';
    if (stopping) checks.node = 'stopping';
    return { ready: Object.values(checks).every((v) => v === 'ok'), checks };
  };
  const issuerTrust = createIssuerTrust({ db: database.db, log, allowedOrigins: config.allowedOrigins });
  const auth = createAuth({
    db: database.db,
    config,
    log,
    events: deps.events,
    mailer: deps.mailer,
    issuerTrust,
    clock,
  });
  // Calls through auth.api read the origins better-auth computed when it started.
  issuerTrust.syncTo(await auth.$context);
  const app = createApp({
    ...deps,
    auth,
    issuerTrust,
    config,
    clientDir: options.clientDir ?? defaultClientDir,
    readiness,
  });

  // Listening waits for the demo's history (below): nobody sees the cluster half-seeded.
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  const realtime = createRealtime(
    server,
    { ...deps, auth, client: database.client },
    {
      allowedOrigins: config.allowedOrigins,
      redis,
      ...options.realtime,
      room: { compactRows: config.docCompactRows, ...options.realtime?.room },
      store: { commitWindowMs: config.docCommitWindowMs, ...options.realtime?.store },
      flow: { historyBytesPerHour: config.docEditorBytesPerHour, ...options.realtime?.flow },
    },
  );
  documents.bind(realtime.documents);
  if (demo) {
    await seedDemoHistory(deps, time, demo, present);
    log.info('seeded the demo cluster, with its history');
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // Documents whose log is already long fold now, before anyone joins them (a join that comes
  // first shares the load).
  void realtime
    .compactLongLogs()
    .catch((err) => log.error({ err }, 'the long logs found at start could not be folded'));
  // What a process that died owed the documents; in the background, like any late change.
  void deps.effects
    .completePending()
    .catch((err) => log.error({ err }, 'the effects left pending could not be taken up'));
  const notificationJobs = startNotificationJobs(deps, config);
  const checkpoints = startPeriodicCheckpoints(database.db, config.auditCheckpointEveryMs, clock, log);
  const port = (server.address() as AddressInfo).port;
  log.info(
    {
      port,
      url: config.publicUrl,
      database: config.databaseUrl.split('?')[0],
      nodes: redis ? 'redis' : 'one',
    },
    'Jalon is listening',
  );

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    deps,
    auth,
    realtime,
    /**
     * Graceful stop: report not ready and take no new connections, commit and acknowledge what
     * was received, then close the live connections (their clients reconnect, to another node
     * behind a load balancer), write the rooms' last projections, and let go of Redis and the
     * database.
     */
    async close() {
      stopping = true;
      // Socket.IO closes the HTTP server too, once every socket is gone.
      const httpClosed = new Promise<void>((resolve) => server.once('close', () => resolve()));
      server.close();
      server.closeIdleConnections?.();
      await notificationJobs.stop();
      deps.effects.stop();
      await checkpoints.stop();
      await realtime.close();
      server.closeAllConnections?.();
      await httpClosed;
      // A Redis that is gone would keep close() waiting for it: then just drop the connection.
      if (redis?.client.isReady) await redis.client.close().catch(() => redis.client.destroy());
      else redis?.client.destroy();
      database.close();
    },
  };
}
