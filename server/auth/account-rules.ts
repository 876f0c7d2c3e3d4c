/**
 * The account rules applied to better-auth's own endpoints, before they run: the password
 * policy wherever a password is chosen (sign-up, reset, change) and the display-name rule
 * wherever a name is set (sign-up, update-user). Invitation acceptance applies the same two
 * rules itself (members/accept-invitation-account.ts).
 *
 * An address whose domain has a single sign-on connection signs in through its organisation's
 * identity provider only: password sign-in, sign-up and reset are refused for it, so that
 * someone the organisation removed at its identity provider cannot come back with a password.
 */
import { APIError, createAuthMiddleware, getSessionFromCtx } from 'better-auth/api';
import type { Db } from '../db/client.ts';
import { connectionForAddress } from '../sso/connections.ts';
import { displayNameMessages, displayNameProblem } from './display-name.rules.ts';
import { fellowMemberNames } from './display-name.ts';
import { passwordMessages, passwordProblem } from './password-policy.ts';

export const SSO_REQUIRED = 'SSO_REQUIRED';

async function refuseCoveredAddress(db: Db, email: unknown): Promise<void> {
  if (typeof email !== 'string' || email.length > 254) return;
  const connection = await connectionForAddress(db, email);
  if (connection)
    throw APIError.from('FORBIDDEN', {
      code: SSO_REQUIRED,
      message: `${connection.organisationName ?? 'Your organisation'} signs you in: continue with its sign-in instead of a password`,
    });
}

function refusePassword(password: unknown, email: string | null): void {
  if (typeof password !== 'string') return; // better-auth's own body schema refuses it
  const problem = passwordProblem(password, email);
  if (problem)
    throw APIError.from('BAD_REQUEST', {
      code: `PASSWORD_${problem.toUpperCase()}`,
      message: passwordMessages[problem],
    });
}

async function refuseName(db: Db, name: unknown, userId?: string): Promise<void> {
  if (typeof name !== 'string') return;
  const problem = displayNameProblem(name, userId ? await fellowMemberNames(db, { userId }) : []);
  if (problem)
    throw APIError.from('BAD_REQUEST', {
      code: `NAME_${problem.toUpperCase()}`,
      message: displayNameMessages[problem],
    });
}

export function accountRules(db: Db, options: { signUpOpen: boolean }) {
  return createAuthMiddleware(async (ctx) => {
    const body = (ctx.body ?? {}) as Record<string, unknown>;
    switch (ctx.path) {
      case '/sign-in/email':
      case '/request-password-reset':
        await refuseCoveredAddress(db, body.email);
        return;
      case '/sign-up/email':
        // Closed sign-up answers only that it is closed, whatever was sent.
        if (!options.signUpOpen) return;
        await refuseCoveredAddress(db, body.email);
        await refuseName(db, body.name);
        refusePassword(body.password, typeof body.email === 'string' ? body.email : null);
        return;
      case '/update-user': {
        if (body.name === undefined) return;
        const session = await getSessionFromCtx(ctx);
        if (session) await refuseName(db, body.name, session.user.id);
        return;
      }
      case '/change-password': {
        const session = await getSessionFromCtx(ctx);
        if (session) refusePassword(body.newPassword, session.user.email);
        return;
      }
      case '/reset-password': {
        const token = typeof body.token === 'string' ? body.token : ctx.query?.token;
        // The address belongs to the account the reset token was issued for; an unknown token
        // is refused by the endpoint itself, after the policy's length and list checks.
        const verification =
          typeof token === 'string'
            ? await ctx.context.internalAdapter.findVerificationValue(`reset-password:${token}`)
            : null;
        const account = verification
          ? await ctx.context.internalAdapter.findUserById(verification.value)
          : null;
        if (account) await refuseCoveredAddress(db, account.email);
        refusePassword(body.newPassword, account?.email ?? null);
        return;
      }
    }
  });
}
