/**
 * The first start of a real cluster, from the shell: `npm run admin` (scripts/admin.ts) run as
 * a real process against a fresh database with JALON_DEMO=0 and a real mail server. The link it
 * prints (and mails) sets the first manager's password on a real server, once, within its day;
 * reset-password signs the account out; deactivate keeps a cluster manager; usage errors say so.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, clusterManagers, user, verification } from '../../server/db/schema/index.ts';
import { createAccount } from '../support/accounts.ts';
import { ApiClient } from '../support/client.ts';
import { linkIn, type Mailbox, startMailbox } from '../support/mailbox.ts';
import { startTestServer, TEST_AUDIT_SIGNING_KEY, type TestServer } from '../support/server.ts';

const PUBLIC_URL = 'https://jalon.example.test';
const FIRST = 'ada.first@hospital.example';
const SECOND = 'grace.second@hospital.example';
const PASSWORD = 'tulip-harbour-lantern';

let dir: string;
let mailbox: Mailbox;
let server: TestServer;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npm run admin -- ...args` as the operator runs it, with the server's environment. */
function admin(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/admin.ts', ...args],
      {
        env: {
          PATH: process.env.PATH,
          NODE_ENV: 'test',
          JALON_DEMO: '0',
          DATABASE_URL: `file:${join(dir, 'jalon.db')}`,
          AUTH_SECRET: 'test-secret-test-secret-test-secret-0123',
          AUDIT_SIGNING_KEY: TEST_AUDIT_SIGNING_KEY,
          PUBLIC_URL,
          SMTP_URL: mailbox.url,
          MAIL_FROM: 'Jalon <jalon@test>',
          LOG_LEVEL: 'silent',
        },
      },
      (err, stdout, stderr) =>
        resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const tokenOf = (link: string) => new URL(link).searchParams.get('token') ?? '';
const linkPrinted = (run: Run) => run.stdout.match(/https:\/\/\S+/)?.[0] ?? '';

const setPassword = (token: string, newPassword = PASSWORD) =>
  new ApiClient(server.url).post('/api/auth/reset-password', { token, newPassword });

async function signIn(email: string, password = PASSWORD) {
  const client = new ApiClient(server.url);
  const reply = await client.signIn(email, password);
  return { client, status: reply.status, body: reply.body };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jalon-admin-'));
  mailbox = await startMailbox();
});
afterAll(async () => {
  await server?.close();
  await mailbox?.close();
  rmSync(dir, { recursive: true, force: true });
});

