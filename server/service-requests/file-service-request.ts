/**
 * A member with edit rights on a project asks a service for it by filling the service's form.
 * The answers are validated against the form (built into a zod schema from its definition): a
 * missing or wrong field refuses the whole request, naming every field, and nothing is saved.
 */
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { answersSchema, type CreateServiceRequestBody, type ServiceRequest } from '../../shared/services.ts';
import { requireProjectAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { ChangeSet } from '../change-set.ts';
import { organisations, serviceRequestEvents, serviceRequests, services } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { notifyRequestChange } from './notify-request-change.ts';
import { loadRequests } from './request-view.ts';

export async function fileServiceRequest(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
  input: z.output<typeof CreateServiceRequestBody>,
): Promise<ServiceRequest> {
  const { db } = deps;
  const { project } = await requireProjectAction(deps, actor, projectId, 'service.request');
  if (project.archived)
    throw new AppError('conflict', 'This project is archived: it cannot ask for services');
  const [service] = await db.select().from(services).where(eq(services.id, input.serviceId)).limit(1);
  if (!service?.active) throw new AppError('not_found', 'No such service in the catalogue');

  if (service.requesterKinds.length) {
    const [lead] = await db
      .select({ kind: organisations.kind })
      .from(organisations)
      .where(eq(organisations.id, project.leadOrganisationId));
    if (!lead || !service.requesterKinds.includes(lead.kind))
      throw new AppError(
        'forbidden',
        `${service.nameEn} is offered to projects led by: ${service.requesterKinds.join(', ')}`,
      );
  }

  const parsed = answersSchema(service.form).safeParse(input.answers);
  if (!parsed.success) {
    // One issue per field, an unknown field included, so that the reply names each of them.
    const issues = parsed.error.issues.flatMap((i) =>
      i.code === 'unrecognized_keys'
        ? i.keys.map((key) => ({ field: key, message: i.message }))
        : [{ field: String(i.path[0] ?? ''), message: i.message }],
    );
    const fields = [...new Set(issues.map((i) => i.field || '(answers)'))];
    throw new AppError(
      'invalid_input',
      `The request was not saved: check ${fields.length === 1 ? 'the field' : 'the fields'} ${fields.join(', ')}`,
      issues.map((i) => ({ path: i.field ? `answers.${i.field}` : 'answers', message: i.message })),
    );
  }

  const now = deps.clock();
  const id = crypto.randomUUID();
  const answers = parsed.data as Record<string, never>;
  await new ChangeSet(deps, { at: now, actor, projectId })
    .write(
      db.insert(serviceRequests).values({
        id,
        serviceId: service.id,
        projectId,
        requesterId: actor.id,
        answers,
        status: 'submitted',
        submittedAt: now,
        updatedAt: now,
      }),
      db.insert(serviceRequestEvents).values({
        id: crypto.randomUUID(),
        requestId: id,
        authorId: actor.id,
        at: now,
        fromStatus: null,
        toStatus: 'submitted',
        comment: null,
      }),
    )
    .audit({
      entity: 'service_request',
      entityId: id,
      action: 'create',
      after: { service: service.slug, status: 'submitted', answers },
    })
    .notify(
      await notifyRequestChange(deps, actor, {
        id,
        projectId,
        requesterId: actor.id,
        service,
        to: 'submitted',
      }),
    )
    .activity('project.view')
    .emit('service_request.changed', { projectId, requestId: id })
    .commit();
  return (await loadRequests(deps, actor, eq(serviceRequests.id, id)))[0]!;
}
