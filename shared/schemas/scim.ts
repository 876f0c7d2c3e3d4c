/**
 * Automatic removal (SCIM 2.0) of an organisation's people, as a cluster manager manages it on the
 * organisation's admin page: the address its identity provider calls, and the bearer token it
 * presents (shown once, when issued; afterwards only when it was created and last used).
 */
import { z } from 'zod';
import { Id, IsoDate } from './common.ts';

export const ScimCredential = z.object({
  id: z.string(),
  createdAt: IsoDate,
  expiresAt: IsoDate,
  /** the last request the provider made with it (to the minute), null if none yet */
  lastUsedAt: IsoDate.nullable(),
});
export type ScimCredential = z.infer<typeof ScimCredential>;

export const ScimStatus = z.object({
  organisationId: Id,
  /** whether the organisation's provider holds a token that works */
  enabled: z.boolean(),
  /** the SCIM base URL to give the provider: `${PUBLIC_URL}/api/auth/scim/v2` */
  baseUrl: z.string(),
  /** the token in use (at most one), none once revoked */
  credential: ScimCredential.nullable(),
  /** the last time any of its tokens was used */
  lastUsedAt: IsoDate.nullable(),
  /** how many of the organisation's people its provider has provisioned, and how many of them it has active */
  provisioned: z.object({ total: z.number().int(), active: z.number().int() }),
});
export type ScimStatus = z.infer<typeof ScimStatus>;

/** A token just issued: `token` is shown this once and never stored in clear. */
export const ScimIssued = ScimStatus.extend({ token: z.string() });
export type ScimIssued = z.infer<typeof ScimIssued>;
