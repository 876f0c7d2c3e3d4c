/**
 * `npm run admin -- <command>`: what an operator does from a shell when nobody can sign in, on
 * the database of DATABASE_URL, with the server's environment (AUTH_SECRET, AUDIT_SIGNING_KEY,
 * PUBLIC_URL for the links, SMTP_URL to mail them). The commands live in server/operator/;
 * this file reads the arguments and prints. Exit codes: 0 done, 1 refused or failed, 2 usage.
 */
import { parseArgs } from 'node:util';
import type { IssuedLink, OperatorDeps } from '../server/operator/operator-deps.ts';
import { PASSWORD_LINK_HOURS } from '../server/operator/password-link-hours.ts';

// The server's modules load only once the arguments are understood: usage errors and --help
// answer at once.
const load = () =>
  Promise.all([
    import('../server/config.ts'),
    import('../server/errors.ts'),
    import('../server/log.ts'),
    import('../server/operator/open-operator.ts'),
    import('../server/operator/create-manager.ts'),
    import('../server/operator/reset-password.ts'),
    import('../server/operator/deactivate.ts'),
    import('../server/operator/list-managers.ts'),
  ]);
type Loaded = Awaited<ReturnType<typeof load>>;

const USAGE = `Usage: npm run admin -- <command> [options]

Commands:
  create-manager <email> [--name "Full Name"] [--organisation <slug>]
      Create a cluster manager account and print a one-time link (valid ${PASSWORD_LINK_HOURS} h)
      to choose its password; with SMTP_URL set, the link is also mailed.
  create-manager <email> --existing
      Make the existing active account of <email> a cluster manager (no link).
  reset-password <email>
      Sign the account out everywhere and print a new one-time password link
      (valid ${PASSWORD_LINK_HOURS} h; earlier links stop working); mailed too with SMTP_URL.
  deactivate <email>
      Deactivate the account: no sign-in, sessions ended, API tokens revoked.
      The last active cluster manager is refused.
  list-managers
      The active cluster managers.

Run it with the server's environment: DATABASE_URL, AUTH_SECRET, AUDIT_SIGNING_KEY,
PUBLIC_URL (the links lead there), SMTP_URL and MAIL_FROM (to mail them).
Exit codes: 0 done, 1 refused or failed, 2 usage.`;

class UsageError extends Error {}

const COMMANDS = {
  'create-manager': { args: 1, options: ['name', 'organisation', 'existing'] },
  'reset-password': { args: 1, options: [] },
  deactivate: { args: 1, options: [] },
  'list-managers': { args: 0, options: [] },
} as const;
type Command = keyof typeof COMMANDS;

function parse(argv: string[]) {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(argv);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true as const };
  const [command, ...args] = positionals;
  if (!command) throw new UsageError('No command given.');
  if (!(command in COMMANDS)) throw new UsageError(`Unknown command "${command}".`);
  const spec = COMMANDS[command as Command];
  if (args.length !== spec.args)
    throw new UsageError(
      spec.args ? `${command} takes one e-mail address.` : `${command} takes no argument.`,
    );
  for (const option of ['name', 'organisation', 'existing'] as const)
    if (values[option] !== undefined && !(spec.options as readonly string[]).includes(option))
      throw new UsageError(`${command} has no --${option} option.`);
  if (values.existing && (values.name !== undefined || values.organisation !== undefined))
    throw new UsageError('--existing keeps the account as it is: no --name or --organisation with it.');
  return { help: false as const, command: command as Command, email: args[0] ?? '', values };
}

function parseOptions(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      organisation: { type: 'string' },
      existing: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

function linkLines(link: IssuedLink, email: string): string[] {
  const mail =
    link.mail === 'sent'
      ? `Mailed to ${email}.`
      : link.mail === 'off'
        ? 'Not mailed (SMTP_URL is not set): pass the link on yourself.'
        : `NOT mailed (${link.mail.failed}): pass the link on yourself.`;
  return [
    `One-time link to choose a password, valid ${PASSWORD_LINK_HOURS} h (until ${link.expiresAt}):`,
    '',
    `  ${link.url}`,
    '',
    mail,
  ];
}

async function run(
  [, , , , { createManager }, { resetPasswordFromShell }, { deactivateFromShell }, { listManagers }]: Loaded,
  deps: OperatorDeps,
  command: Command,
  email: string,
  values: ReturnType<typeof parseOptions>['values'],
) {
  switch (command) {
    case 'create-manager': {
      const r = await createManager(deps, {
        email,
        name: values.name,
        organisation: values.organisation,
        existing: values.existing,
      });
      if (r.outcome === 'already') return [`${r.email} (${r.name}) is already a cluster manager.`];
      if (r.outcome === 'granted')
        return [
          `${r.email} (${r.name}) is now a cluster manager; their password is unchanged.`,
          'If they cannot sign in: npm run admin -- reset-password <email>',
        ];
      return [
        `Created cluster manager ${r.email} (${r.name}).`,
        ...(r.link ? linkLines(r.link, r.email) : []),
      ];
    }
    case 'reset-password': {
      const r = await resetPasswordFromShell(deps, email);
      const ended = r.sessionsEnded === 1 ? '1 session' : `${r.sessionsEnded} sessions`;
      return [`Signed ${r.email} out (${ended} ended).`, ...linkLines(r.link, r.email)];
    }
    case 'deactivate': {
      const r = await deactivateFromShell(deps, email);
      return r.changed
        ? [
            `Deactivated ${r.email}: it cannot sign in; its sessions ended and its API tokens are revoked.`,
            'Connections still open on a running server close at its next credential check (within 5 minutes).',
          ]
        : [`${r.email} was already deactivated (since ${r.status.deactivatedAt}).`];
    }
    case 'list-managers': {
      const rows = await listManagers(deps);
      if (rows.length === 0)
        return ['No active cluster manager. Create one: npm run admin -- create-manager <email>'];
      return [
        ['E-MAIL', 'NAME', 'MANAGER SINCE', 'LAST SIGN-IN'].join('\t'),
        ...rows.map((r) => [r.email, r.name, r.grantedAt, r.lastSignIn ?? '-'].join('\t')),
      ];
    }
  }
}

let request: ReturnType<typeof parse>;
try {
  request = parse(process.argv.slice(2));
} catch (err) {
  if (!(err instanceof UsageError)) throw err;
  console.error(`${err.message}\n\n${USAGE}`);
  process.exit(2);
}
if (request.help) {
  console.log(USAGE);
  process.exit(0);
}

const loaded = await load();
const [{ loadConfig }, { AppError }, { createLogger }, { openOperator }] = loaded;
let code = 0;
try {
  const config = loadConfig();
  const level = ['debug', 'trace'].includes(config.logLevel) ? config.logLevel : 'warn';
  const operator = await openOperator(config, createLogger(level, process.stderr));
  try {
    console.log(
      (await run(loaded, operator.deps, request.command, request.email, request.values)).join('\n'),
    );
  } finally {
    operator.close();
  }
} catch (err) {
  if (err instanceof AppError) {
    console.error(err.message);
    code = err.code === 'invalid_input' ? 2 : 1;
  } else {
    console.error(`Failed: ${(err as Error).message}`);
    code = 1;
  }
}
process.exit(code);
