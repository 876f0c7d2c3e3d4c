/** Pure rules about accounts. */
import { fold } from '../../shared/portfolio-filter.ts';
import { type PeopleStatus, type PersonSummary, SSO_UNSEEN_DAYS } from '../../shared/schemas/people.ts';
import { AppError } from '../errors.ts';

/**
 * The cluster always keeps an active cluster manager: otherwise nobody could reactivate an
 * account, or run the programme office, again.
 */
export function checkKeepsAManager(activeManagers: number, deactivatingAManager: boolean): void {
  if (deactivatingAManager && activeManagers <= 1)
    throw new AppError(
      'conflict',
      'This is the last cluster manager: make someone else a cluster manager before deactivating this account',
    );
}

/**
 * Only a deactivated account is erased: erasure cannot be undone, so the account must first be
 * out of use (no sign-in, no session, no token), as a separate and deliberate step.
 */
export function checkErasable(account: { deactivatedAt: Date | null }): void {
  if (!account.deactivatedAt)
    throw new AppError(
      'conflict',
      'Deactivate this account before erasing its personal data: erasure cannot be undone',
    );
}

/** An erased account stays erased: it has no name, address or password to sign in with. */
export function checkReactivable(account: { erasedAt: Date | null }): void {
  if (account.erasedAt)
    throw new AppError(
      'conflict',
      'This person’s data was erased: the account cannot be reactivated; invite them again to a new account',
    );
}

/** Every word typed must appear in the name, the address or an organisation's name. */
export function matchesPerson(
  person: Pick<PersonSummary, 'name' | 'email' | 'organisations'>,
  q: string,
): boolean {
  const words = fold(q).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fold([person.name, person.email, ...person.organisations.map((o) => o.name)].join(' '));
  return words.every((w) => haystack.includes(w));
}

export function statusMatches(
  person: Pick<PersonSummary, 'deactivatedAt'> & Partial<Pick<PersonSummary, 'sso' | 'lastSignInAt'>>,
  status: PeopleStatus,
  now: Date = new Date(),
): boolean {
  if (status === 'all') return true;
  if (status === 'sso_unseen') return person.deactivatedAt === null && unseenSso(person, now);
  return status === 'active' ? person.deactivatedAt === null : person.deactivatedAt !== null;
}

/**
 * An SSO account not seen for SSO_UNSEEN_DAYS: without SCIM, the organisation's provider tells
 * Jalon nothing when someone leaves, and a person who left stops signing in.
 */
export function unseenSso(person: Partial<Pick<PersonSummary, 'sso' | 'lastSignInAt'>>, now: Date): boolean {
  if (!person.sso) return false;
  if (!person.lastSignInAt) return true;
  return Date.parse(person.lastSignInAt) < now.getTime() - SSO_UNSEEN_DAYS * 86_400_000;
}

/** By name, as a reader scans a list; the address parts namesakes. */
export function sortPeople<P extends Pick<PersonSummary, 'name' | 'email'>>(people: P[]): P[] {
  return [...people].sort(
    (a, b) => fold(a.name).localeCompare(fold(b.name), 'fr') || a.email.localeCompare(b.email, 'fr'),
  );
}

/**
 * The cluster always keeps an active cluster manager: withdrawing the rights of the last one
 * (their own, since only a manager withdraws them) would leave nobody to run the programme office.
 */
export function checkKeepsAManagerAfterWithdrawal(
  activeManagers: number,
  targetIsActiveManager: boolean,
): void {
  if (targetIsActiveManager && activeManagers <= 1)
    throw new AppError(
      'conflict',
      'This is the last cluster manager: make someone else a cluster manager before withdrawing these rights',
    );
}

/** Rights go to a person who can use them: not to a deactivated or erased account. */
export function checkMayBecomeManager(account: { deactivatedAt: Date | null; erasedAt: Date | null }): void {
  if (account.erasedAt || account.deactivatedAt)
    throw new AppError('conflict', 'Reactivate this account before making it a cluster manager');
}
