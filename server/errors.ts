/**
 * The one error type. Services throw `AppError`; `toErrorBody` maps it (and anything else) to
 * the shared `{ error: { code, message } }` shape, for HTTP replies and socket acks alike.
 */
import { ZodError } from 'zod';
import { type ErrorBody, type ErrorCode, httpStatusOf } from '../shared/errors.ts';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: { path: string; message: string }[],
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status() {
    return httpStatusOf[this.code];
  }
}

export const notFound = (what = 'Not found') => new AppError('not_found', what);
export const forbidden = (why = 'You may not do that') => new AppError('forbidden', why);
export const unauthenticated = () => new AppError('unauthenticated', 'Sign in first');
export const conflict = (why: string) => new AppError('conflict', why);

export function fromZodError(err: ZodError, what = 'Invalid input'): AppError {
  const issues = err.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message }));
  const first = issues[0];
  return new AppError('invalid_input', first ? `${what}: ${first.path}: ${first.message}` : what, issues);
}

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError) return fromZodError(err);
  return new AppError('internal', 'Something went wrong on our side; nothing was saved.');
}

export function toErrorBody(err: AppError): ErrorBody {
  return { error: { code: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}) } };
}
