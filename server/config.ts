/** The environment, parsed once with zod. Nothing else reads process.env. */
import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

const Env = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().default('file:./data/jalon.db'),
  DATABASE_AUTH_TOKEN: z.string().optional(),
  REDIS_URL: z
    .url()
    .refine((u) => /^rediss?:\/\//.test(u), 'REDIS_URL must start with redis:// or rediss://')
    .optional(),
  PUBLIC_URL: z.url().optional(),
  ALLOWED_ORIGINS: z.string().optional(),
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters').optional(),
  /** unset: the demo outside production only (its accounts share a published password) */
  JALON_DEMO: flag.optional(),
  /** with the demo: play its eighteen months of history too (the tests' servers mostly skip it) */
  JALON_DEMO_HISTORY: flag.default(true),
  /** a live document is compacted into a snapshot after this many logged updates */
  DOC_COMPACT_ROWS: z.coerce.number().int().min(10).max(100_000).default(500),
  /** under load, the document log commits at most once per this many ms (group commit) */
  DOC_COMMIT_WINDOW_MS: z.coerce.number().int().min(0).max(100).default(8),
  /** what one editor may add to one document's stored history per hour, in MB */
  DOC_EDITOR_MB_PER_HOUR: z.coerce.number().min(1).max(100_000).default(32),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: flag.default(false),
  /** with TRUST_PROXY: the proxies in front, each appending to X-Forwarded-For */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(1).max(10).default(1),
  SMTP_URL: z
    .url()
    .refine((u) => /^smtps?:\/\//.test(u), 'SMTP_URL must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).optional(),
  /** who may create an account: `invite` (invitations, single sign-on, a cluster manager) or `open` */
  SIGNUP: z.enum(['invite', 'open']).default('invite'),
  /** tests only: the process kills itself (SIGKILL) right before or after applying an owed effect */
  JALON_TEST_CRASH: z.enum(['before-effect', 'after-effect']).optional(),
  /** the Ed25519 key that signs the audit checkpoints: base64 of its 32-byte seed (docs/audit.md) */
  AUDIT_SIGNING_KEY: z.string().optional(),
  /** or a file holding that base64 seed (a mounted secret) */
  AUDIT_SIGNING_KEY_FILE: z.string().optional(),
  /** how often the head of the audit chain is signed and exported if it moved: `90s`, `15m`, `1h` */
  AUDIT_CHECKPOINT_EVERY: z
    .string()
    .regex(/^\d+(s|m|h)?$/, 'AUDIT_CHECKPOINT_EVERY is a duration such as 90s, 15m or 1h')
    .default('1h'),
  /** gate and periodic checkpoints are appended to this file, one JSON line each */
  AUDIT_CHECKPOINT_FILE: z.string().optional(),
  /** and/or POSTed, as JSON, to this URL */
  AUDIT_CHECKPOINT_WEBHOOK: z.url().optional(),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string;
  databaseAuthToken: string | undefined;
  /** several nodes share Socket.IO rooms and document updates through this Redis; null: one node */
  redisUrl: string | null;
  publicUrl: string;
  allowedOrigins: string[];
  authSecret: string;
  demo: boolean;
  /** with `demo`: seed the demo's history (db/seed/history.ts) */
  demoHistory: boolean;
  docCompactRows: number;
  docCommitWindowMs: number;
  /** what one editor may add to one document's update log per hour, bytes */
  docEditorBytesPerHour: number;
  logLevel: string;
  trustProxy: boolean;
  /** with trustProxy: the client address is X-Forwarded-For's entry this many from the right */
  trustProxyHops: number;
  /** outgoing mail (the weekly digest); null: no e-mail is sent */
  smtp: { url: string; from: string } | null;
  /** `invite`: no self sign-up; `open`: anyone may sign up, and signs in once the address is verified */
  signup: 'invite' | 'open';
  /** NODE_ENV=test only: where the process dies on purpose, to test what a restart completes */
  testCrash: 'before-effect' | 'after-effect' | null;
  /** the 32-byte Ed25519 seed that signs the audit checkpoints (server/audit/signing-key.ts) */
  auditSigningKey: Buffer;
  /** the head of the audit chain is signed and exported this often, if it moved */
  auditCheckpointEveryMs: number;
  /** where gate, periodic and adopted checkpoints are exported, besides the database */
  auditCheckpointExport: { file: string | null; webhook: string | null };
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  // Open sign-up signs in only addresses that followed a mailed link: without mail, nobody could.
  if (e.SIGNUP === 'open' && !e.SMTP_URL)
    throw new Error(
      'Invalid environment:\n  SIGNUP: open needs SMTP_URL, to mail the links that verify addresses',
    );
  if (e.JALON_TEST_CRASH && e.NODE_ENV !== 'test')
    throw new Error('Invalid environment:\n  JALON_TEST_CRASH: only with NODE_ENV=test');
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  const allowedOrigins = e.ALLOWED_ORIGINS
    ? e.ALLOWED_ORIGINS.split(',')
        .map((o) => o.trim().replace(/\/$/, ''))
        .filter(Boolean)
    : [new URL(publicUrl).origin];
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databaseAuthToken: e.DATABASE_AUTH_TOKEN,
    redisUrl: e.REDIS_URL ?? null,
    publicUrl,
    allowedOrigins,
    authSecret: e.AUTH_SECRET ?? localSecret(e.NODE_ENV, e.DATABASE_URL),
    demo: e.JALON_DEMO ?? e.NODE_ENV !== 'production',
    demoHistory: e.JALON_DEMO_HISTORY,
    docCompactRows: e.DOC_COMPACT_ROWS,
    docCommitWindowMs: e.DOC_COMMIT_WINDOW_MS,
    docEditorBytesPerHour: Math.round(e.DOC_EDITOR_MB_PER_HOUR * 1024 * 1024),
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    trustProxyHops: e.TRUST_PROXY_HOPS,
    smtp: e.SMTP_URL
      ? { url: e.SMTP_URL, from: e.MAIL_FROM ?? `Jalon <no-reply@${new URL(publicUrl).hostname}>` }
      : null,
    signup: e.SIGNUP,
    testCrash: e.JALON_TEST_CRASH ?? null,
    auditSigningKey: auditSigningKey(e),
    auditCheckpointEveryMs: durationMs(e.AUDIT_CHECKPOINT_EVERY, 'AUDIT_CHECKPOINT_EVERY'),
    auditCheckpointExport: {
      file: e.AUDIT_CHECKPOINT_FILE ?? null,
      webhook: e.AUDIT_CHECKPOINT_WEBHOOK ?? null,
    },
  };
}

