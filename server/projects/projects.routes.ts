/** /api/projects: thin routes over the project use cases. */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  CreatedProject,
  CreateProjectBody,
  PortfolioProject,
  ProjectDetail,
  ProjectLevelHistory,
  ProjectListQuery,
  ProjectMilestones,
  SetProjectLevelBody,
  UpdateProjectBody,
} from '../../shared/schemas/projects.ts';
import type { ServiceDeps } from '../deps.ts';
import { requireActor } from '../http/context.ts';
import { createRouter, errors, IdParam, json, jsonBody } from '../http/router.ts';
import { createProject } from './create-project.ts';
import { getProject } from './get-project.ts';
import { listProjects } from './list-projects.ts';
import { projectLevelHistory, setProjectLevel } from './project-level.ts';
import { projectMilestones } from './project-milestones.ts';
import { updateProject } from './update-project.ts';

export function projectRoutes(deps: ServiceDeps) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/projects',
        tags: ['projects'],
        summary: 'The projects you may see',
        request: { query: ProjectListQuery },
        responses: {
          200: json(z.object({ projects: z.array(PortfolioProject) }), 'Visible projects'),
          ...errors,
        },
      }),
      async (c) => c.json({ projects: await listProjects(deps, requireActor(c), c.req.valid('query')) }, 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/projects',
        tags: ['projects'],
        summary:
          'Start a project (cluster managers; leads where the cluster allows it); anyone but a cluster manager becomes its lead',
        request: jsonBody(CreateProjectBody),
        responses: {
          201: json(CreatedProject, 'The new project, and its first members added or invited'),
          ...errors,
        },
      }),
      async (c) => c.json(await createProject(deps, requireActor(c), c.req.valid('json')), 201),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/projects/{id}',
        tags: ['projects'],
        summary: 'One project',
        request: { params: IdParam },
        responses: { 200: json(ProjectDetail, 'The project'), ...errors },
      }),
      async (c) => c.json(await getProject(deps, requireActor(c), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/projects/{id}/level',
        tags: ['projects'],
        summary:
          "The project's level on its track (TRL-style): the current one and every change, oldest first",
        request: { params: IdParam },
        responses: { 200: json(ProjectLevelHistory, 'The level and its history'), ...errors },
      }),
      async (c) => c.json(await projectLevelHistory(deps, requireActor(c), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/projects/{id}/level',
        tags: ['projects'],
        summary:
          "Record the project's level on its track, with the evidence for it (lead, cluster manager); audited",
        request: { params: IdParam, ...jsonBody(SetProjectLevelBody) },
        responses: { 200: json(ProjectLevelHistory, 'The level and its history'), ...errors },
      }),
      async (c) =>
        c.json(
          await setProjectLevel(deps, requireActor(c), c.req.valid('param').id, c.req.valid('json')),
          200,
        ),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/projects/{id}/milestones',
        tags: ['projects'],
        summary: "A project's milestones as last projected from its document, in board order",
        description:
          'The live milestones are in the project document (docs/protocol.md); these rows follow it within a second. The project room draws its board from them while the document loads.',
        request: { params: IdParam },
        responses: { 200: json(ProjectMilestones, 'The milestones'), ...errors },
      }),
      async (c) => c.json(await projectMilestones(deps, requireActor(c), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/projects/{id}',
        tags: ['projects'],
        summary: "Edit a project's card (lead or cluster manager)",
        request: { params: IdParam, ...jsonBody(UpdateProjectBody) },
        responses: { 200: json(ProjectDetail, 'The project after the change'), ...errors },
      }),
      async (c) =>
        c.json(await updateProject(deps, requireActor(c), c.req.valid('param').id, c.req.valid('json')), 200),
    );
}