// Each step starts a real process (tsx, then the migrations): a few seconds each on a busy machine.
describe('npm run admin', { timeout: 120_000 }, () => {
  it('explains its usage and exits 2 on a usage error, touching nothing', async () => {
    const help = await admin('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/create-manager <email>/);
    expect(help.stdout).toMatch(/reset-password <email>/);
    expect(help.stdout).toMatch(/list-managers/);

    const cases: [string[], RegExp][] = [
      [[], /No command given/],
      [['make-admin', FIRST], /Unknown command "make-admin"/],
      [['create-manager'], /create-manager takes one e-mail address/],
      [['create-manager', 'not-an-address'], /Not an e-mail address: "not-an-address"/],
      [['deactivate', FIRST, '--name', 'Ada'], /deactivate has no --name option/],
      [['create-manager', FIRST, '--existing', '--name', 'Ada'], /no --name or --organisation with it/],
      [['create-manager', FIRST, '--colour', 'red'], /Unknown option '--colour'/],
    ];
    const runs = await Promise.all(cases.map(([args]) => admin(...args)));
    cases.forEach(([args, message], i) => {
      expect(runs[i]?.code, args.join(' ')).toBe(2);
      expect(runs[i]?.stderr, args.join(' ')).toMatch(message);
      expect(runs[i]?.stdout).toBe('');
    });
    expect(mailbox.received).toHaveLength(0);
  });

  it('creates the first cluster manager on an empty database, prints the link and mails it', async () => {
    const run = await admin('create-manager', ` ${FIRST.toUpperCase()} `, '--name', 'Ada First');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(`Created cluster manager ${FIRST} (Ada First).`);
    expect(run.stdout).toMatch(/valid 24 h/);
    expect(run.stdout).toMatch(`Mailed to ${FIRST}.`);
    const printed = linkPrinted(run);
    expect(printed.startsWith(`${PUBLIC_URL}/reset-password?token=`)).toBe(true);

    const mail = await mailbox.next(FIRST);
    expect(mail.subject).toMatch(/choose your password/);
    expect(mail.text).toMatch(/within 24 hours/);
    expect(linkIn(mail, `${PUBLIC_URL}/reset-password`)).toBe(printed);
  });

  it('the link sets the password on the server, once; the manager then signs in as cluster manager', async () => {
    server = await startTestServer({ demo: false, dir });
    const [link] = await server.deps.db.select().from(verification);
    const token = link!.identifier.replace('reset-password:', '');
    // The demo is off: the manager is the only account.
    expect(await server.deps.db.select({ email: user.email }).from(user)).toEqual([{ email: FIRST }]);
    expect((await signIn(FIRST)).status).toBe(401);

    expect((await setPassword(token)).status).toBe(200);
    const first = await signIn(FIRST);
    expect(first.status).toBe(200);
    const me = await first.client.get('/api/me');
    expect(me.body).toMatchObject({ user: { email: FIRST, name: 'Ada First' }, clusterManager: true });

    const reused = await setPassword(token, 'another-quiet-harbour');
    expect(reused.status).toBe(400);
    expect(reused.body.code).toBe('INVALID_TOKEN');
    expect((await signIn(FIRST, 'another-quiet-harbour')).status).toBe(401);

    // Every change was audited as the system, naming the command, and the chain verifies.
    const entries = await server.deps.db
      .select()
      .from(auditEvents)
      .where(like(auditEvents.reason, 'operator command:%'));
    expect(entries.map((e) => [e.entity, e.action, e.actorId])).toEqual([
      ['user', 'create', null],
      ['cluster_manager', 'create', null],
      ['user', 'update', null],
    ]);
    expect(JSON.stringify(entries)).not.toMatch(/ada|hospital/i);
    expect((await first.client.get('/api/audit/verify')).body.ok).toBe(true);
  });

  it('lists the active managers with their last sign-in', async () => {
    const run = await admin('list-managers');
    expect(run.code).toBe(0);
    const row = run.stdout.split('\n').find((l) => l.startsWith(FIRST));
    expect(row?.split('\t')).toEqual([
      FIRST,
      'Ada First',
      expect.any(String),
      expect.stringMatching(/^\d{4}-/),
    ]);
  });

  it('refuses an address that has an account; --existing makes an active account a manager', async () => {
    const [taken, none, noOrganisation] = await Promise.all([
      admin('create-manager', FIRST),
      admin('create-manager', 'nobody@hospital.example', '--existing'),
      admin('create-manager', 'new@hospital.example', '--organisation', 'chu-nord'),
    ]);
    expect(noOrganisation.code).toBe(1);
    expect(noOrganisation.stderr).toMatch(/No organisation has the slug "chu-nord": there is none yet/);
    expect(await server.deps.db.select().from(user).where(eq(user.email, 'new@hospital.example'))).toEqual(
      [],
    );
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(`${FIRST} already has an account: add --existing`);
    expect(mailbox.has(FIRST)).toBe(false);

    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/No account has the address nobody@hospital.example/);

    await createAccount(server, { name: 'Grace Second', email: SECOND, password: PASSWORD });
    const grace = await signIn(SECOND);
    expect((await grace.client.get('/api/me')).body.clusterManager).toBe(false);
    const granted = await admin('create-manager', SECOND, '--existing');
    expect(granted.code, granted.stderr).toBe(0);
    expect(granted.stdout).toMatch(
      `${SECOND} (Grace Second) is now a cluster manager; their password is unchanged.`,
    );
    expect((await grace.client.get('/api/me')).body.clusterManager).toBe(true);
    expect((await admin('create-manager', SECOND, '--existing')).stdout).toMatch(/already a cluster manager/);
  });

  it('reset-password signs the account out everywhere; only the newest link works, and only for 24 h', async () => {
    const before = await signIn(SECOND);
    expect((await before.client.get('/api/me')).status).toBe(200);

    const first = await admin('reset-password', SECOND);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Signed grace.second@hospital.example out \(2 sessions ended\)/);
    expect((await before.client.get('/api/me')).status).toBe(401);
    expect(linkIn(await mailbox.next(SECOND), `${PUBLIC_URL}/reset-password`)).toBe(linkPrinted(first));

    const second = await admin('reset-password', SECOND);
    expect(second.code).toBe(0);
    // the earlier link no longer works
    expect((await setPassword(tokenOf(linkPrinted(first)))).status).toBe(400);

    const token = tokenOf(linkPrinted(second));
    const [row] = await server.deps.db
      .select()
      .from(verification)
      .where(eq(verification.identifier, `reset-password:${token}`));
    const hoursLeft = (row!.expiresAt.getTime() - Date.now()) / 3_600_000;
    expect(hoursLeft).toBeGreaterThan(23.9);
    expect(hoursLeft).toBeLessThanOrEqual(24);
    // a day later
    await server.deps.db
      .update(verification)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(verification.id, row!.id));
    expect((await setPassword(token, 'a-brand-new-lantern')).status).toBe(400);
    expect((await signIn(SECOND, 'a-brand-new-lantern')).status).toBe(401);
    // the password itself was not changed by the reset: it still signs in
    expect((await signIn(SECOND)).status).toBe(200);

    const unknown = await admin('reset-password', 'nobody@hospital.example');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/No account has the address nobody@hospital.example/);
  });

  it('deactivate keeps a cluster manager: the last one is refused, another one is deactivated', async () => {
    const deactivated = await admin('deactivate', SECOND);
    expect(deactivated.code, deactivated.stderr).toBe(0);
    expect(deactivated.stdout).toMatch(`Deactivated ${SECOND}`);
    const refused = await signIn(SECOND);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('ACCOUNT_DEACTIVATED');
    expect((await admin('list-managers')).stdout).not.toMatch(SECOND);

    const last = await admin('deactivate', FIRST);
    expect(last.code).toBe(1);
    expect(last.stderr).toMatch(`${FIRST} is the last active cluster manager`);
    expect(last.stderr).toMatch(/list-managers/);
    expect((await signIn(FIRST)).status).toBe(200);
    const managers = await server.deps.db.select().from(clusterManagers);
    expect(managers).toHaveLength(2);

    const [again, noReset] = await Promise.all([
      admin('deactivate', SECOND),
      admin('reset-password', SECOND),
    ]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/was already deactivated/);
    expect(noReset.code).toBe(1);
    expect(noReset.stderr).toMatch(/is deactivated/);
  });
});