const DURATION_UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000 } as const;

/** `90s`, `15m`, `1h` (a bare number is seconds), between one second and a week. */
function durationMs(value: string, name: string): number {
  const unit = (value.match(/[smh]$/)?.[0] ?? 's') as keyof typeof DURATION_UNIT_MS;
  const ms = Number.parseInt(value, 10) * DURATION_UNIT_MS[unit];
  if (!(ms >= 1000 && ms <= 7 * 24 * 3_600_000))
    throw new Error(`Invalid environment:\n  ${name}: between 1s and 168h`);
  return ms;
}

/**
 * The audit signing key: AUDIT_SIGNING_KEY or the file AUDIT_SIGNING_KEY_FILE names, holding the
 * base64 of a 32-byte Ed25519 seed (`openssl rand -base64 32`). Outside production a missing key
 * is generated once beside the embedded database; production must set it, since a key that
 * lives with the database would let whoever can write the database sign checkpoints too.
 */
function auditSigningKey(e: z.infer<typeof Env>): Buffer {
  if (e.AUDIT_SIGNING_KEY && e.AUDIT_SIGNING_KEY_FILE)
    throw new Error('Invalid environment:\n  AUDIT_SIGNING_KEY: set it or AUDIT_SIGNING_KEY_FILE, not both');
  let text = e.AUDIT_SIGNING_KEY;
  let source = 'AUDIT_SIGNING_KEY';
  if (e.AUDIT_SIGNING_KEY_FILE) {
    source = `AUDIT_SIGNING_KEY_FILE (${e.AUDIT_SIGNING_KEY_FILE})`;
    try {
      text = readFileSync(e.AUDIT_SIGNING_KEY_FILE, 'utf8');
    } catch (err) {
      throw new Error(`Invalid environment:\n  ${source}: cannot read it (${(err as Error).message})`);
    }
  }
  if (text === undefined) {
    if (e.NODE_ENV === 'production')
      throw new Error(
        'AUDIT_SIGNING_KEY (or AUDIT_SIGNING_KEY_FILE) is required in production: it signs the audit checkpoints and must live outside the database (openssl rand -base64 32)',
      );
    text = localFile(e.DATABASE_URL, '.audit-signing-key', () => randomBytes(32).toString('base64'));
    source = 'the local .audit-signing-key';
  }
  const seed = Buffer.from(text.trim(), 'base64');
  if (seed.length !== 32 || seed.toString('base64') !== text.trim())
    throw new Error(
      `Invalid environment:\n  ${source}: must be the base64 of 32 random bytes (openssl rand -base64 32)`,
    );
  return seed;
}

/**
 * A file kept beside the embedded database, created once with `make()`'s content. Linked into
 * place, so that nodes starting together on one database agree on the first one written.
 */
function localFile(databaseUrl: string, name: string, make: () => string): string {
  const dbPath = databaseUrl.startsWith('file:') ? databaseUrl.slice('file:'.length) : './data/jalon.db';
  const path = `${dirname(dbPath)}/${name}`;
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  mkdirSync(dirname(path), { recursive: true });
  const draft = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, make(), { mode: 0o600 });
  try {
    linkSync(draft, path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    rmSync(draft, { force: true });
  }
  return readFileSync(path, 'utf8').trim();
}

/**
 * Outside production a missing AUTH_SECRET is generated once and kept beside the embedded
 * database, so sessions survive restarts. Production must set it.
 */
function localSecret(env: string, databaseUrl: string): string {
  if (env === 'production') throw new Error('AUTH_SECRET is required in production (openssl rand -hex 32)');
  const dbPath = databaseUrl.startsWith('file:') ? databaseUrl.slice('file:'.length) : './data/jalon.db';
  const path = `${dirname(dbPath)}/.auth-secret`;
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  mkdirSync(dirname(path), { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(path, secret, { mode: 0o600 });
  return secret;
}
