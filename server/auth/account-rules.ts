/**
 * The account rules applied to better-auth's own endpoints, before they run: the password
 * policy wherever a password is chosen (sign-up, reset, change) and the display-name rule
 * wherever a name is set (sign-up, update-user). Invitation acceptance applies the same two
 * rules itself (members/accept-invitation-account.ts).
 */
import { APIError, createAuthMiddleware, getSessionFromCtx } from 'better-auth/api';
import type { Db } from '../db/client.ts';
import { displayNameMessages, displayNameProblem } from './display-name.rules.ts';
import { fellowMemberNames } from './display-name.ts';
import { passwordMessages, passwordProblem } from './password-policy.ts';

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
      case '/sign-up/email':
        // Closed sign-up answers only that it is closed, whatever was sent.
        if (!options.signUpOpen) return;
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
        refusePassword(body.newPassword, account?.email ?? null);
        return;
      }
    }
  });
}
