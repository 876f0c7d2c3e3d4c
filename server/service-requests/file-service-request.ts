/**
 * A member with edit rights on a project asks a service for it by filling the service's form.
 * The answers are validated against the form (built into a zod schema from its definition): a
 * missing or wrong field refuses the whole request, naming every field, and nothing is saved.
 * A free-text answer that looks like patient-level data is refused the same way
 * (shared/patient-data.ts): none ever enters Jalon.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { dataAccessIssues } from '../../shared/data-requests.ts';
import { patientDataIssues } from '../../shared/patient-data.ts';
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
    throw issuesError(
      parsed.error.issues.flatMap((i) =>
        i.code === 'unrecognized_keys'
          ? i.keys.map((key) => ({ field: key, message: i.message }))
          : [{ field: String(i.path[0] ?? ''), message: i.message }],
      ),
    );
  }

  const answers = parsed.data as Record<string, never>;
  refuseIssues(patientDataIssues(service.form, answers));
  // A data-access request is filed once per named hospital: each hospital's data office reviews
  // its own, through the same states, so that one may approve while another is still reviewing.
  const hospitals = service.requestKind === 'data_access' ? await namedHospitals(deps, answers) : [null];

  const now = deps.clock();
  const filingId = service.requestKind === 'data_access' ? crypto.randomUUID() : null;
  const ids: string[] = [];
  const changes = new ChangeSet(deps, { at: now, actor, projectId });
  for (const hospital of hospitals) {
    const id = crypto.randomUUID();
    ids.push(id);
    changes
      .write(
        db.insert(serviceRequests).values({
          id,
          serviceId: service.id,
          projectId,
          requesterId: actor.id,
          answers,
          status: 'submitted',
          dataHospitalId: hospital?.id ?? null,
          dataFilingId: filingId,
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
        after: {
          service: service.slug,
          status: 'submitted',
          answers,
          ...(hospital ? { hospital: hospital.slug, filing: filingId } : {}),
        },
      })
      .notify(
        await notifyRequestChange(deps, actor, {
          id,
          projectId,
          requesterId: actor.id,
          service,
          dataHospitalId: hospital?.id ?? null,
          to: 'submitted',
        }),
      )
      .emit('service_request.changed', { projectId, requestId: id });
  }
  await changes.activity('project.view').commit();
  return (await loadRequests(deps, actor, eq(serviceRequests.id, ids[0]!)))[0]!;
}

function refuseIssues(issues: { field: string; message: string }[]): void {
  if (issues.length) throw issuesError(issues);
}

function issuesError(issues: { field: string; message: string }[]): AppError {
  const fields = [...new Set(issues.map((i) => i.field || '(answers)'))];
  return new AppError(
    'invalid_input',
    `The request was not saved: check ${fields.length === 1 ? 'the field' : 'the fields'} ${fields.join(', ')}`,
    issues.map((i) => ({ path: i.field ? `answers.${i.field}` : 'answers', message: i.message })),
  );
}

/** The hospitals a data-access request names (by slug), each one of the cluster's hospitals. */
async function namedHospitals(deps: ServiceDeps, answers: Record<string, unknown>) {
  refuseIssues(dataAccessIssues(answers));
  const slugs = answers.hospitals as string[];
  const rows = await deps.db
    .select({ id: organisations.id, slug: organisations.slug, kind: organisations.kind })
    .from(organisations)
    .where(and(inArray(organisations.slug, slugs), isNull(organisations.deactivatedAt)));
  const found = rows.filter((r) => r.kind === 'hospital');
  const unknown = slugs.filter((slug) => !found.some((r) => r.slug === slug));
  if (unknown.length)
    refuseIssues([{ field: 'hospitals', message: `not a hospital of the cluster: ${unknown.join(', ')}` }]);
  return slugs.map((slug) => found.find((r) => r.slug === slug)!);
}
