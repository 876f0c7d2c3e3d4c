/**
 * Cluster managers add offers to the catalogue and change them (including their request form,
 * which is data: fields with types and required flags). Every change is audited with the
 * values before and after.
 */
import { eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { CreateServiceBody, Service, UpdateServiceBody } from '../../shared/services.ts';
import { commitAudited } from '../audit/audited-commit.ts';
import { requireClusterAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { organisations, serviceHandlers, services, user } from '../db/schema/index.ts';
import type { Statement } from '../db/writer.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { getService } from './list-services.ts';
import type { ServiceRow } from './service-view.ts';

async function checkTeam(
  deps: ServiceDeps,
  organisationId: string | null | undefined,
  handlerIds?: string[],
) {
  if (organisationId) {
    const [org] = await deps.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.id, organisationId));
    if (!org)
      throw new AppError('invalid_input', 'The handling organisation does not exist', [
        { path: 'handlingOrganisationId', message: 'no such organisation' },
      ]);
  }
  if (handlerIds?.length) {
    const found = await deps.db.select({ id: user.id }).from(user).where(inArray(user.id, handlerIds));
    const missing = handlerIds.filter((id) => !found.some((f) => f.id === id));
    if (missing.length)
      throw new AppError('invalid_input', `Unknown handlers: ${missing.join(', ')}`, [
        { path: 'handlerIds', message: `no such user: ${missing.join(', ')}` },
      ]);
  }
}

function columns(b: z.output<typeof UpdateServiceBody>): Partial<ServiceRow> {
  return {
    ...(b.slug !== undefined && { slug: b.slug }),
    ...(b.kind !== undefined && { kind: b.kind }),
    ...(b.name && { nameEn: b.name.en, nameFr: b.name.fr }),
    ...(b.description && { descriptionEn: b.description.en, descriptionFr: b.description.fr }),
    ...(b.audience && { audienceEn: b.audience.en, audienceFr: b.audience.fr }),
    ...(b.requesterKinds !== undefined && { requesterKinds: b.requesterKinds }),
    ...(b.form !== undefined && { form: b.form }),
    ...(b.handlingOrganisationId !== undefined && { handlingOrganisationId: b.handlingOrganisationId }),
    ...(b.dimension !== undefined && { dimension: b.dimension }),
    ...(b.active !== undefined && { active: b.active }),
  };
}

async function slugTaken(deps: ServiceDeps, slug: string, except?: string) {
  const [row] = await deps.db.select({ id: services.id }).from(services).where(eq(services.slug, slug));
  if (row && row.id !== except)
    throw new AppError('conflict', `A service already uses the address "${slug}"`);
}

export async function createService(
  deps: ServiceDeps,
  actor: Actor,
  input: z.output<typeof CreateServiceBody>,
): Promise<Service> {
  requireClusterAction(deps, actor, 'service.manage');
  await checkTeam(deps, input.handlingOrganisationId, input.handlerIds);
  await slugTaken(deps, input.slug);
  const now = deps.clock();
  const id = crypto.randomUUID();
  const row = { id, ...columns(input), createdAt: now, updatedAt: now } as ServiceRow;
  const { db } = deps;
  await commitAudited(
    db,
    [
      db.insert(services).values(row),
      ...input.handlerIds.map((userId) => db.insert(serviceHandlers).values({ serviceId: id, userId })),
    ],
    [
      {
        at: now,
        actorId: actor.id,
        actorOrganisationId: actor.organisationId,
        projectId: null,
        entity: 'service',
        entityId: id,
        action: 'create',
        field: null,
        before: null,
        after: { ...input },
        reason: null,
      },
    ],
  );
  return getService(deps, actor, id);
}

export async function updateService(
  deps: ServiceDeps,
  actor: Actor,
  serviceId: string,
  input: z.output<typeof UpdateServiceBody>,
): Promise<Service> {
  requireClusterAction(deps, actor, 'service.manage');
  const before = await getService(deps, actor, serviceId);
  await checkTeam(deps, input.handlingOrganisationId, input.handlerIds);
  if (input.slug) await slugTaken(deps, input.slug, before.id);
  const { db } = deps;
  const now = deps.clock();
  const statements: Statement[] = [
    db
      .update(services)
      .set({ ...columns(input), updatedAt: now })
      .where(eq(services.id, before.id)),
  ];
  if (input.handlerIds) {
    statements.push(db.delete(serviceHandlers).where(eq(serviceHandlers.serviceId, before.id)));
    for (const userId of input.handlerIds)
      statements.push(db.insert(serviceHandlers).values({ serviceId: before.id, userId }));
  }
  const { handlerIds, handlingOrganisationId, ...rest } = input;
  const beforeValues: Record<string, unknown> = {
    ...before,
    handlerIds: before.handlers.map((h) => h.id),
    handlingOrganisationId: before.handlingOrganisation?.id ?? null,
  };
  const changes = Object.entries({ ...rest, handlerIds, handlingOrganisationId }).filter(
    ([, v]) => v !== undefined,
  );
  await commitAudited(
    db,
    statements,
    changes.map(([field, after]) => ({
      at: now,
      actorId: actor.id,
      actorOrganisationId: actor.organisationId,
      projectId: null,
      entity: 'service',
      entityId: before.id,
      action: 'update',
      field,
      before: beforeValues[field] ?? null,
      after,
      reason: null,
    })),
  );
  return getService(deps, actor, before.id);
}
