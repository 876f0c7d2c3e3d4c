/**
 * The profile's field errors: the shared schema's verdict (the server applies the same one), and
 * the server's own refusals, each as a sentence of the account page's dictionary.
 */
import type { ZodError } from 'zod';
import { ProfileFields } from '../../../shared/schemas/me.ts';
import { ApiError } from '../../errors.ts';
import type { Messages } from '../../i18n/messages.ts';

export type ProfileField = 'name' | 'title' | 'timeZone';
export type ProfileProblem = keyof Messages['accountPage']['profile']['problems'];
export type ProfileProblems = Partial<Record<ProfileField, ProfileProblem>>;

function problemOf(field: ProfileField, code: string): ProfileProblem {
  if (field === 'timeZone') return 'timeZone';
  if (field === 'title') return code === 'too_big' ? 'titleTooLong' : 'titleControl';
  return code === 'too_small' ? 'nameEmpty' : code === 'too_big' ? 'nameTooLong' : 'nameControl';
}

function fromZod(error: ZodError): ProfileProblems {
  const problems: ProfileProblems = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if ((field === 'name' || field === 'title' || field === 'timeZone') && !problems[field])
      problems[field] = problemOf(field, issue.code);
  }
  return problems;
}

export function checkProfile(values: unknown): ProfileProblems {
  const parsed = ProfileFields.safeParse(values);
  return parsed.success ? {} : fromZod(parsed.error);
}

/** A server refusal about one field, or null when it is about none (network, server). */
export function serverProfileProblems(err: unknown): ProfileProblems | null {
  if (!(err instanceof ApiError) || err.status !== 400) return null;
  const problems: ProfileProblems = {};
  for (const issue of err.issues) {
    // The server's display-name rule refuses what the form could not know: reserved names,
    // and names of fellow members.
    if (issue.path === 'name') problems.name ??= 'nameRefused';
    if (issue.path === 'title') problems.title ??= 'titleTooLong';
    if (issue.path === 'timeZone') problems.timeZone ??= 'timeZone';
  }
  return Object.keys(problems).length ? problems : null;
}
