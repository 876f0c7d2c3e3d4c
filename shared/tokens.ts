/**
 * API tokens and ending one's credentials: request and response shapes (/api/me/tokens,
 * /api/me/sessions/revoke).
 */
import { z } from 'zod';

/** `read`: GET requests and viewing documents; `write`: whatever the owner's roles allow. */
export const TokenScope = z.enum(['read', 'write']);
export type TokenScope = z.infer<typeof TokenScope>;

export const DEFAULT_TOKEN_DAYS = 90;
export const MAX_TOKEN_DAYS = 365;

export const ApiToken = z.object({
  id: z.string(),
  name: z.string(),
  /** the token's first characters, to recognise it */
  prefix: z.string(),
  createdAt: z.string(),
  /** within a minute: uses are recorded at most once a minute */
  lastUsedAt: z.string().nullable(),
  /** refused from this time on */
  expiresAt: z.string(),
  scope: TokenScope,
  /** the only project the token reaches, or null for every project its owner may see */
  project: z.object({ id: z.string(), title: z.string() }).nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;

export const CreateApiTokenBody = z
  .object({
    name: z.string().trim().min(1, 'Name the token').max(100),
    // Least privilege unless asked: a script that only reads cannot be turned into a writer.
    scope: TokenScope.default('read'),
    projectId: z.string().min(1).max(64).optional(),
    expiresInDays: z
      .number()
      .int()
      .min(1)
      .max(MAX_TOKEN_DAYS, `A token lives at most ${MAX_TOKEN_DAYS} days`)
      .default(DEFAULT_TOKEN_DAYS),
  })
  .strict();
export type CreateApiToken = z.output<typeof CreateApiTokenBody>;

export const RevokeSessionsBody = z
  .object({
    /** keep the session making this request (default), or end it too */
    keepCurrent: z.boolean().default(true),
    /** also revoke every API token: required, so that the caller decides */
    tokens: z.boolean(),
  })
  .strict();

export const RevokedCredentials = z.object({ sessions: z.number().int(), tokens: z.number().int() });
export type RevokedCredentials = z.infer<typeof RevokedCredentials>;
