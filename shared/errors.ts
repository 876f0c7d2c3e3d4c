/**
 * The one error vocabulary of the product, shared by REST replies and socket acks.
 * Every refusal is `{ error: { code, message } }` with a code from this list.
 */
import { z } from 'zod';

export const errorCodes = [
  'invalid_input',
  'malformed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'too_large',
  /** a request body in another format than the route reads (JSON) */
  'unsupported_media_type',
  'rate_limited',
  'internal',
  /** the server could not commit (its database is unreachable): try again later */
  'unavailable',
  /**
   * the cluster requires two-factor authentication of this account (a cluster manager, or
   * someone who may sign gate decisions) and it is not on yet: only /api/me and /api/auth answer
   */
  'two_factor_required',
] as const;
export const ErrorCode = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorBody = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    /** for invalid_input: which fields were wrong and why */
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const httpStatusOf: Record<ErrorCode, 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 500 | 503> = {
  invalid_input: 400,
  malformed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
  two_factor_required: 403,
};
