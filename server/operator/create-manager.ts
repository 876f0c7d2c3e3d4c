/**
 * `npm run admin -- create-manager <email>`: the first cluster manager of a real cluster (and
 * any other, from the shell). Creates the account, verified (the operator vouches for the
 * address, and only its holder can use the link), makes it a cluster manager, and issues a
 * one-time link to choose a password, printed and, with SMTP_URL, mailed.
 *
 * An address that already has an account is refused, unless `existing` is asked for: then that
 * active account is made a cluster manager and keeps its password (no link; `reset-password`
 * issues one if they cannot sign in).
 */
import { eq } from 'drizzle-orm';
import { displayNameMessages, displayNameProblem } from '../auth/display-name.rules.ts';
import { ChangeSet } from '../change-set.ts';
import { clusterManagers, organisationMembers, organisations, user } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { choosePasswordMail } from '../mail/account-mail.ts';
import {
  accountByAddress,
  type IssuedLink,
  mailLink,
  type OperatorDeps,
  operatorReason,
  parseAddress,
} from './operator-deps.ts';
import { PASSWORD_LINK_HOURS, passwordLink } from './password-link.ts';

export interface CreateManagerInput {
  email: string;
  /** the display name; by default the address's local part (they may change it once signed in) */
  name?: string;
  /** the slug of an organisation they belong to */
  organisation?: string;
  /** make an existing active account a cluster manager instead of creating one */
  existing?: boolean;
}

export interface CreateManagerResult {
  userId: string;
  email: string;
  name: string;
  /** `created`: a new account; `granted`: an existing one made manager; `already`: nothing to do */
  outcome: 'created' | 'granted' | 'already';
  /** the password link of a new account */
  link: IssuedLink | null;
}

const REASON = operatorReason('create-manager');

export async function createManager(
  deps: OperatorDeps,
  input: CreateManagerInput,
): Promise<CreateManagerResult> {
  const email = parseAddress(input.email);
  const holder = await accountByAddress(deps.db, email);
  if (input.existing) return grantExisting(deps, email, holder);
  if (holder)
    throw new AppError(
      'conflict',
      `${email} already has an account: add --existing to make it a cluster manager, or use reset-password to issue it a new password link`,
    );

  const name = (input.name ?? email.split('@')[0] ?? email).trim();
  const problem = displayNameProblem(name, []);
  if (problem) throw new AppError('invalid_input', `--name: ${displayNameMessages[problem]}`);
  const organisationId = input.organisation ? await organisationBySlug(deps, input.organisation) : null;

  const now = deps.clock();
  const userId = crypto.randomUUID();
  const link = passwordLink(deps.db, deps.publicUrl, userId, now);
  const changes = new ChangeSet(deps, { at: now, actor: null, projectId: null })
    .write(
      deps.db
        .insert(user)
        .values({ id: userId, name, email, emailVerified: true, createdAt: now, updatedAt: now }),
      deps.db.insert(clusterManagers).values({ userId, grantedAt: now, grantedBy: null }),
      ...link.statements,
    )
    // ids only: the chain holds no name or address (docs/audit.md, "Personal data")
    .audit({ entity: 'user', entityId: userId, action: 'create', reason: REASON })
    .audit({ entity: 'cluster_manager', entityId: userId, action: 'create', reason: REASON })
    .audit({
      entity: 'user',
      entityId: userId,
      action: 'update',
      field: 'password_link',
      after: { expiresAt: link.expiresAt.toISOString() },
      reason: REASON,
    });
  if (organisationId)
    changes
      .write(deps.db.insert(organisationMembers).values({ organisationId, userId, createdAt: now }))
      .audit({
        entity: 'organisation_member',
        entityId: `${organisationId}:${userId}`,
        action: 'create',
        reason: REASON,
      });
  await changes.commit();
  deps.log.info({ userId }, 'cluster manager created from the shell');
  const mail = await mailLink(deps, choosePasswordMail(email, link.url, PASSWORD_LINK_HOURS));
  return {
    userId,
    email,
    name,
    outcome: 'created',
    link: { url: link.url, expiresAt: link.expiresAt.toISOString(), mail },
  };
}

type Account = Awaited<ReturnType<typeof accountByAddress>>;

async function grantExisting(
  deps: OperatorDeps,
  email: string,
  holder: Account,
): Promise<CreateManagerResult> {
  if (!holder)
    throw new AppError('not_found', `No account has the address ${email}: drop --existing to create one`);
  if (holder.deactivatedAt)
    throw new AppError(
      'conflict',
      `${email} is deactivated: a cluster manager must reactivate it (Administration › People) first`,
    );
  const result = { userId: holder.id, email, name: holder.name, link: null };
  const [manager] = await deps.db
    .select({ userId: clusterManagers.userId })
    .from(clusterManagers)
    .where(eq(clusterManagers.userId, holder.id))
    .limit(1);
  if (manager) return { ...result, outcome: 'already' };
  const now = deps.clock();
  await new ChangeSet(deps, { at: now, actor: null, projectId: null })
    .write(deps.db.insert(clusterManagers).values({ userId: holder.id, grantedAt: now, grantedBy: null }))
    .audit({ entity: 'cluster_manager', entityId: holder.id, action: 'create', reason: REASON })
    .commit();
  deps.log.info({ userId: holder.id }, 'cluster manager rights granted from the shell');
  return { ...result, outcome: 'granted' };
}

async function organisationBySlug(deps: OperatorDeps, slug: string): Promise<string> {
  const [row] = await deps.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.slug, slug))
    .limit(1);
  if (row) return row.id;
  const known = await deps.db
    .select({ slug: organisations.slug })
    .from(organisations)
    .orderBy(organisations.slug);
  throw new AppError(
    'not_found',
    known.length
      ? `No organisation has the slug "${slug}"; known: ${known.map((o) => o.slug).join(', ')}`
      : `No organisation has the slug "${slug}": there is none yet; leave --organisation out and add it from Administration once signed in`,
  );
}
