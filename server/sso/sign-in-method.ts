/**
 * How an address signs in: through its organisation's identity provider when a connection
 * covers its domain, with a password otherwise. Public, so it says only what the sign-in page
 * would show anyway (the domain decides, not whether an account exists).
 */
import type { SignInMethod } from '../../shared/schemas/sso.ts';
import type { Db } from '../db/client.ts';
import { connectionForAddress } from './connections.ts';

export async function signInMethod(db: Db, email: string): Promise<SignInMethod> {
  const connection = await connectionForAddress(db, email);
  if (!connection?.organisationName) return { method: 'password' };
  return { method: 'sso', organisation: connection.organisationName };
}
