/**
 * Evidence files: upload (a new item, or a new version of one), list, download (logged), the
 * team-only switch, and the download log. Access goes through server/auth/access.ts; what each
 * role may do is in evidence.rules.ts; the bytes go through a BlobStore (blob-store.ts).
 */
import { createHash } from 'node:crypto';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Role } from '../../shared/permissions.ts';
import type { EvidenceDownload, EvidenceItem, EvidenceTargetKind } from '../../shared/schemas/evidence.ts';
import { requireProjectAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { ChangeSet } from '../change-set.ts';
import {
  evidenceDownloads,
  evidenceItems,
  evidenceVersions,
  gateCriteria,
  milestones,
  readinessDimensions,
  user,
} from '../db/schema/index.ts';
import { commit } from '../db/writer.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import type { BlobStore } from './blob-store.ts';
import { mayReadDownloadLog, maySeeItem, maySeeTeamOnly, UPLOAD_ACTION } from './evidence.rules.ts';
import { ACCEPTED_TYPES, detectFileType } from './file-type.ts';

export interface EvidenceDeps extends ServiceDeps {
  evidenceStore: BlobStore;
}

export interface EvidenceTarget {
  kind: EvidenceTargetKind;
  targetId: string;
}

export interface UploadInput {
  fileName: string;
  /** only for a new item; a new version keeps its item's setting */
  teamOnly: boolean;
  bytes: Uint8Array;
}

const ITEM_NOT_FOUND = 'Evidence file not found';

/** A criterion of the project's track, a readiness dimension, or a milestone of the project. */
async function requireTarget(
  deps: ServiceDeps,
  project: { id: string; frameworkId: string },
  target: EvidenceTarget,
): Promise<void> {
  const { db } = deps;
  const rows =
    target.kind === 'criterion'
      ? await db
          .select({ id: gateCriteria.id })
          .from(gateCriteria)
          .where(and(eq(gateCriteria.id, target.targetId), eq(gateCriteria.frameworkId, project.frameworkId)))
          .limit(1)
      : target.kind === 'readiness'
        ? await db
            .select({ id: readinessDimensions.id })
            .from(readinessDimensions)
            .where(eq(readinessDimensions.id, target.targetId))
            .limit(1)
        : await db
            .select({ id: milestones.id })
            .from(milestones)
            .where(and(eq(milestones.id, target.targetId), eq(milestones.projectId, project.id)))
            .limit(1);
  if (rows.length === 0)
    throw new AppError('not_found', `No ${target.kind} ${target.targetId} on this project`);
}

/** The item, when the actor may see it; otherwise not found, whether it exists or not. */
async function visibleItem(deps: ServiceDeps, roles: Role[], projectId: string, itemId: string) {
  const [item] = await deps.db
    .select()
    .from(evidenceItems)
    .where(and(eq(evidenceItems.id, itemId), eq(evidenceItems.projectId, projectId)))
    .limit(1);
  if (!item || !maySeeItem(roles, item)) throw new AppError('not_found', ITEM_NOT_FOUND);
  return item;
}

function detect(bytes: Uint8Array) {
  if (bytes.length === 0) throw new AppError('invalid_input', 'The file is empty');
  const type = detectFileType(bytes);
  if (!type)
    throw new AppError(
      'unsupported_media_type',
      `This file’s content is not a type evidence takes (checked from its bytes, not its name): send ${ACCEPTED_TYPES}`,
    );
  return type;
}

/** Stores a new version: of `itemId`, or of a new item on `target`. Returns the item. */
export async function uploadEvidence(
  deps: EvidenceDeps,
  actor: Actor,
  projectId: string,
  where: { target: EvidenceTarget } | { itemId: string },
  input: UploadInput,
): Promise<EvidenceItem> {
  const { project, roles } = await requireProjectAction(deps, actor, projectId, UPLOAD_ACTION);
  const existing = 'itemId' in where ? await visibleItem(deps, roles, projectId, where.itemId) : null;
  if ('target' in where) await requireTarget(deps, project, where.target);
  const type = detect(input.bytes);
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const now = deps.clock();
  await deps.evidenceStore.put(
    { sha256, size: input.bytes.length, mimeType: type.mimeType },
    input.bytes,
    now,
  );

  const itemId = existing?.id ?? crypto.randomUUID();
  const teamOnly = existing?.teamOnly ?? input.teamOnly;
  const versionId = crypto.randomUUID();
  const changes = new ChangeSet(deps, { at: now, actor, projectId });
  if (!existing && 'target' in where)
    changes
      .write(
        deps.db.insert(evidenceItems).values({
          id: itemId,
          projectId,
          targetKind: where.target.kind,
          targetId: where.target.targetId,
          teamOnly,
          createdBy: actor.id,
          createdAt: now,
        }),
      )
      .audit({
        entity: 'evidence_item',
        entityId: itemId,
        action: 'create',
        after: { targetKind: where.target.kind, targetId: where.target.targetId, teamOnly },
      });
  await changes
    .write({
      // numbered in the statement itself: two uploads at once get 2 and 3, never 2 twice
      sql: `INSERT INTO evidence_versions
        (id, item_id, version, sha256, file_name, size, mime_type, uploaded_by, uploaded_at)
        SELECT ?, ?, COALESCE(MAX(version), 0) + 1, ?, ?, ?, ?, ?, ? FROM evidence_versions WHERE item_id = ?`,
      args: [
        versionId,
        itemId,
        sha256,
        input.fileName,
        input.bytes.length,
        type.mimeType,
        actor.id,
        now.getTime(),
        itemId,
      ],
    })
    .audit({
      entity: 'evidence_version',
      entityId: versionId,
      action: 'create',
      after: { itemId, fileName: input.fileName, size: input.bytes.length, mimeType: type.mimeType, sha256 },
    })
    .activity(teamOnly ? 'comment.read_team' : 'project.view')
    .commit();
  deps.log.info({ projectId, itemId, versionId, sha256, size: input.bytes.length }, 'evidence uploaded');
  const [item] = await loadItems(deps, projectId, [itemId]);
  return item!;
}

/** The project's evidence the actor may see, optionally on one target; versions newest first. */
export async function listEvidence(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
  target?: Partial<EvidenceTarget>,
): Promise<EvidenceItem[]> {
  const { roles } = await requireProjectAction(deps, actor, projectId, 'project.view');
  const items = await deps.db
    .select({ id: evidenceItems.id, teamOnly: evidenceItems.teamOnly })
    .from(evidenceItems)
    .where(
      and(
        eq(evidenceItems.projectId, projectId),
        target?.kind ? eq(evidenceItems.targetKind, target.kind) : undefined,
        target?.targetId ? eq(evidenceItems.targetId, target.targetId) : undefined,
        maySeeTeamOnly(roles) ? undefined : eq(evidenceItems.teamOnly, false),
      ),
    );
  return loadItems(
    deps,
    projectId,
    items.map((i) => i.id),
  );
}

async function loadItems(deps: ServiceDeps, projectId: string, ids: string[]): Promise<EvidenceItem[]> {
  if (ids.length === 0) return [];
  const { db } = deps;
  const [items, versions] = await Promise.all([
    db
      .select()
      .from(evidenceItems)
      .where(and(eq(evidenceItems.projectId, projectId), inArray(evidenceItems.id, ids)))
      .orderBy(evidenceItems.createdAt),
    db
      .select({ v: evidenceVersions, name: user.name })
      .from(evidenceVersions)
      .leftJoin(user, eq(user.id, evidenceVersions.uploadedBy))
      .where(inArray(evidenceVersions.itemId, ids))
      .orderBy(desc(evidenceVersions.version)),
  ]);
  return items.map((item) => ({
    id: item.id,
    targetKind: item.targetKind as EvidenceTargetKind,
    targetId: item.targetId,
    teamOnly: item.teamOnly,
    versions: versions
      .filter((r) => r.v.itemId === item.id)
      .map(({ v, name }) => ({
        id: v.id,
        version: v.version,
        fileName: v.fileName,
        size: v.size,
        mimeType: v.mimeType,
        sha256: v.sha256,
        uploadedBy: { id: v.uploadedBy, name: name ?? '—' },
        uploadedAt: v.uploadedAt.toISOString(),
      })),
  }));
}

export interface Download {
  bytes: Uint8Array;
  mimeType: string;
  fileName: string;
}

/** One version's bytes, logged as read by the actor; not found when the actor may not see it. */
export async function downloadEvidence(
  deps: EvidenceDeps,
  actor: Actor,
  projectId: string,
  versionId: string,
): Promise<Download> {
  const { roles } = await requireProjectAction(deps, actor, projectId, 'project.view');
  const [row] = await deps.db
    .select({ version: evidenceVersions, teamOnly: evidenceItems.teamOnly })
    .from(evidenceVersions)
    .innerJoin(evidenceItems, eq(evidenceItems.id, evidenceVersions.itemId))
    .where(and(eq(evidenceVersions.id, versionId), eq(evidenceItems.projectId, projectId)))
    .limit(1);
  if (!row || !maySeeItem(roles, row)) throw new AppError('not_found', ITEM_NOT_FOUND);
  const bytes = await deps.evidenceStore.get(row.version.sha256);
  if (!bytes) throw new AppError('internal', 'The stored file is missing');
  // logged before the bytes leave: a read that is not logged does not happen
  await commit(deps.db, [
    deps.db.insert(evidenceDownloads).values({
      id: crypto.randomUUID(),
      projectId,
      versionId,
      userId: actor.id,
      at: deps.clock(),
    }),
  ]);
  return { bytes, mimeType: row.version.mimeType, fileName: row.version.fileName };
}

/** Restricts an item to the project team, or opens it to every viewer (audited). */
export async function setEvidenceTeamOnly(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
  itemId: string,
  teamOnly: boolean,
): Promise<EvidenceItem> {
  const { roles } = await requireProjectAction(deps, actor, projectId, UPLOAD_ACTION);
  const item = await visibleItem(deps, roles, projectId, itemId);
  if (item.teamOnly !== teamOnly)
    await new ChangeSet(deps, { at: deps.clock(), actor, projectId })
      .write(deps.db.update(evidenceItems).set({ teamOnly }).where(eq(evidenceItems.id, itemId)))
      .audit({
        entity: 'evidence_item',
        entityId: itemId,
        action: 'update',
        field: 'teamOnly',
        before: item.teamOnly,
        after: teamOnly,
      })
      .activity('comment.read_team')
      .commit();
  const [loaded] = await loadItems(deps, projectId, [itemId]);
  return loaded!;
}

/** Who read which version, newest first (the lead and cluster managers only). */
export async function evidenceDownloadLog(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
  limit = 200,
): Promise<EvidenceDownload[]> {
  const { roles } = await requireProjectAction(deps, actor, projectId, 'project.view');
  if (!mayReadDownloadLog(roles))
    throw new AppError('forbidden', 'Only the project lead and cluster managers read the download log');
  const rows = await deps.db
    .select({
      at: evidenceDownloads.at,
      userId: evidenceDownloads.userId,
      name: user.name,
      versionId: evidenceVersions.id,
      version: evidenceVersions.version,
      fileName: evidenceVersions.fileName,
      targetKind: evidenceItems.targetKind,
      targetId: evidenceItems.targetId,
    })
    .from(evidenceDownloads)
    .innerJoin(evidenceVersions, eq(evidenceVersions.id, evidenceDownloads.versionId))
    .innerJoin(evidenceItems, eq(evidenceItems.id, evidenceVersions.itemId))
    .leftJoin(user, eq(user.id, evidenceDownloads.userId))
    .where(eq(evidenceDownloads.projectId, projectId))
    .orderBy(desc(evidenceDownloads.at))
    .limit(limit);
  return rows.map((r) => ({
    at: r.at.toISOString(),
    reader: { id: r.userId, name: r.name ?? '—' },
    versionId: r.versionId,
    version: r.version,
    fileName: r.fileName,
    targetKind: r.targetKind as EvidenceTargetKind,
    targetId: r.targetId,
  }));
}
