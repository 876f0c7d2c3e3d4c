/** A project's activity feed: events of the audit trail as the feed reads them. */
import { z } from 'zod';

export const ActivityEvent = z.object({
  seq: z.number(),
  at: z.string(),
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  entity: z.string(),
  entityId: z.string(),
  action: z.string(),
  field: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string().nullable(),
});
export type ActivityEvent = z.infer<typeof ActivityEvent>;

export const ActivityQuery = z.object({
  entityId: z.string().max(200).optional(),
  actorId: z.string().max(64).optional(),
  before: z.coerce.number().int().positive().optional().describe('events older than this seq'),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
