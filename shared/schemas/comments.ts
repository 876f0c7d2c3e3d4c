/** Comments on milestones, and the bodies that write and resolve them. */
import { z } from 'zod';
import { Id, IsoDate, Person } from './common.ts';

export const CommentVisibility = z.enum(['team', 'partners']);
export type CommentVisibility = z.infer<typeof CommentVisibility>;

export const Comment = z.object({
  id: Id,
  projectId: Id,
  milestoneId: z.string(),
  /** the thread's first comment, for a reply; null for a thread */
  parentId: z.string().nullable(),
  author: Person,
  body: z.string(),
  mentions: z.array(Person),
  /** team: members and mentors; partners: also observers */
  visibility: CommentVisibility,
  resolved: z.boolean(),
  resolvedBy: Person.nullable(),
  resolvedAt: IsoDate.nullable(),
  createdAt: IsoDate,
});
export type Comment = z.infer<typeof Comment>;

export const CommentListQuery = z.object({ milestoneId: z.string().max(64).optional() });

export const CreateCommentBody = z
  .object({
    milestoneId: z.string().min(1).max(64),
    body: z.string().trim().min(1, 'Write something').max(5000),
    visibility: CommentVisibility.default('team'),
    parentId: Id.optional(),
    /** user ids of project members named in the body */
    mentions: z.array(Id).max(20).default([]),
  })
  .strict();
export type CreateCommentBody = z.input<typeof CreateCommentBody>;

export const UpdateCommentBody = z.object({ resolved: z.boolean() }).strict();
