/**
 * Conflicts of interest, declared by the person who has them, one per organisation (a
 * consultancy for a start-up, shares in the pharma partner). A declaration excludes them from
 * the committee of every gate of a project that organisation leads or partners in.
 */
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ConflictDeclaration, DeclareConflictBody } from '../../shared/schemas/gates.ts';
import type { Actor } from '../auth/actor.ts';
import { ChangeSet } from '../change-set.ts';
import { conflictDeclarations, organisations } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError } from '../errors.ts';

/** declarations one person may hold: bounded before anything is written */
export const CONFLICTS_AT_MOST = 50;

export async function myConflicts(
  deps: ServiceDeps,
  actor: Actor,
): Promise<z.infer<typeof ConflictDeclaration>[]> {
  const rows = await deps.db
    .select({ c: conflictDeclarations, name: organisations.name })
    .from(conflictDeclarations)
    .innerJoin(organisations, eq(organisations.id, conflictDeclarations.organisationId))
    .where(eq(conflictDeclarations.userId, actor.id))
    .orderBy(organisations.name);
  return rows.map(({ c, name }) => ({
    id: c.id,
    organisation: { id: c.organisationId, name },
    statement: c.statement,
    declaredAt: c.declaredAt.toISOString(),
  }));
}

export async function declareConflict(
  deps: ServiceDeps,
  actor: Actor,
  input: z.output<typeof DeclareConflictBody>,
): Promise<z.infer<typeof ConflictDeclaration>[]> {
  const { db } = deps;
  const [org] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, input.organisationId));
  if (!org)
    throw new AppError('invalid_input', 'No such organisation', [
      { path: 'organisationId', message: 'Pick an organisation of the cluster' },
    ]);
  const mine = await myConflicts(deps, actor);
  if (mine.length >= CONFLICTS_AT_MOST && !mine.some((c) => c.organisation.id === org.id))
    throw new AppError('invalid_input', `At most ${CONFLICTS_AT_MOST} declarations per person`);
  const now = deps.clock();
  const id = crypto.randomUUID();
  await new ChangeSet(deps, { at: now, actor, projectId: null })
    .write(
      db
        .insert(conflictDeclarations)
        .values({ id, userId: actor.id, organisationId: org.id, statement: input.statement, declaredAt: now })
        .onConflictDoUpdate({
          target: [conflictDeclarations.userId, conflictDeclarations.organisationId],
          set: { statement: input.statement, declaredAt: now },
        }),
    )
    .audit({
      entity: 'conflict_of_interest',
      entityId: org.id,
      action: 'create',
      after: { organisationId: org.id, statement: input.statement },
    })
    .commit();
  return myConflicts(deps, actor);
}

export async function withdrawConflict(
  deps: ServiceDeps,
  actor: Actor,
  organisationId: string,
): Promise<z.infer<typeof ConflictDeclaration>[]> {
  const { db } = deps;
  const mine = and(
    eq(conflictDeclarations.userId, actor.id),
    eq(conflictDeclarations.organisationId, organisationId),
  );
  const [row] = await db.select().from(conflictDeclarations).where(mine);
  if (!row) throw new AppError('not_found', 'You declared no conflict of interest with that organisation');
  await new ChangeSet(deps, { at: deps.clock(), actor, projectId: null })
    .write(db.delete(conflictDeclarations).where(mine))
    .audit({
      entity: 'conflict_of_interest',
      entityId: organisationId,
      action: 'delete',
      before: { organisationId, statement: row.statement },
    })
    .commit();
  return myConflicts(deps, actor);
}
