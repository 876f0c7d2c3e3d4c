/**
 * Cluster managers onboard an organisation and change it: name, address (slug), kind, founder
 * flag, descriptions, website and focus areas. Each change is audited field by field with the
 * organisation's own public values, and an edit made on a stale form is refused (409).
 */
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { slugFromName } from '../../shared/organisation-identity.ts';
import type { AdminOrganisationDetail, UpdateOrganisationBody } from '../../shared/schemas/organisations.ts';
import { requireClusterAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { ChangeSet } from '../change-set.ts';
import { organisations } from '../db/schema/index.ts';
import { BatchError } from '../db/write-connection.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError, conflict } from '../errors.ts';
import { adminOrganisationDetail, loadOrganisationRow } from './admin-organisations.ts';
import {
  changedFields,
  type NewOrganisation,
  organisationColumns,
  publicFields,
} from './organisation.rules.ts';

/** A conflict that names the field, so that a form shows it next to the address. */
const slugTaken = (slug: string) =>
  new AppError('conflict', `Another organisation already uses the address "${slug}": choose another one`, [
    { path: 'slug', message: 'already used by another organisation' },
  ]);

async function assertSlugFree(deps: ServiceDeps, slug: string, except?: string) {
  const [row] = await deps.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.slug, slug));
  if (row && row.id !== except) throw slugTaken(slug);
}

/** Two managers saving the same address at once: the unique index decides, and says so. */
async function commitOrSlugConflict(changes: ChangeSet, slug: string | undefined) {
  try {
    await changes.commit();
  } catch (err) {
    if (
      slug &&
      err instanceof BatchError &&
      /UNIQUE constraint failed: organisations\.slug/.test(err.message)
    )
      throw slugTaken(slug);
    throw err;
  }
}

export async function createOrganisation(
  deps: ServiceDeps,
  actor: Actor,
  input: NewOrganisation,
): Promise<AdminOrganisationDetail> {
  requireClusterAction(deps, actor, 'organisation.manage');
  const slug = input.slug ?? slugFromName(input.name);
  if (slug.length < 2)
    throw new AppError(
      'invalid_input',
      'Give the organisation an address (slug): its name has too few letters',
      [{ path: 'slug', message: 'required: at least two letters or digits' }],
    );
  await assertSlugFree(deps, slug);
  const now = deps.clock();
  const id = crypto.randomUUID();
  const row = { id, ...organisationColumns({ ...input, slug }), createdAt: now, version: 1 };
  const changes = new ChangeSet(deps, { at: now, actor, projectId: null })
    .write(deps.db.insert(organisations).values(row as typeof organisations.$inferInsert))
    .audit({
      entity: 'organisation',
      entityId: id,
      action: 'create',
      after: publicFields({
        ...row,
        parentId: null,
        deactivatedAt: null,
      } as typeof organisations.$inferSelect),
    });
  await commitOrSlugConflict(changes, slug);
  deps.log.info({ organisationId: id, by: actor.id }, 'organisation created');
  return adminOrganisationDetail(deps, actor, id);
}

export async function updateOrganisation(
  deps: ServiceDeps,
  actor: Actor,
  idOrSlug: string,
  input: z.output<typeof UpdateOrganisationBody>,
): Promise<AdminOrganisationDetail> {
  requireClusterAction(deps, actor, 'organisation.manage');
  const row = await loadOrganisationRow(deps, idOrSlug);
  const { version, ...fields } = input;
  if (row.version !== version) throw staleEdit();
  if (fields.slug !== undefined) await assertSlugFree(deps, fields.slug, row.id);
  const changed = changedFields(row, fields);
  if (changed.length > 0) {
    const now = deps.clock();
    const changes = new ChangeSet(deps, { at: now, actor, projectId: null }).guarded(
      deps.db
        .update(organisations)
        .set({ ...organisationColumns(fields), version: version + 1 })
        .where(and(eq(organisations.id, row.id), eq(organisations.version, version))),
      staleEdit().message,
    );
    for (const c of changed)
      changes.audit({ entity: 'organisation', entityId: row.id, action: 'update', ...c });
    await commitOrSlugConflict(changes, fields.slug);
  }
  return adminOrganisationDetail(deps, actor, row.id);
}

const staleEdit = () =>
  conflict('Someone changed this organisation since you opened it: reload it, then make your change again');
