/** The mentors directory and mentor requests: thin routes. */
import { createRoute } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import {
  CreateMentorRequestBody,
  Mentor,
  MentorQuery,
  MentorRequest,
  RespondMentorRequestBody,
} from '../../shared/directory.ts';
import { ErrorBody } from '../../shared/errors.ts';
import { requireProjectAction } from '../auth/access.ts';
import { mentorRequests } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { requireActor } from '../http/context.ts';
import { createRouter, errors, IdParam, json, jsonBody } from '../http/router.ts';
import { listMentors } from './list-mentors.ts';
import { loadMentorRequests } from './mentor-view.ts';
import { requestMentor } from './request-mentor.ts';
import { respondMentorRequest } from './respond-mentor-request.ts';

const Requests = z.object({ requests: z.array(MentorRequest) });

export function mentorRoutes(deps: ServiceDeps) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/mentors',
        tags: ['mentors'],
        summary: 'The mentors directory: expertise, languages, availability',
        request: { query: MentorQuery },
        responses: { 200: json(z.object({ mentors: z.array(Mentor) }), 'Mentors'), ...errors },
      }),
      async (c) => {
        requireActor(c);
        return c.json({ mentors: await listMentors(deps, c.req.valid('query')) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/me/mentor-requests',
        tags: ['mentors'],
        summary: 'Requests to join projects sent to the caller as a mentor, newest first',
        responses: { 200: json(Requests, 'Requests'), ...errors },
      }),
      async (c) => {
        const actor = requireActor(c);
        return c.json(
          { requests: await loadMentorRequests(deps.db, eq(mentorRequests.mentorId, actor.id)) },
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/projects/{id}/mentor-requests',
        tags: ['mentors'],
        summary: "A project's requests to mentors (its members)",
        request: { params: IdParam },
        responses: { 200: json(Requests, 'Requests'), ...errors },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        await requireProjectAction(deps, requireActor(c), id, 'members.view');
        return c.json({ requests: await loadMentorRequests(deps.db, eq(mentorRequests.projectId, id)) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/projects/{id}/mentor-requests',
        tags: ['mentors'],
        summary: 'Ask a mentor to join the project (lead)',
        request: { params: IdParam, ...jsonBody(CreateMentorRequestBody) },
        responses: {
          201: json(MentorRequest, 'The request, pending'),
          409: json(ErrorBody, 'Already asked, already a member, or unavailable'),
          ...errors,
        },
      }),
      async (c) =>
        c.json(await requestMentor(deps, requireActor(c), c.req.valid('param').id, c.req.valid('json')), 201),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/mentor-requests/{id}/response',
        tags: ['mentors'],
        summary: 'Accept (become the project’s mentor, with comment access) or decline (the mentor asked)',
        request: { params: IdParam, ...jsonBody(RespondMentorRequestBody) },
        responses: {
          200: json(MentorRequest, 'The answered request'),
          409: json(ErrorBody, 'Already answered'),
          ...errors,
        },
      }),
      async (c) =>
        c.json(
          await respondMentorRequest(deps, requireActor(c), c.req.valid('param').id, c.req.valid('json')),
          200,
        ),
    );
}
