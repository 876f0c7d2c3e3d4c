/**
 * Who hears of what: the notifications each action causes. Each function reads what it needs
 * and returns prepared notifications for the action's own `commit` (see notify.ts). The
 * actions stay unaware of recipients, roles and preferences.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { can, type Role } from '../../shared/permissions.ts';
import type { CommentVisibility } from '../../shared/schemas/comments.ts';
import type { Actor } from '../auth/actor.ts';
import { mayReadComment } from '../comments/comments.rules.ts';
import { clusterManagers, milestones, projectMembers, projects, user } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { type PreparedNotifications, prepareNotifications } from './notify.ts';

const EXCERPT_CHARS = 140;

export function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= EXCERPT_CHARS ? flat : `${flat.slice(0, EXCERPT_CHARS - 1).trimEnd()}…`;
}

async function projectTitle(deps: ServiceDeps, projectId: string): Promise<string> {
  const [p] = await deps.db
    .select({ title: projects.title })
    .from(projects)
    .where(eq(projects.id, projectId));
  return p?.title ?? '';
}

async function memberIds(deps: ServiceDeps, projectId: string, roles?: string[]): Promise<string[]> {
  const rows = await deps.db
    .select({ userId: projectMembers.userId })
    .from(projectMembers)
    .where(
      and(eq(projectMembers.projectId, projectId), roles ? inArray(projectMembers.role, roles) : undefined),
    );
  return rows.map((r) => r.userId);
}

async function managerIds(deps: ServiceDeps): Promise<string[]> {
  return (await deps.db.select({ userId: clusterManagers.userId }).from(clusterManagers)).map(
    (r) => r.userId,
  );
}

/**
 * A new comment: the people it mentions, then the milestone's owner. Only readers of the
 * comment hear of it: an observer mentioned in a team comment is not told.
 */
export async function commentNotifications(
  deps: ServiceDeps,
  actor: Actor,
  comment: {
    id: string;
    projectId: string;
    milestoneId: string;
    body: string;
    mentions: string[];
    visibility: string;
  },
): Promise<PreparedNotifications> {
  const [[milestone], title] = await Promise.all([
    deps.db
      .select({ title: milestones.title, ownerId: milestones.ownerId })
      .from(milestones)
      .where(eq(milestones.id, comment.milestoneId)),
    projectTitle(deps, comment.projectId),
  ]);
  const visibility = comment.visibility as CommentVisibility;
  const common = {
    projectId: comment.projectId,
    actorId: actor.id,
    subject: { kind: 'comment' as const, id: comment.id },
    payload: {
      actor: { id: actor.id, name: actor.name },
      projectTitle: title,
      milestone: { id: comment.milestoneId, title: milestone?.title ?? '' },
      excerpt: excerpt(comment.body),
    },
    mayReceive: (roles: Parameters<typeof mayReadComment>[0]) => mayReadComment(roles, visibility),
  };
  return prepareNotifications(deps, [
    { ...common, type: 'mention', recipients: comment.mentions },
    { ...common, type: 'milestone_comment', recipients: milestone?.ownerId ? [milestone.ownerId] : [] },
  ]);
}

/** A gate review requested: the programme office and the project's team (not its observers). */
export async function gateRequestedNotifications(
  deps: ServiceDeps,
  actor: Actor,
  project: { id: string; title: string; stage: number },
  reviewId: string,
): Promise<PreparedNotifications> {
  const [members, managers] = await Promise.all([memberIds(deps, project.id), managerIds(deps)]);
  return prepareNotifications(deps, [
    {
      type: 'gate_requested',
      projectId: project.id,
      actorId: actor.id,
      subject: { kind: 'gate_review', id: reviewId },
      payload: {
        actor: { id: actor.id, name: actor.name },
        projectTitle: project.title,
        stageIndex: project.stage,
      },
      recipients: [...managers, ...members],
      mayReceive: (roles) => can(roles, 'comment.read_team'),
    },
  ]);
}

/** A gate decided: everyone on the project (observers follow the stage) and the programme office. */
export async function gateDecidedNotifications(
  deps: ServiceDeps,
  actor: Actor,
  project: { id: string; title: string; stage: number },
  reviewId: string,
  outcome: string,
): Promise<PreparedNotifications> {
  const [members, managers] = await Promise.all([memberIds(deps, project.id), managerIds(deps)]);
  return prepareNotifications(deps, [
    {
      type: 'gate_decided',
      projectId: project.id,
      actorId: actor.id,
      subject: { kind: 'gate_review', id: reviewId },
      payload: {
        actor: { id: actor.id, name: actor.name },
        projectTitle: project.title,
        stageIndex: project.stage,
        outcome,
      },
      recipients: [...managers, ...members],
    },
  ]);
}

/**
 * Someone was added to a project, by a lead or by accepting an invitation (then the inviter
 * is named as who added them).
 */
export async function projectAddedNotifications(
  deps: ServiceDeps,
  input: { projectId: string; userId: string; role: string; addedBy: string },
): Promise<PreparedNotifications> {
  const [[by], title] = await Promise.all([
    deps.db.select({ id: user.id, name: user.name }).from(user).where(eq(user.id, input.addedBy)),
    projectTitle(deps, input.projectId),
  ]);
  return prepareNotifications(deps, [
    {
      type: 'project_added',
      projectId: input.projectId,
      actorId: input.addedBy === input.userId ? null : input.addedBy,
      subject: { kind: 'project', id: input.projectId },
      payload: { actor: by ?? null, projectTitle: title, role: input.role },
      recipients: [input.userId],
      // Not yet a member when this is prepared: the batch that adds them gives this role.
      roleGiven: input.role as Role,
    },
  ]);
}

/**
 * An invitation was accepted or declined: its inviter hears of it, while they still manage the
 * project's members (an inviter since demoted no longer sees invitations).
 */
export async function invitationAnsweredNotifications(
  deps: ServiceDeps,
  input: {
    type: 'invitation_accepted' | 'invitation_declined';
    projectId: string;
    invitedBy: string;
    email: string;
    role: string;
    /** who accepted; nobody is signed in to decline */
    by: { id: string; name: string } | null;
  },
): Promise<PreparedNotifications> {
  return prepareNotifications(deps, [
    {
      type: input.type,
      projectId: input.projectId,
      actorId: input.by?.id ?? null,
      subject: { kind: 'project', id: input.projectId },
      payload: {
        actor: input.by,
        projectTitle: await projectTitle(deps, input.projectId),
        role: input.role,
        email: input.email,
      },
      recipients: [input.invitedBy],
      mayReceive: (roles) => can(roles, 'members.manage'),
    },
  ]);
}
