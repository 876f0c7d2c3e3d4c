/**
 * Evidence files: thin routes over evidence.ts. An upload's body is the file's bytes as they
 * are (any Content-Type: the type is read from the bytes), its name in `?name=`; the global
 * body limit skips these paths (isEvidenceUpload) and readUpload applies the evidence limit.
 */
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { ErrorBody } from '../../shared/errors.ts';
import {
  EVIDENCE_MAX_BYTES,
  EvidenceDownload,
  EvidenceItem,
  EvidenceList,
  EvidenceSettingsBody,
  EvidenceTargetKind,
} from '../../shared/schemas/evidence.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError, toErrorBody } from '../errors.ts';
import type { AppEnv } from '../http/context.ts';
import { requireActor } from '../http/context.ts';
import { createRouter, errors, IdParam, json, jsonBody } from '../http/router.ts';
import { type BlobStore, libsqlBlobStore } from './blob-store.ts';
import { cleanFileName, downloadName } from './evidence.rules.ts';
import {
  downloadEvidence,
  evidenceDownloadLog,
  listEvidence,
  setEvidenceTeamOnly,
  uploadEvidence,
} from './evidence.ts';
import { detectFileType } from './file-type.ts';
import { readUpload } from './read-upload.ts';

/**
 * The rest of a refused body is never read, so the connection cannot be reused: say so, as the
 * global body limit does (server/http/security.ts).
 */
const tooLargeReply = (c: Context<AppEnv>, error: AppError) =>
  c.json(toErrorBody(error), 413, { connection: 'close' });

const TargetParams = IdParam.extend({
  kind: EvidenceTargetKind,
  targetId: z.string().min(1).max(64),
});
const ItemParams = IdParam.extend({ itemId: z.string().min(1).max(64) });
const VersionParams = IdParam.extend({ versionId: z.string().min(1).max(64) });
const UploadQuery = z.object({
  name: z.string().max(1000).optional(),
  teamOnly: z.enum(['true', 'false']).optional(),
});
const ListQuery = z.object({
  kind: EvidenceTargetKind.optional(),
  targetId: z.string().min(1).max(64).optional(),
});

const uploadBody = {
  body: {
    content: { 'application/octet-stream': { schema: z.string().describe('the file’s bytes') } },
    required: true,
  },
} as const;
const uploadReplies = {
  201: json(EvidenceItem, 'The item, its new version first'),
  413: json(ErrorBody, `The file is over ${EVIDENCE_MAX_BYTES / (1024 * 1024)} MB`),
  415: json(ErrorBody, 'The content is not a type evidence takes'),
  ...errors,
} as const;

/** The upload paths, which read their own body within the evidence limit. */
export function isEvidenceUpload(method: string, path: string): boolean {
  return (
    method === 'POST' &&
    /^\/api\/projects\/[^/]+\/(evidence\/[^/]+\/[^/]+|evidence-items\/[^/]+\/versions)$/.test(path)
  );
}

export function evidenceRoutes(deps: ServiceDeps & { evidenceStore?: BlobStore }) {
  const evidenceDeps = { ...deps, evidenceStore: deps.evidenceStore ?? libsqlBlobStore(deps.db) };
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/projects/{id}/evidence',
        tags: ['evidence'],
        summary: "The project's evidence files you may see, with their versions (newest first)",
        request: { params: IdParam, query: ListQuery },
        responses: { 200: json(EvidenceList, 'Evidence'), ...errors },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        const items = await listEvidence(deps, requireActor(c), id, c.req.valid('query'));
        return c.json({ items }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/projects/{id}/evidence/{kind}/{targetId}',
        tags: ['evidence'],
        summary:
          'Attach a new evidence file to a gate criterion, a readiness dimension or a milestone (lead, contributors); the body is the file',
        request: { params: TargetParams, query: UploadQuery, ...uploadBody },
        responses: uploadReplies,
      }),
      async (c) => {
        const { id, kind, targetId } = c.req.valid('param');
        const query = c.req.valid('query');
        const fileName = cleanFileName(query.name);
        const bytes = await readUpload(c.req.raw, EVIDENCE_MAX_BYTES);
        if (bytes instanceof AppError) return tooLargeReply(c, bytes);
        const item = await uploadEvidence(
          evidenceDeps,
          requireActor(c),
          id,
          { target: { kind, targetId } },
          { fileName, teamOnly: query.teamOnly === 'true', bytes },
        );
        return c.json(item, 201);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/projects/{id}/evidence-items/{itemId}/versions',
        tags: ['evidence'],
        summary:
          'Upload a new version of an evidence file (lead, contributors); earlier versions stay readable',
        request: { params: ItemParams, query: UploadQuery, ...uploadBody },
        responses: uploadReplies,
      }),
      async (c) => {
        const { id, itemId } = c.req.valid('param');
        const fileName = cleanFileName(c.req.valid('query').name);
        const bytes = await readUpload(c.req.raw, EVIDENCE_MAX_BYTES);
        if (bytes instanceof AppError) return tooLargeReply(c, bytes);
        const item = await uploadEvidence(
          evidenceDeps,
          requireActor(c),
          id,
          { itemId },
          { fileName, teamOnly: false, bytes },
        );
        return c.json(item, 201);
      },
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/projects/{id}/evidence-items/{itemId}',
        tags: ['evidence'],
        summary:
          'Restrict an evidence file to the project team, or open it to every viewer (lead, contributors)',
        request: { params: ItemParams, ...jsonBody(EvidenceSettingsBody) },
        responses: { 200: json(EvidenceItem, 'The item'), ...errors },
      }),
      async (c) => {
        const { id, itemId } = c.req.valid('param');
        const item = await setEvidenceTeamOnly(
          deps,
          requireActor(c),
          id,
          itemId,
          c.req.valid('json').teamOnly,
        );
        return c.json(item, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/projects/{id}/evidence-versions/{versionId}/file',
        tags: ['evidence'],
        summary: 'Download one version of an evidence file (logged)',
        request: { params: VersionParams },
        responses: {
          200: { content: { 'application/octet-stream': { schema: z.string() } }, description: 'The file' },
          ...errors,
        },
      }),
      async (c) => {
        const { id, versionId } = c.req.valid('param');
        const file = await downloadEvidence(evidenceDeps, requireActor(c), id, versionId);
        const extension = detectFileType(file.bytes)?.extension ?? 'bin';
        const name = downloadName(file.fileName, extension);
        return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
          'content-type': file.mimeType,
          // never rendered in Jalon's origin: always saved
          'content-disposition': `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
          'cache-control': 'private, no-store',
          'x-content-type-options': 'nosniff',
        });
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/projects/{id}/evidence-downloads',
        tags: ['evidence'],
        summary: "Who downloaded which evidence version, when (the project's lead and cluster managers)",
        request: { params: IdParam },
        responses: { 200: json(z.object({ downloads: z.array(EvidenceDownload) }), 'The log'), ...errors },
      }),
      async (c) => {
        const downloads = await evidenceDownloadLog(deps, requireActor(c), c.req.valid('param').id);
        return c.json({ downloads }, 200);
      },
    );
}
