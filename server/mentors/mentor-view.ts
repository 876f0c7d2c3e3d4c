/** Mentor profiles and mentor requests in the shapes of shared/directory.ts. */
import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type {
  Availability,
  FocusArea,
  Mentor,
  MentorRequest,
  MentorRequestStatus,
} from '../../shared/directory.ts';
import type { Db } from '../db/client.ts';
import {
  mentorProfiles,
  mentorRequests,
  organisationMembers,
  organisations,
  projects,
  user,
} from '../db/schema/index.ts';

export async function loadMentors(db: Db, where?: SQL): Promise<Mentor[]> {
  const rows = await db
    .select({ profile: mentorProfiles, name: user.name })
    .from(mentorProfiles)
    .innerJoin(user, eq(user.id, mentorProfiles.userId))
    .where(where)
    .orderBy(user.name);
  if (rows.length === 0) return [];
  const orgs = await db
    .select({ userId: organisationMembers.userId, id: organisations.id, name: organisations.name })
    .from(organisationMembers)
    .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
    .where(
      inArray(
        organisationMembers.userId,
        rows.map((r) => r.profile.userId),
      ),
    )
    .orderBy(organisationMembers.createdAt);
  return rows.map(({ profile: p, name }) => {
    const org = orgs.find((o) => o.userId === p.userId);
    return {
      userId: p.userId,
      name,
      headline: { en: p.headlineEn, fr: p.headlineFr },
      bio: { en: p.bioEn, fr: p.bioFr },
      expertise: p.expertise as FocusArea[],
      languages: p.languages,
      availability: p.availability as Availability,
      organisation: org ? { id: org.id, name: org.name } : null,
    };
  });
}

const mentorUser = alias(user, 'mentor_user');
const requester = alias(user, 'requester');

export async function loadMentorRequests(db: Db, where: SQL): Promise<MentorRequest[]> {
  const rows = await db
    .select({
      r: mentorRequests,
      projectTitle: projects.title,
      mentorName: mentorUser.name,
      requesterName: requester.name,
    })
    .from(mentorRequests)
    .innerJoin(projects, eq(projects.id, mentorRequests.projectId))
    .innerJoin(mentorUser, eq(mentorUser.id, mentorRequests.mentorId))
    .innerJoin(requester, eq(requester.id, mentorRequests.requestedBy))
    .where(where)
    .orderBy(desc(mentorRequests.createdAt));
  return rows.map(({ r, projectTitle, mentorName, requesterName }) => ({
    id: r.id,
    project: { id: r.projectId, title: projectTitle },
    mentor: { id: r.mentorId, name: mentorName },
    requestedBy: { id: r.requestedBy, name: requesterName },
    message: r.message,
    status: r.status as MentorRequestStatus,
    response: r.response,
    createdAt: r.createdAt.toISOString(),
    respondedAt: r.respondedAt?.toISOString() ?? null,
  }));
}

export const byId = (id: string) => eq(mentorRequests.id, id);
export const pendingFor = (projectId: string, mentorId: string) =>
  and(
    eq(mentorRequests.projectId, projectId),
    eq(mentorRequests.mentorId, mentorId),
    eq(mentorRequests.status, 'pending'),
  );
